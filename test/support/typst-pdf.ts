/**
 * Builds PDFs for parser tests with Typst, in the house font: another council's minutes, laid
 * out as that council would (two columns, a header on every page, headings in the margin).
 * The text goes in as Typst strings, never as markup, so no character in it can break the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

let compiler: NodeCompiler | undefined;

function typstCompiler(): NodeCompiler {
  if (compiler) return compiler;
  const require = createRequire(import.meta.url);
  const fonts = require
    .resolve('@expo-google-fonts/source-sans-3/package.json')
    .replace(/package\.json$/u, '');
  compiler = NodeCompiler.create({
    workspace: '/referat-test',
    fontArgs: [
      {
        fontBlobs: ['400Regular/SourceSans3_400Regular.ttf', '700Bold/SourceSans3_700Bold.ttf'].map(
          (file) => readFileSync(`${fonts}${file}`),
        ),
      },
    ],
  });
  return compiler;
}

/** Compiles Typst markup to a PDF. */
export function typstPdf(markup: string): Uint8Array {
  const typst = typstCompiler();
  const compiled = typst.compile({ mainFileContent: markup });
  if (!compiled.result) throw new Error('Typst could not compile the test document');
  return new Uint8Array(typst.pdf(compiled.result));
}

/** A Typst string literal holding `text`. */
export function typstString(text: string): string {
  return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** How to lay out the minutes' text as a PDF. */
export interface MinutesPdfLayout {
  /** Text columns on each page. */
  columns?: 1 | 2;
  /** A line printed at the top of every page, as a running header. */
  pageHeader?: string;
  /** "Side N" at the foot of every page. */
  pageNumbers?: boolean;
  /** Start every item on a new page, repeating these lines of the meeting header above it. */
  itemPageHeader?: readonly string[];
}

/**
 * Lays out Markdown-ish minutes (the fixtures' .txt: `#` headings, `**bold**` lines, lists,
 * tab-separated table rows) as Typst markup.
 */
export function minutesTypst(text: string, layout: MinutesPdfLayout = {}): string {
  const page = [
    'paper: "a4"',
    `columns: ${layout.columns ?? 1}`,
    layout.pageHeader ? `header: text(size: 9pt, ${typstString(layout.pageHeader)})` : '',
    layout.pageNumbers
      ? 'footer: context align(center, text(size: 9pt)[Side #counter(page).display()])'
      : '',
  ].filter((part) => part !== '');
  const preamble = [
    '#set text(font: "Source Sans 3", lang: "da", size: 11pt)',
    `#set page(${page.join(', ')})`,
    '#set par(justify: false)',
    '',
  ];
  return [...preamble, ...blocksOf(text).map((block) => renderBlock(block, layout))].join('\n');
}

type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'para'; text: string; bold: boolean }
  | { kind: 'list'; lines: string[] }
  | { kind: 'table'; rows: string[][] };

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || /^-{3,}$/u.test(trimmed)) continue;
    const previous = blocks.at(-1);
    if (line.includes('\t')) {
      const cells = line.split('\t').map((cell) => plain(cell));
      if (previous?.kind === 'table') previous.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
    } else if (/^\s*(?:[-*•]|\d{1,2}\.)\s/u.test(line)) {
      if (previous?.kind === 'list') previous.lines.push(line);
      else blocks.push({ kind: 'list', lines: [line] });
    } else if (/^#{1,6}\s/u.test(trimmed)) {
      const level = /^#+/u.exec(trimmed)?.[0].length ?? 1;
      blocks.push({ kind: 'heading', level, text: plain(trimmed.replace(/^#+\s*/u, '')) });
    } else {
      blocks.push({ kind: 'para', text: plain(trimmed), bold: /^\*\*[^*].*\*\*$/u.test(trimmed) });
    }
  }
  return blocks;
}

function plain(text: string): string {
  return text
    .replace(/<\/?b>/gu, '')
    .replaceAll('**', '')
    .replaceAll('\\_', '_')
    .trim();
}

const itemHeading = /^(?:punkt|pkt\.?|\d{1,3}[.)]|[IVX]{1,5}\.)\s/iu;

function renderBlock(block: Block, layout: MinutesPdfLayout): string {
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 1 ? 16 : block.level === 2 ? 13 : 11;
      const heading = `#text(size: ${size}pt, weight: "bold", ${typstString(block.text)})\n`;
      if (!layout.itemPageHeader || !itemHeading.test(block.text)) return heading;
      const header = layout.itemPageHeader.map((line) => `#${typstString(line)}\n`).join('\n');
      return `#pagebreak(weak: true)\n${header}\n${heading}`;
    }
    case 'para': {
      const text = typstString(block.text);
      return block.bold ? `#text(weight: "bold", ${text})\n` : `#${text}\n`;
    }
    case 'list':
      return `${block.lines.map(listLine).join('\n')}\n`;
    case 'table': {
      const columns = Math.max(...block.rows.map((row) => row.length));
      const cells = block.rows.flatMap((row) =>
        Array.from({ length: columns }, (_, index) => `[#${typstString(row[index] ?? '')}]`),
      );
      return `#table(columns: ${columns}, stroke: none, ${cells.join(', ')})\n`;
    }
  }
}

function listLine(line: string): string {
  const match = /^(\s*)([-*•]|\d{1,2}\.)\s+(.*)$/u.exec(line);
  const indent = (match?.[1] ?? '').replace(/\t/gu, '  ');
  const marker = match?.[2] === '*' || match?.[2] === '•' ? '-' : (match?.[2] ?? '-');
  return `${indent}${marker} #${typstString(plain(match?.[3] ?? line))}`;
}
