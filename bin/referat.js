#!/usr/bin/env node
// The `referat` command. Node 24 runs the TypeScript sources directly (type stripping).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `referat: kræver Node 24 eller nyere (fundet ${process.version}); kør via npx referat eller npm run\n`,
  );
  process.exit(2);
}
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
