/**
 * Turns the block model (document-blocks.ts) into Word paragraphs and tables. Every numbered
 * list gets a numbering definition of its own, so each one counts from its own start; the
 * numbering definitions are collected in a ListNumbering that the document is built with.
 */
import {
  ExternalHyperlink,
  HeadingLevel,
  type IParagraphOptions,
  type NumberingDefinition,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableCell,
  type TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, Inline } from './document-blocks.ts';
import {
  bulletReference,
  codeFont,
  createBulletDefinition,
  createOrderedDefinition,
  deepestListLevel,
  indentStep,
  quoteBar,
  ruleBorder,
  tableBorders,
} from './docx-styles.ts';

/** What a block becomes in the document body. */
export type BodyChild = Paragraph | Table | TableOfContents;

/** The list definitions a document needs; one per numbered list, one for all bullets. */
export class ListNumbering {
  readonly definitions: NumberingDefinition[] = [createBulletDefinition()];
  #count = 0;

  /** A new numbering definition for one numbered list at `level`, counting from `start`. */
  addOrderedList(level: number, start: number): string {
    this.#count++;
    const reference = `referat-list-${this.#count}`;
    // Word keeps start values in 0..32767; Markdown allows larger ones.
    const safeStart = Math.min(Math.max(Math.trunc(start) || 0, 0), 32767);
    this.definitions.push(createOrderedDefinition(reference, level, safeStart));
    return reference;
  }
}

/** Where blocks are being written: the lists for numbering, and how far a quote indents. */
interface BlockContext {
  numbering: ListNumbering;
  /** Left indent of quotes around the block, in twips. */
  quoteIndent: number;
  /** The list level the block belongs to, or -1 outside lists. */
  listLevel: number;
}

/** Text Word can store: no characters XML 1.0 forbids, no lone surrogates. */
export function cleanXmlText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these break the XML
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu, '')
      .replace(/\r\n?/gu, '\n')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu, '\uFFFD')
  );
}

/**
 * The runs of one piece of text: "\n" becomes a line break and "\t" a tab, so that Word
 * shows them rather than folding them into spaces. `characterStyle` names a Word character
 * style, such as Hyperlink.
 */
export function createTextRuns(
  text: string,
  format: Omit<Inline, 'text' | 'href'> = {},
  characterStyle?: string,
): TextRun[] {
  const style = {
    style: characterStyle,
    bold: format.isBold === true ? true : undefined,
    italics: format.isItalic === true ? true : undefined,
    font: format.isCode === true ? codeFont : undefined,
  };
  return cleanXmlText(text)
    .split('\n')
    .map((line, index) => {
      const children: Array<string | Tab> = [];
      line.split('\t').forEach((part, partIndex) => {
        if (partIndex > 0) children.push(new Tab());
        if (part !== '') children.push(part);
      });
      return new TextRun({ ...style, children, break: index > 0 ? 1 : undefined });
    });
}

/** A paragraph's children from inline runs; links become Word hyperlinks. */
export function createInlineChildren(runs: readonly Inline[], isBold = false): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  for (const run of runs) {
    const format = { ...run, isBold: run.isBold === true || isBold };
    if (run.href) {
      const textRuns = createTextRuns(run.text, format, 'Hyperlink');
      children.push(new ExternalHyperlink({ link: cleanXmlText(run.href), children: textRuns }));
    } else {
      children.push(...createTextRuns(run.text, format));
    }
  }
  return children;
}

/** Converts blocks to Word body content. */
export function createBlockContent(
  blocks: readonly Block[],
  numbering: ListNumbering,
): BodyChild[] {
  const out: BodyChild[] = [];
  const context: BlockContext = { numbering, quoteIndent: 0, listLevel: -1 };
  for (const block of blocks) appendBlock(out, block, context);
  return out;
}

