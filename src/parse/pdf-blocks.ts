/**
 * Joins a PDF's lines into blocks: a wrapped paragraph or list item becomes one block, a table
 * row stays one. The decisions rest on font size and weight, line spacing and indentation.
 */
import { bodySize, commonLineGap, rightEdge } from './pdf-line-metrics.ts';
import type { Line } from './pdf-lines.ts';

/** A paragraph, list item or table row, with what deciding the next line needs. */
export interface Block {
  kind: 'para' | 'item' | 'row';
  text: string;
  size: number;
  bold: boolean;
  level: number;
  label: string;
  /** x where an item's text starts (for continuation lines). */
  textX: number;
  last: Line;
  /** The right edge of the column the last line stands in, over the whole document. */
  lastColumnRight: number;
  lineCount: number;
  cells: string[];
}

const SENTENCE_END = /[.!?:;…]["'”’»)\]]*$/;

/**
 * Turns lines into Markdown-ish blocks: paragraphs, list items and table rows. Also returns the
 * body text size, against which headings are told apart.
 */
export function layoutBlocks(pages: Line[][]): { blocks: Block[]; body: number } {
  const body = bodySize(pages);
  const lineGap = commonLineGap(pages, body);
  const blocks: Block[] = [];
  const listStack: number[] = [];
  let block: Block | undefined;
  const documentRights = columnRightEdges(pages.flat(), body);
  for (const lines of pages) {
    const flowRights = flowRightEdges(lines, body);
    for (const [index, line] of lines.entries()) {
      const isFirstInFlow = index === 0 || lines[index - 1]?.flow !== line.flow;
      const columnRight = flowRights.get(line.flow)?.right ?? 0;
      // A column of a few short lines (a one-paragraph item) says little about its width.
      const fullRight =
        (flowRights.get(line.flow)?.lines ?? 0) >= 5
          ? columnRight
          : Math.max(columnRight, documentRights.get(columnKey(line)) ?? 0);
      if (block && continues(block, line, isFirstInFlow, { body, lineGap, columnRight })) {
        // Past a column or page break, a wrapped item's text stands at the new column's indent.
        if (block.last.flow !== line.flow || block.last.page !== line.page) block.textX = line.x;
        block.text = joinLines(block.text, line.text);
        block.last = line;
        block.lastColumnRight = fullRight;
        block.lineCount++;
        continue;
      }
      block = { ...startBlock(line, listStack), lastColumnRight: fullRight };
      blocks.push(block);
    }
  }
  return { blocks, body };
}

/** The right edge of each column over the whole document, by where the column starts. */
function columnRightEdges(lines: readonly Line[], body: number): Map<number, number> {
  const rights = new Map<number, number>();
  for (const line of lines) {
    if (line.cells || Math.abs(line.size - body) > 0.5) continue;
    const key = columnKey(line);
    rights.set(key, Math.max(rights.get(key) ?? 0, line.right));
  }
  return rights;
}

function columnKey(line: Line): number {
  return Math.round(line.flowLeft / 10);
}

/** The right edge of each flow (column) of a page, and how many lines the flow has. */
function flowRightEdges(
  lines: readonly Line[],
  body: number,
): Map<number, { right: number; lines: number }> {
  const rights = new Map<number, { right: number; lines: number }>();
  for (const line of lines) {
    if (rights.has(line.flow)) continue;
    const flow = lines.filter((other) => other.flow === line.flow);
    rights.set(line.flow, { right: rightEdge(flow, body), lines: flow.length });
  }
  return rights;
}

function startBlock(line: Line, listStack: number[]): Omit<Block, 'lastColumnRight'> {
  const base = {
    text: line.text,
    size: line.size,
    bold: line.bold,
    level: 0,
    label: '',
    textX: line.x,
    last: line,
    lineCount: 1,
    cells: line.cells ?? [],
  };
  if (line.cells) {
    listStack.length = 0;
    return { ...base, kind: 'row' };
  }
  if (!line.marker) {
    listStack.length = 0;
    return { ...base, kind: 'para' };
  }
  // Indents count from the column's edge, so a list goes on at the top of the next column.
  const x = line.marker.x - line.flowLeft;
  while (listStack.length > 0 && x < (listStack.at(-1) ?? 0) - 2) listStack.pop();
  if (listStack.length === 0 || x > (listStack.at(-1) ?? 0) + 2) listStack.push(x);
  return { ...base, kind: 'item', level: listStack.length - 1, label: line.marker.label };
}

function continues(
  block: Block,
  line: Line,
  isFirstInFlow: boolean,
  page: { body: number; lineGap: Map<number, number>; columnRight: number },
): boolean {
  const { body, lineGap, columnRight } = page;
  if (block.kind === 'row' || line.marker || line.cells) return false;
  if (Math.abs(line.size - block.size) > 0.5 || line.bold !== block.bold) return false;
  const prev = block.last;
  const tolerance = line.size * 0.6;
  if (prev.page !== line.page || prev.flow !== line.flow) {
    // A page or column break: carry on only when the text above stopped mid-sentence (not in
    // a heading), at the same indent within its column.
    if (!isFirstInFlow || SENTENCE_END.test(prev.text)) return false;
    if (block.bold || block.size > body + 0.5) return false;
    // A line that stopped well short of its column's edge was not wrapped: the block ended.
    if (prev.right < block.lastColumnRight - (block.lastColumnRight - prev.x) * 0.25) return false;
    // Nor was a line that stopped although the next page's first word would have fitted
    // after it (a Bilag title, then a heading that a scan shows without its bold).
    const nextWordWidth = (line.text.split(' ')[0]?.length ?? 0) * line.size * 0.55;
    if (
      /^[\p{Lu}\d]/u.test(line.text) &&
      prev.right + line.size * 0.3 + nextWordWidth < block.lastColumnRight - line.size
    )
      return false;
    // A capitalized word or two alone on the line ("Indstilling") is a heading, not the rest.
    if (
      /^\p{Lu}/u.test(line.text) &&
      line.text.split(' ').length <= 3 &&
      !SENTENCE_END.test(line.text)
    )
      return false;
    const indent = (x: number, flowLeft: number): number => x - flowLeft;
    return (
      block.kind !== 'item' ||
      Math.abs(indent(line.x, line.flowLeft) - indent(block.textX, prev.flowLeft)) <= tolerance
    );
  }
  const gap = prev.y - line.y;
  const limit = lineGap.get(Math.round(line.size)) ?? line.size * 1.4;
  if (gap <= 0 || gap > limit) return false;
  if (block.kind === 'item') return Math.abs(line.x - block.textX) <= tolerance;
  // Lines of a paragraph share their left edge (bar a first-line indent); headings may be centred.
  const aligned =
    line.size > body + 0.5 ||
    Math.abs(line.x - prev.x) <= line.size ||
    (block.lineCount === 1 && line.x < prev.x);
  if (!aligned) return false;
  // No extra space between paragraphs: a short line ending a sentence ends the paragraph.
  const short = prev.right < columnRight - (columnRight - prev.x) * 0.25;
  if (short && SENTENCE_END.test(prev.text) && /^[\p{Lu}\d]/u.test(line.text)) return false;
  // A line that stopped although the next word would have fitted was broken on purpose, as in
  // single-spaced lists of attachments: a new line that starts in upper case is a new block.
  const nextWordWidth = (line.text.split(' ')[0]?.length ?? 0) * line.size * 0.55;
  const couldHoldNextWord = prev.right + line.size * 0.3 + nextWordWidth < columnRight - line.size;
  return !(couldHoldNextWord && !/-$/u.test(prev.text) && /^[\p{Lu}\d]/u.test(line.text));
}

const KEEP_HYPHEN_WORD = /^(ikke|non|ex|\p{L})$/iu;
const COORDINATING = /^(og|eller|samt|til|som|end|men|and|or)(?=[\s,.;:]|$)/;

/** Joins a wrapped line to the text before it, undoing end-of-line hyphenation. */
export function joinLines(before: string, after: string): string {
  const a = before.trimEnd();
  const b = after.trimStart();
  if (a.endsWith('\u00ad')) return a.slice(0, -1) + b;
  if (!a.endsWith('-')) return `${a} ${b}`;
  // A lone dash: "-" + "0,511" is a negative number, otherwise a dash between words.
  if (a === '-' || /\s-$/.test(a)) return /^\d/.test(b) ? a + b : `${a} ${b}`;
  // "sundheds-" + "og socialområdet" / "beskæftigelses-" + ", sundheds-"
  if (COORDINATING.test(b)) return `${a} ${b}`;
  if (b.startsWith(',')) return a + b;
  const word = /(\p{L}+)-$/u.exec(a)?.[1];
  // "sygefraværs-" + "statistikken"; but "IT-" + "projekter", "ikke-" + "kontant", "Bo-" + "Vest".
  if (word && /^\p{Ll}/u.test(b) && /\p{Ll}$/u.test(word) && !KEEP_HYPHEN_WORD.test(word)) {
    return a.slice(0, -1) + b;
  }
  return a + b;
}
