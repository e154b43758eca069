/**
 * Turns the HTML that mammoth writes into the SourceText contract (see source-text.ts).
 *
 * mammoth's HTML is regular: h1-h6, p, strong, em, u, s, sup, sub, ul/ol/li (nested),
 * table/thead/tbody/tr/td/th with nested p, a, br and img, with every `<`, `>`, `&` and `"`
 * in text escaped. This walker tokenizes it with a linear scanner (no regular expressions over
 * the whole input), builds a small tree, and renders blocks. Unknown tags are transparent.
 */
import { MARKER_END, MARKER_SEPARATOR, MARKER_START } from './docx-numbering.ts';
import type { SourceText } from './source-text.ts';

interface ElementNode {
  kind: 'element';
  tag: string;
  attrs: Map<string, string>;
  children: HtmlNode[];
}

interface TextNode {
  kind: 'text';
  text: string;
}

type HtmlNode = ElementNode | TextNode;

const VOID_TAGS = new Set(['br', 'img', 'hr', 'col', 'wbr', 'input', 'meta', 'link']);
const HEADINGS = new Map([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
]);
const NAMED_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
]);

/** Decodes the entities mammoth writes (&amp; &lt; &gt; &quot;) plus &#39;, &nbsp; and numeric. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g,
    (whole, body: string) => {
      if (body.startsWith('#')) {
        const code =
          body[1] === 'x' || body[1] === 'X'
            ? Number.parseInt(body.slice(2), 16)
            : Number.parseInt(body.slice(1), 10);
        // Surrogates and out-of-range code points would make an invalid string; drop them.
        if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
        return String.fromCodePoint(code);
      }
      return NAMED_ENTITIES.get(body) ?? whole;
    },
  );
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  let i = 0;
  const n = source.length;
  while (i < n) {
    while (i < n && /[\s/]/.test(source.charAt(i))) i++;
    const nameStart = i;
    while (i < n && !/[\s=/>]/.test(source.charAt(i))) i++;
    const name = source.slice(nameStart, i).toLowerCase();
    if (name === '') {
      i++;
      continue;
    }
    while (i < n && /\s/.test(source.charAt(i))) i++;
    let value = '';
    if (source.charAt(i) === '=') {
      i++;
      while (i < n && /\s/.test(source.charAt(i))) i++;
      const quote = source.charAt(i);
      if (quote === '"' || quote === "'") {
        const end = source.indexOf(quote, i + 1);
        const stop = end === -1 ? n : end;
        value = source.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const valueStart = i;
        while (i < n && !/\s/.test(source.charAt(i))) i++;
        value = source.slice(valueStart, i);
      }
    }
    attrs.set(name, decodeEntities(value));
  }
  return attrs;
}

/** Finds the `>` that ends the tag opened at `start`, skipping quoted attribute values. */
function findTagEnd(html: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < html.length; i++) {
    const c = html.charAt(i);
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return -1;
}

/** Parses mammoth's HTML into a tree rooted at a synthetic `body` element. */
export function parseHtml(html: string): ElementNode {
  const root: ElementNode = { kind: 'element', tag: 'body', attrs: new Map(), children: [] };
  const stack: ElementNode[] = [root];
  const current = (): ElementNode => stack[stack.length - 1] ?? root;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt === -1 ? html.length : lt;
    if (textEnd > i) {
      current().children.push({ kind: 'text', text: decodeEntities(html.slice(i, textEnd)) });
    }
    if (lt === -1) break;
    if (!/[a-zA-Z/!?]/.test(html.charAt(lt + 1))) {
      // A stray `<` (mammoth escapes them, so this is defensive): keep it as text.
      current().children.push({ kind: 'text', text: '<' });
      i = lt + 1;
      continue;
    }
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const gt = findTagEnd(html, lt);
    if (gt === -1) {
      current().children.push({ kind: 'text', text: decodeEntities(html.slice(lt)) });
      break;
    }
    const inner = html.slice(lt + 1, gt);
    i = gt + 1;
    if (inner.startsWith('!') || inner.startsWith('?')) continue;
    const closing = inner.startsWith('/');
    const body = closing ? inner.slice(1) : inner;
    let nameEnd = 0;
    while (nameEnd < body.length && /[a-zA-Z0-9]/.test(body.charAt(nameEnd))) nameEnd++;
    const tag = body.slice(0, nameEnd).toLowerCase();
    if (tag === '') {
      // Not a tag after all (e.g. a stray `<`); keep it as text.
      current().children.push({ kind: 'text', text: decodeEntities(html.slice(lt, gt + 1)) });
      continue;
    }
    if (closing) {
      // Close the nearest open element with this tag; ignore a close tag that matches nothing.
      for (let depth = stack.length - 1; depth > 0; depth--) {
        if (stack[depth]?.tag === tag) {
          stack.length = depth;
          break;
        }
      }
      continue;
    }
    const element: ElementNode = {
      kind: 'element',
      tag,
      attrs: parseAttributes(body.slice(nameEnd)),
      children: [],
    };
    current().children.push(element);
    if (!VOID_TAGS.has(tag) && !body.endsWith('/')) stack.push(element);
  }
  return root;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f]/g;