function appendBlock(out: BodyChild[], block: Block, context: BlockContext): void {
  switch (block.type) {
    case 'paragraph':
      out.push(createParagraph(context, { children: createInlineChildren(block.runs) }));
      break;
    case 'heading':
      out.push(
        createParagraph(context, {
          heading: chooseTextHeadingLevel(block.level),
          children: createInlineChildren(block.runs),
        }),
      );
      break;
    case 'list':
      appendList(out, block, context);
      break;
    case 'table': {
      const table = createTable(block.header, block.rows);
      if (table) out.push(table);
      break;
    }
    case 'code': {
      // A paragraph per line, so that line breaks survive copying and every reader.
      const lines = block.text.split('\n');
      lines.forEach((line, index) => {
        const spacing = { after: index === lines.length - 1 ? 120 : 0 };
        out.push(
          createParagraph(context, { style: 'Code', spacing, children: createTextRuns(line) }),
        );
      });
      break;
    }
    case 'quote': {
      const inner = { ...context, quoteIndent: context.quoteIndent + indentStep * 2 };
      for (const child of block.blocks) appendBlock(out, child, inner);
      break;
    }
    case 'rule':
      out.push(createParagraph(context, { border: ruleBorder, children: [] }));
      break;
    default: {
      // A block type this renderer does not know yet is left out rather than failing the document.
      const unknown: never = block;
      void unknown;
    }
  }
}

/**
 * Headings inside a text sit below the item's own headings (Heading 2 for the item, Heading 3
 * for its sections), so they never join the table of contents or upset the outline.
 */
function chooseTextHeadingLevel(level: number) {
  if (level <= 1) return HeadingLevel.HEADING_4;
  if (level === 2) return HeadingLevel.HEADING_5;
  return HeadingLevel.HEADING_6;
}

/** A paragraph indented for the quotes and list items around it. */
function createParagraph(context: BlockContext, options: IParagraphOptions): Paragraph {
  const listIndent = context.listLevel >= 0 ? indentStep * (context.listLevel + 1) : 0;
  const left = context.quoteIndent + listIndent;
  if (left === 0) return new Paragraph(options);
  // A quote is marked by a bar on its left, as mail programs and browsers draw it.
  const border = context.quoteIndent > 0 ? { left: quoteBar, ...options.border } : options.border;
  return new Paragraph({ ...options, indent: { left }, border });
}

type ListBlock = Extract<Block, { type: 'list' }>;

function appendList(out: BodyChild[], list: ListBlock, context: BlockContext): void {
  const level = Math.min(context.listLevel + 1, deepestListLevel);
  const reference = list.isOrdered
    ? context.numbering.addOrderedList(level, list.start)
    : bulletReference;
  const inner: BlockContext = { ...context, listLevel: level };
  for (const item of list.items) {
    const [first, ...rest] = item;
    const isInline = first?.type === 'paragraph' || first?.type === 'heading';
    const numbered: IParagraphOptions = {
      numbering: { reference, level },
      children: isInline ? createInlineChildren(first.runs) : [],
    };
    // Inside a quote the list moves right with it; elsewhere the level's own indent applies.
    const indent =
      context.quoteIndent > 0
        ? { left: context.quoteIndent + indentStep * (level + 1), hanging: indentStep }
        : undefined;
    out.push(new Paragraph(indent ? { ...numbered, indent } : numbered));
    for (const block of isInline ? rest : item) appendBlock(out, block, inner);
  }
}

/** A bordered table; a header row repeats on each page. Null when there are no cells. */
function createTable(header: Inline[][] | null, rows: Inline[][][]): Table | null {
  const allRows = header ? [header, ...rows] : rows;
  const width = allRows.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (width === 0) return null;
  const tableRows = allRows.map((cells, index) => {
    const isHeader = header !== null && index === 0;
    const padded = Array.from({ length: width }, (_, column) => cells[column] ?? []);
    return new TableRow({
      tableHeader: isHeader ? true : undefined,
      children: padded.map(
        (runs) =>
          new TableCell({
            children: [
              new Paragraph({
                spacing: { after: 0 },
                children: createInlineChildren(runs, isHeader),
              }),
            ],
          }),
      ),
    });
  });
  return new Table({
    rows: tableRows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: tableBorders,
  });
}
