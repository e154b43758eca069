/**
 * Writes the fixtures' minutes text as Word documents the way councils' templates make them:
 * item headings in a Heading style with Word's own numbering ("1.", "2." … that only Word
 * counts), or every item as a two-column table of labels and text.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { MinutesText, TextItem } from './minutes-text.ts';

function plain(line: string): string {
  return line
    .replace(/^#+\s*/u, '')
    .replace(/<\/?b>/gu, '')
    .replaceAll('**', '')
    .replaceAll('\\_', '_')
    .trim();
}

/** Markdown-ish lines as Word paragraphs: lists as bulleted or numbered paragraphs. */
function paragraphs(lines: readonly string[]): Paragraph[] {
  return lines.flatMap((line) => {
    const text = line.trim();
    if (text === '' || /^-{3,}$/u.test(text)) return [];
    const item = /^\s*(?:([-*•])|\d{1,2}\.)\s+(.*)$/u.exec(line);
    if (item?.[1]) return [new Paragraph({ text: plain(item[2] ?? ''), bullet: { level: 0 } })];
    if (item)
      return [
        new Paragraph({ text: plain(item[2] ?? ''), numbering: { reference: 'points', level: 0 } }),
      ];
    return [new Paragraph({ children: [new TextRun(plain(text.replaceAll('\t', '  ')))] })];
  });
}

const numbering = {
  config: ['items', 'points'].map((reference) => ({
    reference,
    levels: [
      { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
    ],
  })),
};

function header(minutes: MinutesText): Paragraph[] {
  return minutes.header.flatMap((line) =>
    /^#/u.test(line)
      ? [new Paragraph({ text: plain(line), heading: HeadingLevel.TITLE })]
      : paragraphs([line]),
  );
}

/** Item headings numbered by Word ("1." is not in the text), sections as Heading 2. */
export async function minutesWithWordNumbering(minutes: MinutesText): Promise<Uint8Array> {
  const items = minutes.items.flatMap((item) => [
    new Paragraph({
      text: item.title,
      heading: HeadingLevel.HEADING_1,
      numbering: { reference: 'items', level: 0 },
    }),
    ...item.sections.flatMap((section) => [
      ...(section.heading === null
        ? []
        : [new Paragraph({ text: plain(section.heading), heading: HeadingLevel.HEADING_2 })]),
      ...paragraphs(section.lines),
    ]),
  ]);
  const document = new Document({
    numbering,
    sections: [{ children: [...header(minutes), ...items] }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children: children.length > 0 ? children : [new Paragraph('')],
    width: { size: width, type: WidthType.PERCENTAGE },
  });
}

function itemTable(item: TextItem): Table {
  const row = (label: string, content: Paragraph[]): TableRow[] =>
    content.length === 0
      ? []
      : [new TableRow({ children: [cell([new Paragraph(label)], 20), cell(content, 80)] })];
  const rows = item.sections.flatMap((section) => {
    if (section.heading !== null) return row(plain(section.heading), paragraphs(section.lines));
    // The journal number under the heading gets a row of its own; any other lead text too.
    const lead = section.lines.find((line) => line.trim() !== '')?.trim() ?? '';
    const isCaseNumber = /^(\d{2}\.\d{2}\.\d{2}-\S+|\d{2}\/\d+)$/u.test(lead);
    const rest = section.lines.filter((line) => !isCaseNumber || line.trim() !== lead);
    return [
      ...(isCaseNumber ? row('Sagsnr.', [new Paragraph(lead)]) : []),
      ...row('', paragraphs(rest)),
    ];
  });
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** Every item a table: the heading above it, labels and text in two columns. */
export async function minutesAsWordTables(minutes: MinutesText): Promise<Uint8Array> {
  const items = minutes.items.flatMap((item) => [
    new Paragraph({ text: plain(item.heading), heading: HeadingLevel.HEADING_1 }),
    itemTable(item),
  ]);
  const document = new Document({
    numbering,
    sections: [{ children: [...header(minutes), ...items] }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
