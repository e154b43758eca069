/**
 * Writes test/fixtures/layouts/: each layout variant of test/support/layout-fixtures.ts made
 * from its real minutes, a gold JSON where the variant changes what the parser must find, the
 * manifest the test reads, and the README. Run with `node scripts/make-layout-fixtures.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutVariants } from '../test/support/layout-fixtures.ts';

const minutes = new URL('../test/fixtures/minutes/', import.meta.url);
const layouts = new URL('../test/fixtures/layouts/', import.meta.url);

interface ManifestEntry {
  file: string;
  gold: string;
  origin: string;
  description: string;
}

const manifest: ManifestEntry[] = [];
for (const variant of layoutVariants) {
  const text = readFileSync(new URL(`${variant.origin}.txt`, minutes), 'utf8');
  const gold = JSON.parse(readFileSync(new URL(`${variant.origin}.json`, minutes), 'utf8'));
  const built = await variant.build(text, gold);
  writeFileSync(new URL(variant.file, layouts), built.document);
  let goldFile = `../minutes/${variant.origin}.json`;
  if (built.gold) {
    goldFile = variant.file.replace(/\.\w+$/u, '.gold.json');
    writeFileSync(new URL(goldFile, layouts), `${JSON.stringify(built.gold, null, 2)}\n`);
  }
  manifest.push({
    file: variant.file,
    gold: goldFile,
    origin: variant.origin,
    description: variant.description,
  });
}
writeFileSync(new URL('variants.json', layouts), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(new URL('README.md', layouts), readme(manifest));
process.stdout.write(`${manifest.length} layout variants written to test/fixtures/layouts/\n`);

function readme(variants: readonly ManifestEntry[]): string {
  const lines = variants.map(
    (variant) =>
      `- \`${variant.file}\`: from \`minutes/${variant.origin}\` (${variant.gold.startsWith('..') ? 'gold: its JSON' : `gold: \`${variant.gold}\``}); ${variant.description}.`,
  );
  return `# Layout variants

The real minutes in \`../minutes/\` laid out the way other councils write theirs, so that the
hand-checked JSON still says what the parser must find. Each file is made from one of them by
\`scripts/make-layout-fixtures.ts\` (the layouts are in \`test/support/layout-fixtures.ts\`; the
PDFs are set with Typst in Source Sans 3). Where a layout changes what the parser must find
(an agenda has no decisions, closed items are closed), a \`.gold.json\` beside it says so;
otherwise the gold is the origin's JSON. \`variants.json\` lists them for
\`test/parse-layout-fixtures.test.ts\`, which scores each the way \`score-parse\` does.

${lines.join('\n')}
`;
}
