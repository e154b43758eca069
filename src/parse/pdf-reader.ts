import { getDocumentProxy } from 'unpdf';
import { ParseError } from './parse-error.ts';
import type { SourceText } from './source-text.ts';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>;

/** One text item of a page, in PDF user space (y grows upwards). */
interface Run {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  font: string;
  space: boolean;
}

interface Marker {
  /** `-` for bullets, otherwise the number or letter as written ("1", "a"). */
  label: string;
  x: number;
}

/** One visual line: runs sharing a baseline, left to right. */
interface Line {
  page: number;
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  bold: boolean;
  /** Cells when the line has wide gaps (a table row); otherwise undefined. */
  cells: string[] | undefined;
  marker: Marker | undefined;
  /** The page's top and bottom edge, for the header and footer zones. */
  top: number;
  bottom: number;
}

interface Block {
  kind: 'para' | 'item' | 'row';
  text: string;
  size: number;
  bold: boolean;
  level: number;
  label: string;
  /** x where an item's text starts (for continuation lines). */
  textX: number;
  last: Line;
  lineCount: number;
  cells: string[];
}

/** Reads a PDF's text into the SourceText contract. */
export async function readPdf(
  bytes: Uint8Array,
  options: { signal?: AbortSignal } = {},
): Promise<SourceText> {
  const { signal } = options;
  if (bytes.length === 0) throw new ParseError('PDF-filen er tom');
  if (!hasPdfHeader(bytes)) throw new ParseError('filen er ikke en PDF');
  checkAborted(signal);

  let pdf: PdfDocument | undefined;
  const onAbort = (): void => {
    void pdf?.loadingTask.destroy();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  const pages: PageRuns[] = [];
  const fonts = new FontStyles();
  try {
    // pdf.js takes ownership of the buffer it is given, so hand it a copy.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0 });
    checkAborted(signal);
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      pages.push(await readPageRuns(page, fonts));
      page.cleanup();
      checkAborted(signal);
    }
  } catch (error) {
    throw toParseError(error, signal);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (pdf) await pdf.loadingTask.destroy().catch(() => undefined);
  }
  const lines = pages.map((page, i) => groupLines(page, i + 1, fonts));
  const text = layout(dropHeadersAndFooters(lines));
  if (countLetters(text) < 3) throw new ParseError('PDF-filen har ingen tekst (indscannet?)');
  return text;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ParseError('tiden løb ud');
}

