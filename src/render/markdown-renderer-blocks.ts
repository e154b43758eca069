/**
 * Blocks back to Markdown, in the conventions the project's readers write and its parser
 * reads: "- " and "N. " lists indented to their text, tables as tab-separated rows (the
 * corpus convention; GFM pipe tables would not survive the parser), fenced code.
 */
import type { Block, Inline } from './document-blocks.ts';
import {
  escapeLineStarts,
  writeInlineOnOneLine,
  writeParagraph,
} from './markdown-renderer-inline.ts';

/** The heading level of a text's own top heading: below the item (##) and section (###). */
const firstTextHeadingLevel = 4;

/** Blocks as Markdown, separated by blank lines. */
export function writeBlocks(blocks: readonly Block[]): string {
  const parts: string[] = [];
  let previous: Block | null = null;
  for (const block of blocks) {
    const text = writeBlock(block, isSameKindOfList(previous, block));
    if (text !== '') {
      parts.push(text);
      previous = block;
    }
  }
  return parts.join('\n\n');
}

/** Two lists of one kind in a row would merge into one; the second takes another marker. */
function isSameKindOfList(previous: Block | null, block: Block): boolean {
  return (
    previous?.type === 'list' && block.type === 'list' && previous.isOrdered === block.isOrdered
  );
}

function writeBlock(block: Block, hasAlternateMarker: boolean): string {
  switch (block.type) {
    case 'paragraph':
      return writeParagraph(block.runs).trim();
    case 'heading':
      return writeHeading(block.level, block.runs);
    case 'list':
      return writeList(block, hasAlternateMarker);
    case 'table':
      return writeTable(block.header, block.rows);
    case 'code':
      return writeCode(block.text);
    case 'quote': {
      const inner = writeBlocks(block.blocks);
      return inner === '' ? '' : prefixLines(inner, '> ', '>');
    }
    case 'rule':
      return '---';
  }
}

function writeHeading(level: number, runs: readonly Inline[]): string {
  // A trailing "#" would be read as a closing sequence and dropped.
  const text = writeInlineOnOneLine(runs)
    .trim()
    .replace(/(\s)(#+)$/u, '$1\\$2');
  if (text === '') return '';
  const depth = Math.min(6, Math.max(1, level) + firstTextHeadingLevel - 1);
  return `${'#'.repeat(depth)} ${text}`;
}

type ListBlock = Extract<Block, { type: 'list' }>;

function writeList(list: ListBlock, hasAlternateMarker: boolean): string {
  const isLoose = list.items.some((item) => !isTightItem(item));
  const items = list.items.map((item, index) => {
    const marker = list.isOrdered
      ? `${list.start + index}${hasAlternateMarker ? ')' : '.'} `
      : `${hasAlternateMarker ? '*' : '-'} `;
    const body = isLoose ? writeBlocks(item) : writeTightItem(item);
    // Continuation lines are indented to the item's text: 2 spaces under "- ", 3 under "1. ".
    const indent = ' '.repeat(marker.length);
    return body === '' ? marker.trimEnd() : prefixLines(body, indent, '', marker);
  });
  return items.join(isLoose ? '\n\n' : '\n');
}

/** A one-paragraph item, maybe with nested lists, needs no blank lines around it. */
function isTightItem(item: readonly Block[]): boolean {
  return item.every((block, index) =>
    index === 0 ? block.type === 'paragraph' || block.type === 'list' : block.type === 'list',
  );
}

function writeTightItem(item: readonly Block[]): string {
  let previous: Block | null = null;
  const parts: string[] = [];
  for (const block of item) {
    const text = writeBlock(block, isSameKindOfList(previous, block));
    if (text === '') continue;
    parts.push(text);
    previous = block;
  }
  return parts.join('\n');
}

/** Rows of tab-separated cells, the header row first; rows without any text are left out. */
function writeTable(header: Inline[][] | null, rows: readonly Inline[][][]): string {
  const lines = (header ? [header, ...rows] : rows)
    .map((row) => row.map((cell) => writeInlineOnOneLine(cell).trim()))
    .filter((cells) => cells.some((cell) => cell !== ''))
    // A row starting "- " or "1. " would be read as a list item; an empty first cell is kept.
    .map(([first = '', ...rest]) =>
      [escapeLineStarts(first), ...rest].join('\t').replace(/\t+$/u, ''),
    );
  return lines.join('\n');
}

function writeCode(text: string): string {
  const body = text.replace(/\n+$/u, '');
  const longest = Math.max(
    0,
    ...(body.match(/^ {0,3}(`{3,}|~{3,})/gmu) ?? []).map((f) => f.trim().length),
  );
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${body}\n${fence}`;
}

/** Prefixes every line; empty lines get `emptyPrefix`, the first line `firstPrefix`. */
function prefixLines(
  text: string,
  prefix: string,
  emptyPrefix: string,
  firstPrefix = prefix,
): string {
  return text
    .split('\n')
    .map((line, index) => {
      if (index === 0) return `${firstPrefix}${line}`;
      return line === '' ? emptyPrefix : `${prefix}${line}`;
    })
    .join('\n');
}
