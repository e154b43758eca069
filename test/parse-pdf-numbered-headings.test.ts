import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { describe, expect, it } from 'vitest';
import { parseDocumentBytes } from '../src/parse/parse-document.ts';

/** Compiles Typst markup to a PDF with the house font, as another council's minutes. */
function typstPdf(markup: string): Uint8Array {
  const require = createRequire(import.meta.url);
  const fonts = require
    .resolve('@expo-google-fonts/source-sans-3/package.json')
    .replace(/package\.json$/u, '');
  const compiler = NodeCompiler.create({
    workspace: '/referat-test',
    fontArgs: [
      {
        fontBlobs: ['400Regular/SourceSans3_400Regular.ttf', '700Bold/SourceSans3_700Bold.ttf'].map(
          (file) => readFileSync(`${fonts}${file}`),
        ),
      },
    ],
  });
  const compiled = compiler.compile({ mainFileContent: markup });
  if (!compiled.result) throw new Error('Typst could not compile the test document');
  return new Uint8Array(compiler.pdf(compiled.result));
}

describe('a PDF whose items are bold numbered lines without "Punkt" (only the bold tells)', () => {
  it('finds the items, and not the numbered lists inside them', async () => {
    const pdf = typstPdf(`#set text(font: "Source Sans 3", lang: "da", size: 11pt)
#text(size: 16pt, weight: "bold")[Referat Økonomiudvalget]

Dato: 01.02.2019

*1. Godkendelse af dagsorden*

Beslutning

Godkendt.

*2. Budgetopfølgning*

Der er tre forhold:

+ Skoleområdet
+ Ældreområdet

Beslutning

Taget til efterretning.

*3. Evt.*

Beslutning

Intet.
`);
    const { meeting } = await parseDocumentBytes(pdf, 'referat.pdf');
    expect(meeting.items.map((item) => [item.number, item.title])).toEqual([
      [1, 'Godkendelse af dagsorden'],
      [2, 'Budgetopfølgning'],
      [3, 'Evt.'],
    ]);
    expect(meeting.items[1]?.decision).toBe('Taget til efterretning.');
    expect(meeting.items[1]?.background).toContain('Skoleområdet');
  });
});
