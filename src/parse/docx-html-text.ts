/** The text of mammoth's HTML nodes, as one normalized line. */
import type { ElementNode, HtmlNode } from './docx-html-tree.ts';
import { MARKER_END, MARKER_SEPARATOR, MARKER_START } from './docx-numbering.ts';

/** Heading tags and their levels. */
export const HEADINGS = new Map([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
]);

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
/** A Word list label at the very start of a text, as LABEL: number and formatted label. */
export const LEADING_LABEL = new RegExp(`^\\s*${LABEL.source}`);
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
export function inlineText(node: HtmlNode): string {
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

/** True for the tags that make a block of their own (paragraphs, headings, lists, tables...). */
export function isBlockTag(tag: string): boolean {
  return HEADINGS.has(tag) || blockTags.has(tag);
}

// Word's HTML uses the first group; web pages (Referat's own, meeting systems') add the second.
const blockTags = new Set([
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
  'header',
  'nav',
  'main',
  'article',
  'section',
  'aside',
  'footer',
  'figure',
  'figcaption',
  'address',
  'hr',
]);

/** The normalized text of a sequence of inline nodes. */
export function textOf(nodes: HtmlNode[]): string {
  return normalizeLine(nodes.map(inlineText).join(''));
}
