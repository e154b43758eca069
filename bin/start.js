#!/usr/bin/env node
// `npm start`: the web application. Node 24 runs the TypeScript sources directly.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `referat: kræver Node 24 eller nyere (fundet ${process.version}); brug npm start\n`,
  );
  process.exit(2);
}
await import('../src/server/start.ts');
