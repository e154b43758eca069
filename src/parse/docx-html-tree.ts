/**
 * Parses the HTML that mammoth writes into a small tree. mammoth's HTML is regular, with every
 * `<`, `>`, `&` and `"` in text escaped, so a linear scanner does (no regular expressions over
 * the whole input); unknown tags become ordinary elements.
 */

import { ParseError } from './parse-error.ts';

/**
 * The deepest element nesting read. The walkers that render the tree recurse once per level,
 * and a page nested ten thousand levels deep would overflow the stack; real pages and Word's
 * HTML stay far below this.
 */
export const maxNestingDepth = 500;

/** An element with its lower-case tag name, decoded attributes and children. */
export interface ElementNode {
  kind: 'element';
  tag: string;
  attrs: Map<string, string>;
  children: HtmlNode[];
}

/** A run of decoded text. */
export interface TextNode {
  kind: 'text';
  text: string;
}

/** A node of the parsed HTML. */
export type HtmlNode = ElementNode | TextNode;

const VOID_TAGS = new Set(['br', 'img', 'hr', 'col', 'wbr', 'input', 'meta', 'link']);
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

function tooDeepError(): ParseError {
  const limit = new Intl.NumberFormat('da-DK').format(maxNestingDepth);
  return new ParseError(
    `Dokumentet er for dybt indlejret (mere end ${limit} niveauer af elementer) og kan ikke læses`,
  );
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
    if (!VOID_TAGS.has(tag) && !body.endsWith('/')) {
      if (stack.length > maxNestingDepth) throw tooDeepError();
      stack.push(element);
    }
  }
  return root;
}