function toParseError(error: unknown, signal: AbortSignal | undefined): ParseError {
  if (signal?.aborted) return new ParseError('tiden løb ud');
  if (error instanceof ParseError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ParseError('PDF-filen er krypteret med adgangskode');
  return new ParseError('PDF-filen er beskadiget eller afkortet');
}

/** Knows which pdf.js font ids are bold; asks pdf.js (costly) only for fonts not seen yet. */
class FontStyles {
  private readonly bold = new Map<string, boolean>();
  private lookups = 0;

  async learn(page: PdfPage, fontIds: Iterable<string>): Promise<void> {
    const unknown = [...fontIds].filter((id) => !this.bold.has(id));
    if (unknown.length === 0) return;
    // Fonts reach page.commonObjs only through the operator list, which costs about as much
    // as the text itself; documents usually introduce their fonts on the first pages.
    if (this.lookups < 4) {
      this.lookups++;
      try {
        await page.getOperatorList();
      } catch {
        // Font names are only a hint for headings.
      }
    }
    for (const id of unknown) this.bold.set(id, BOLD_FONT.test(fontName(page, id)));
  }

  isBold(id: string): boolean {
    return this.bold.get(id) ?? false;
  }
}

const BOLD_FONT = /bold|black|heavy|demi|semibd|[-,]bd\b/i;

function fontName(page: PdfPage, id: string): string {
  if (!page.commonObjs.has(id)) return '';
  const font: unknown = page.commonObjs.get(id);
  if (font && typeof font === 'object' && 'name' in font && typeof font.name === 'string') {
    return font.name;
  }
  return '';
}

/** A page's text items and its vertical extent. */
interface PageRuns {
  runs: Run[];
  top: number;
  bottom: number;
}

async function readPageRuns(page: PdfPage, fonts: FontStyles): Promise<PageRuns> {
  const content = await page.getTextContent();
  const runs: Run[] = [];
  const fontIds = new Set<string>();
  for (const item of content.items) {
    if (!('str' in item) || item.str === '' || item.dir === 'ttb') continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    // Skip rotated text (margin stamps, watermarks).
    if (a <= 0 || Math.abs(b) > a * 0.1) continue;
    const text = cleanRunText(item.str);
    const space = text.trim() === '';
    const size = Math.hypot(c, d) || item.height;
    if (!space) fontIds.add(item.fontName);
    runs.push({ text, x, right: x + item.width, y, size, font: item.fontName, space });
  }
  await fonts.learn(page, fontIds);
  const [, bottom = 0, , top = 792] = page.view;
  return { runs, top, bottom };
}

/** Cleans one pdf.js string: tabs and line breaks become spaces; NFC. */
function cleanRunText(text: string): string {
  return text.replace(/[\t\r\n]/g, ' ').normalize('NFC');
}

function groupLines({ runs, top, bottom }: PageRuns, page: number, fonts: FontStyles): Line[] {
  runs.sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: RunGroup[] = [];
  let current: RunGroup | undefined;
  for (const run of runs) {
    if (!current || Math.abs(run.y - current.y) > Math.max(2, current.size * 0.25)) {
      current = { runs: [], y: run.y, size: 0 };
      groups.push(current);
    }
    current.runs.push(run);
    if (!run.space && run.size > current.size) current.size = run.size;
  }
  // Superscripts (footnote marks) and subscripts sit a little off their line, in a smaller size.
  const merged: RunGroup[] = [];
  for (const [i, group] of groups.entries()) {
    const next = groups[i + 1];
    const small = (other: RunGroup): boolean => group.size > 0 && group.size < other.size * 0.85;
    if (next && small(next) && group.y - next.y < next.size * 0.6) {
      next.runs.push(...group.runs);
      continue;
    }
    const previous = merged.at(-1);
    if (previous && small(previous) && previous.y - group.y < previous.size * 0.4) {
      previous.runs.push(...group.runs);
      continue;
    }
    merged.push(group);
  }
  const lines: Line[] = [];
  for (const group of merged) {
    const line = makeLine(group.runs, page, top, bottom, fonts);
    if (line) lines.push(line);
  }
  return lines;
}

interface RunGroup {
  runs: Run[];
  y: number;
  /** The largest font size of the group's visible runs (0 when only spaces). */
  size: number;
}

const STRONG_BULLET = /^[•●○◦▪▫■□◆◇►▸‣⁃∙·➢➤✓✔❖\u2022\uF000-\uF0FF]$/u;
const WEAK_BULLET = /^[-–—o*]$/;
const NUMBER_MARKER = /^(\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]$|^\((\d{1,3}|[a-zA-Z])\)$/;

function makeLine(
  runs: Run[],
  page: number,
  top: number,
  bottom: number,
  fonts: FontStyles,
): Line | undefined {
  runs.sort((p, q) => p.x - q.x);
  const words = runs.filter((r) => !r.space);
  const first = words[0];
  if (!first) return undefined;
  let marker: Marker | undefined;
  // The runs that make up the line's text (after a list marker, if any).
  let content = runs;
  const second = words[1];
  const label = first.text.trim();
  if (second) {
    const gap = second.x - first.right;
    if (STRONG_BULLET.test(label) || (WEAK_BULLET.test(label) && gap >= first.size * 0.4)) {
      marker = { label: '-', x: first.x };
    } else if (NUMBER_MARKER.test(label) && gap >= first.size * 0.6) {
      marker = { label: label.replace(/[.()]/g, ''), x: first.x };
    }
    if (marker) content = runs.slice(runs.indexOf(second));
  } else {
    // A bullet glyph glued to its text in one item: "• Tekst".
    const glued = /^([•●▪■►➢\u2022\uF000-\uF0FF])\s*(\S.*)$/u.exec(label);
    if (glued?.[2]) {
      marker = { label: '-', x: first.x };
      content = [{ ...first, text: glued[2] }];
    }
  }
  const start = content.find((run) => !run.space);
  if (!start) return undefined;

  const cells: string[] = [];
  let text = '';
  let lastRight = Number.NEGATIVE_INFINITY;
  let lastText = '';
  let lastX = Number.NEGATIVE_INFINITY;
  let pendingSpace = false;
  let chars = 0;
  let size = start.size;
  let bold = true;
  for (const run of content) {
    if (run.space) {
      if (text !== '') pendingSpace = true;
      continue;
    }
    // Fake bold: the same string drawn twice, slightly offset.
    if (run.text === lastText && Math.abs(run.x - lastX) < 1) continue;
    if (text !== '') {
      const gap = run.x - lastRight;
      if (gap > run.size * 2.5) {
        cells.push(text.trim());
        text = '';
      } else if (
        (pendingSpace || gap > run.size * 0.15) &&
        !/\s$/.test(text) &&
        !/^\s/.test(run.text)
      ) {
        text += ' ';
      }
    }
    text += run.text;
    pendingSpace = false;
    lastRight = Math.max(lastRight, run.right);
    lastText = run.text;
    lastX = run.x;
    const n = run.text.trim().length;
    if (n > chars) {
      chars = n;
      size = run.size;
    }
    if (!fonts.isBold(run.font)) bold = false;
  }
  if (cells.length > 0) cells.push(text.trim());
  const joined = (cells.length > 0 ? cells.join(' ') : text).replace(/\s+/g, ' ').trim();
  if (joined === '') return undefined;
  return {
    page,
    text: joined,
    x: start.x,
    right: lastRight,
    y: start.y,
    size: Math.round(size * 10) / 10,
    bold,
    cells: cells.length > 1 ? cells.map((cell) => cell.replace(/\s+/g, ' ')) : undefined,
    marker,
    top,
    bottom,
  };
}

const PAGE_NUMBER = [
  /^(side|page|s\.)\s*\d+(\s*(af|of|\/)\s*\d+)?$/i,
  /^\d+\s*(\/|af|of)\s*\d+$/i,
  /^[-–—]\s*\d+\s*[-–—]$/,
  /^\d{1,4}$/,
];

/** Drops running headers, footers and page numbers: lines in the top or bottom tenth of a page. */
function dropHeadersAndFooters(pages: Line[][]): Line[][] {
  const inZone = (line: Line): boolean => {
    const margin = (line.top - line.bottom) * 0.1;
    return line.y > line.top - margin || line.y < line.bottom + margin;
  };
  const key = (line: Line): string => line.text.replace(/\d+/g, '#').toLowerCase();
  const pagesWithKey = new Map<string, Set<number>>();
  const pagesWithText = new Map<string, Set<number>>();
  for (const lines of pages) {
    for (const line of lines) {
      if (!inZone(line)) continue;
      addTo(pagesWithKey, key(line), line.page);
      addTo(pagesWithText, line.text, line.page);
    }
  }
  const total = pages.length;
  const repeats = (line: Line): boolean => {
    if (total >= 3) return (pagesWithKey.get(key(line))?.size ?? 0) * 2 >= total;
    return total === 2 && pagesWithText.get(line.text)?.size === 2;
  };
  return pages.map((lines) =>
    lines.filter(
      (line) =>
        !inZone(line) || !(PAGE_NUMBER.some((pattern) => pattern.test(line.text)) || repeats(line)),
    ),
  );
}

function addTo(map: Map<string, Set<number>>, key: string, page: number): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(page);
}