const SPACES = /[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g;
/** Soft hyphen, zero-width characters, BOM and other invisible or control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** A Word list label put in by docx-reader.ts: number, separator, formatted label. */
const LABEL = new RegExp(
  `${MARKER_START}(\\d+)${MARKER_SEPARATOR}([^${MARKER_END}]*)${MARKER_END}`,
  'g',
);
const LEADING_LABEL = new RegExp(`^\\s*${LABEL.source}`);
const STRAY_MARKS = new RegExp(`[${MARKER_START}${MARKER_END}${MARKER_SEPARATOR}]`, 'g');

/** Normalizes one line of text: NFC, plain quotes, one space between words, no tabs. */
export function normalizeLine(text: string): string {
  return text
    .replace(LABEL, (_, _number: string, label: string) => (label ? `${label} ` : ''))
    .replace(STRAY_MARKS, '')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Links back from a footnote or endnote to its reference ("↑"): noise in plain text. */
function isBackLink(element: ElementNode): boolean {
  const href = element.attrs.get('href') ?? '';
  return /^#(footnote|endnote|comment)-ref-/.test(href);
}

/**
 * The raw text of an inline run. `br` becomes a space; images and back-links vanish;
 * block children (a p inside a td or li) are separated by a space.
 */
function inlineText(node: HtmlNode): string {
  if (node.kind === 'text') return node.text;
  switch (node.tag) {
    case 'br':
    case 'hr':
      return ' ';
    case 'img':
    case 'script':
    case 'style':
      return '';
    case 'a':
      if (isBackLink(node)) return '';
      break;
  }
  const parts = node.children.map(inlineText);
  return isBlockTag(node.tag) ? ` ${parts.join(' ')} ` : parts.join('');
}

function isBlockTag(tag: string): boolean {
  return (
    HEADINGS.has(tag) ||
    [
      'p',
      'div',
      'li',
      'ul',
      'ol',
      'table',
      'thead',
      'tbody',
      'tfoot',
      'tr',
      'td',
      'th',
      'blockquote',
      'dl',
      'dt',
      'dd',
      'pre',
    ].includes(tag)
  );
}

/** A rendered block: its lines stand on adjacent lines; blocks are separated by a blank line. */
type Block = string[];

interface ListContext {
  /** Indentation level of the list being rendered (0 = top level). */
  level: number;
}

function textOf(nodes: HtmlNode[]): string {
  return normalizeLine(nodes.map(inlineText).join(''));
}

/** Renders a ul/ol into lines, recursing into nested lists. */
function renderList(list: ElementNode, context: ListContext, lines: string[]): void {
  const ordered = list.tag === 'ol';
  const start = Number.parseInt(list.attrs.get('start') ?? '1', 10);
  let number = Number.isFinite(start) ? start : 1;
  const indent = '  '.repeat(context.level);
  for (const child of list.children) {
    if (child.kind === 'text') {
      const text = normalizeLine(child.text);
      if (text) lines.push(`${indent}${text}`);
      continue;
    }
    if (child.tag === 'ul' || child.tag === 'ol') {
      // A list directly inside a list (no li around it) is one level deeper.
      renderList(child, { level: context.level + 1 }, lines);
      continue;
    }
    const used = renderListItem(child, ordered ? number : undefined, context, lines);
    if (child.tag === 'li' && used !== undefined) number = used + 1;
  }
}

/**
 * Renders one li (and the lists nested in it). `number` is the item's number in an ol, or
 * undefined for a bullet; a Word label at the start of the item overrides it. Returns the
 * number used.
 */
function renderListItem(
  item: ElementNode,
  number: number | undefined,
  context: ListContext,
  lines: string[],
): number | undefined {
  const indent = '  '.repeat(context.level);
  const textNodes: HtmlNode[] = [];
  const nested: ElementNode[] = [];
  for (const child of item.children) {
    if (child.kind === 'element' && (child.tag === 'ul' || child.tag === 'ol')) {
      nested.push(child);
    } else if (child.kind === 'element' && child.tag === 'table') {
      nested.push(child);
    } else {
      textNodes.push(child);
    }
  }
  let raw = textNodes.map(inlineText).join('');
  let used = number;
  if (number !== undefined) {
    const label = LEADING_LABEL.exec(raw);
    if (label) {
      used = Number(label[1]);
      raw = raw.slice(label[0].length);
    }
  }
  const text = normalizeLine(raw);
  const marker = used === undefined ? '-' : `${used}.`;
  // An item that only holds a nested list still gets its marker, so the nesting stays visible.
  if (text || nested.length === 0) lines.push(`${indent}${marker} ${text}`.trimEnd());
  for (const child of nested) {
    if (child.tag === 'table') {
      lines.push(...renderTable(child));
    } else {
      renderList(child, { level: context.level + 1 }, lines);
    }
  }
  return used;
}

/** The rows of a table, through thead/tbody/tfoot, skipping nested tables' rows. */
function tableRows(table: ElementNode): ElementNode[] {
  const rows: ElementNode[] = [];
  for (const child of table.children) {
    if (child.kind !== 'element') continue;
    if (child.tag === 'tr') rows.push(child);
    else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') {
      for (const row of child.children) {
        if (row.kind === 'element' && row.tag === 'tr') rows.push(row);
      }
    }
  }
  return rows;
}

function spanOf(cell: ElementNode, name: string): number {
  const value = Number.parseInt(cell.attrs.get(name) ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, 1000) : 1;
}

/**
 * Renders a table as one line per row, cells joined by tabs. colspan and rowspan are expanded
 * into empty cells, so every row has the tab count of the grid it belongs to.
 */
function renderTable(table: ElementNode): string[] {
  const lines: string[] = [];
  /** For each column, how many more rows a rowspan above still covers. */
  const covered: number[] = [];
  for (const row of tableRows(table)) {
    const cells: string[] = [];
    let column = 0;
    const skipCovered = (): void => {
      while ((covered[column] ?? 0) > 0) {
        covered[column] = (covered[column] ?? 1) - 1;
        cells.push('');
        column++;
      }
    };
    for (const cell of row.children) {
      if (cell.kind !== 'element' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
      skipCovered();
      const colspan = spanOf(cell, 'colspan');
      const rowspan = spanOf(cell, 'rowspan');
      cells.push(textOf(cell.children));
      for (let k = 0; k < colspan; k++) {
        if (rowspan > 1) covered[column + k] = rowspan - 1;
        if (k > 0) cells.push('');
      }
      column += colspan;
    }
    // Columns to the right still covered by a rowspan from above.
    while (column < covered.length) {
      if ((covered[column] ?? 0) > 0) {
        covered[column] = (covered[column] ?? 1) - 1;
        cells.push('');
      }
      column++;
    }
    if (cells.some((cell) => cell !== '')) lines.push(cells.join('\t'));
  }
  return lines;
}

/** True for a table with a single column: Word users draw boxes around text this way. */
function isLayoutBox(table: ElementNode): boolean {
  return tableRows(table).every(
    (row) =>
      row.children.filter(
        (cell) => cell.kind === 'element' && (cell.tag === 'td' || cell.tag === 'th'),
      ).length <= 1,
  );
}

/** Renders the block-level children of `parent`, appending to `blocks`. */
function renderBlocks(parent: ElementNode, blocks: Block[]): void {
  let loose: HtmlNode[] = [];
  const flushLoose = (): void => {
    const text = textOf(loose);
    if (text) blocks.push([text]);
    loose = [];
  };
  for (const child of parent.children) {
    if (child.kind === 'text' || !isBlockTag(child.tag)) {
      loose.push(child);
      continue;
    }
    flushLoose();
    const level = HEADINGS.get(child.tag);
    if (level !== undefined) {
      const text = textOf(child.children);
      if (text) blocks.push([`${'#'.repeat(level)} ${text}`]);
    } else if (
      child.tag === 'p' ||
      child.tag === 'pre' ||
      child.tag === 'dt' ||
      child.tag === 'dd'
    ) {
      const text = textOf(child.children);
      if (text) blocks.push([text]);
    } else if (child.tag === 'ul' || child.tag === 'ol') {
      const lines: string[] = [];
      renderList(child, { level: 0 }, lines);
      if (lines.length > 0) blocks.push(lines);
    } else if (child.tag === 'table' && isLayoutBox(child)) {
      // A one-column table is a frame around ordinary text: render what is inside.
      for (const row of tableRows(child)) {
        for (const cell of row.children) {
          if (cell.kind === 'element') renderBlocks(cell, blocks);
        }
      }
    } else if (child.tag === 'table') {
      const lines = renderTable(child);
      if (lines.length > 0) blocks.push(lines);
    } else if (child.tag === 'li') {
      // A stray li outside any list: render it as a one-item bullet list.
      const lines: string[] = [];
      renderListItem(child, undefined, { level: 0 }, lines);
      if (lines.length > 0) blocks.push(lines);
    } else {
      // div, blockquote, a stray tr/td...: render what is inside.
      renderBlocks(child, blocks);
    }
  }
  flushLoose();
}

/** Converts mammoth's HTML into SourceText. Returns '' when there is no text at all. */
export function htmlToSourceText(html: string): SourceText {
  const blocks: Block[] = [];
  renderBlocks(parseHtml(html), blocks);
  return blocks.map((lines) => lines.join('\n')).join('\n\n');
}
