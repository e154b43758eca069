import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parseDocumentBytes } from '../src/parse/parse-document.ts';
import { typstPdf, typstString } from './support/typst-pdf.ts';

/**
 * Item headings degraded the way real PDFs and Word files degrade them, one per document:
 * items 1, 2 and 4 are proper headings, item 3's is not. The parser must find item 3 and
 * give it its own text.
 */
type Degraded = { name: string; heading: string[]; pageBreak?: boolean };

const degradations: Degraded[] = [
  { name: 'without bold, in another style', heading: ['3. CF - Budgetopfølgning'] },
  {
    name: 'alone on a line after a page break',
    heading: ['3 CF - Budgetopfølgning'],
    pageBreak: true,
  },
  { name: 'broken over two lines', heading: ['Punkt', '3: CF - Budgetopfølgning'] },
  { name: 'as "Ad 3"', heading: ['Ad 3. Budgetopfølgning'] },
];

const items = (third: Degraded) => [
  { heading: ['Punkt 1: CF - Godkendelse af dagsorden'], decision: 'Godkendt.' },
  { heading: ['Punkt 2: CF - Personalepolitik'], decision: 'Drøftet.' },
  { heading: third.heading, decision: 'Taget til efterretning.', isDegraded: true },
  { heading: ['Punkt 4: CF - Evt.'], decision: 'Intet.' },
];

function pdfOf(third: Degraded): Uint8Array {
  const body = items(third).flatMap((item) => [
    ...(item.isDegraded && third.pageBreak ? ['#pagebreak()'] : []),
    ...item.heading.map((line) =>
      item.isDegraded ? `#${typstString(line)}\n` : `#text(weight: "bold", ${typstString(line)})\n`,
    ),
    '#text(weight: "bold")[Beslutning]\n',
    `#${typstString(item.decision)}\n`,
  ]);
  return typstPdf(
    [
      '#set text(font: "Source Sans 3", lang: "da", size: 11pt)',
      '#text(size: 16pt, weight: "bold")[Referat Chefforum d. 01-02-2019]\n',
      ...body,
    ].join('\n'),
  );
}

async function docxOf(third: Degraded): Promise<Uint8Array> {
  const paragraph = (text: string, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ children: [new TextRun(text)], heading });
  const children = [
    paragraph('Referat Chefforum d. 01-02-2019', HeadingLevel.TITLE),
    ...items(third).flatMap((item) => [
      ...item.heading.map((line) =>
        item.isDegraded ? paragraph(line) : paragraph(line, HeadingLevel.HEADING_1),
      ),
      paragraph('Beslutning', HeadingLevel.HEADING_2),
      paragraph(item.decision),
    ]),
  ];
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

const formats: Array<[string, (third: Degraded) => Promise<Uint8Array> | Uint8Array, string]> = [
  ['PDF', pdfOf, 'referat.pdf'],
  ['DOCX', docxOf, 'referat.docx'],
];

describe.each(formats)('a %s whose item 3 heading is degraded', (_format, make, fileName) => {
  it.each(degradations)('finds item 3 $name', async (third) => {
    const { meeting, warnings } = await parseDocumentBytes(await make(third), fileName);
    expect(meeting.items.map((item) => [item.number, item.decision])).toEqual([
      [1, 'Godkendt.'],
      [2, 'Drøftet.'],
      [3, 'Taget til efterretning.'],
      [4, 'Intet.'],
    ]);
    expect(meeting.items[2]?.title).toMatch(/Budgetopfølgning$/u);
    expect(warnings.filter((warning) => warning.includes('forventede'))).toEqual([]);
  });
});