const SENTENCE_END = /[.!?:;…]["'”’»)\]]*$/;

/** Turns lines into Markdown-ish blocks. */
function layout(pages: Line[][]): string {
  const body = bodySize(pages);
  const lineGap = commonLineGap(pages, body);
  const blocks: Block[] = [];
  const listStack: number[] = [];
  let block: Block | undefined;
  for (const lines of pages) {
    const columnRight = rightEdge(lines, body);
    for (const [index, line] of lines.entries()) {
      if (block && continues(block, line, index === 0, { body, lineGap, columnRight })) {
        block.text = joinLines(block.text, line.text);
        block.last = line;
        block.lineCount++;
        continue;
      }
      block = startBlock(line, listStack);
      blocks.push(block);
    }
  }
  return render(blocks, body);
}

function startBlock(line: Line, listStack: number[]): Block {
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
  const x = line.marker.x;
  while (listStack.length > 0 && x < (listStack.at(-1) ?? 0) - 2) listStack.pop();
  if (listStack.length === 0 || x > (listStack.at(-1) ?? 0) + 2) listStack.push(x);
  return { ...base, kind: 'item', level: listStack.length - 1, label: line.marker.label };
}

function continues(
  block: Block,
  line: Line,
  firstOnPage: boolean,
  page: { body: number; lineGap: Map<number, number>; columnRight: number },
): boolean {
  const { body, lineGap, columnRight } = page;
  if (block.kind === 'row' || line.marker || line.cells) return false;
  if (Math.abs(line.size - block.size) > 0.5 || line.bold !== block.bold) return false;
  const prev = block.last;
  const tolerance = line.size * 0.6;
  if (prev.page !== line.page) {
    // A page break: carry on only when the previous page stopped mid-sentence (not in a heading).
    if (!firstOnPage || SENTENCE_END.test(prev.text)) return false;
    if (block.bold || block.size > body + 0.5) return false;
    return block.kind !== 'item' || Math.abs(line.x - block.textX) <= tolerance;
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

/** The most common font size, by characters. */
function bodySize(pages: Line[][]): number {
  const chars = new Map<number, number>();
  for (const lines of pages) {
    for (const line of lines) {
      const size = Math.round(line.size * 2) / 2;
      chars.set(size, (chars.get(size) ?? 0) + line.text.length);
    }
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) {
    if (count > most) {
      best = size;
      most = count;
    }
  }
  return best;
}

/** For the body size: the largest baseline distance still counted as "the next line". */
function commonLineGap(pages: Line[][], body: number): Map<number, number> {
  const gaps = new Map<number, number>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const prev = lines[i - 1] as Line;
      const line = lines[i] as Line;
      if (Math.abs(prev.size - body) > 0.5 || Math.abs(line.size - body) > 0.5) continue;
      const gap = Math.round(prev.y - line.y);
      if (gap > 0) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
    }
  }
  let common = 0;
  let most = 0;
  for (const [gap, count] of gaps) {
    if (count > most) {
      common = gap;
      most = count;
    }
  }
  const limits = new Map<number, number>();
  if (common > 0) {
    const limit = Math.min(Math.max(common * 1.15, body * 1.2), body * 1.6);
    limits.set(Math.round(body), limit);
  }
  return limits;
}

/** The right edge of the body text on a page. */
function rightEdge(lines: Line[], body: number): number {
  let right = 0;
  for (const line of lines) {
    if (!line.cells && Math.abs(line.size - body) <= 0.5 && line.right > right) right = line.right;
  }
  return right;
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

function render(blocks: Block[], body: number): string {
  const isHeadingSize = (size: number): boolean => size - body >= Math.max(0.9, body * 0.08);
  const headingSizes: number[] = [];
  for (const block of blocks) {
    if (block.kind !== 'para' || block.text.length >= 150 || !isHeadingSize(block.size)) continue;
    if (!headingSizes.some((size) => Math.abs(size - block.size) <= 0.5)) {
      headingSizes.push(block.size);
    }
  }
  headingSizes.sort((p, q) => q - p);
  const headingLevel = (block: Block): number => {
    if (block.kind !== 'para' || block.text.length >= 150) return 0;
    if (isHeadingSize(block.size)) {
      const rank = headingSizes.findIndex((size) => Math.abs(size - block.size) <= 0.5);
      return Math.min(rank + 1, 3);
    }
    return block.bold && Math.abs(block.size - body) <= 0.5 ? 3 : 0;
  };

  let out = '';
  let previous: Block | undefined;
  for (const block of blocks) {
    let text: string;
    if (block.kind === 'item') {
      const mark = block.label === '-' ? '-' : `${block.label}.`;
      text = `${'  '.repeat(block.level)}${mark} ${block.text}`;
    } else if (block.kind === 'row') {
      text = block.cells.join('\t');
    } else {
      const level = headingLevel(block);
      text = level > 0 ? `${'#'.repeat(level)} ${block.text}` : block.text;
    }
    if (previous) {
      const tight =
        (block.kind === 'item' && previous.kind === 'item') ||
        (block.kind === 'row' && previous.kind === 'row');
      out += tight ? '\n' : '\n\n';
    }
    out += text;
    previous = block;
  }
  return normalizeText(out);
}

function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[“”„‟]/g, '"')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/\u00ad|\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/\p{Cc}/gu, (char) => (char === '\n' || char === '\t' ? char : ''));
}

function countLetters(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) {
    count++;
    if (count >= 3) break;
  }
  return count;
}
