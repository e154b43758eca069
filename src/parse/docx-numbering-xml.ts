/**
 * A minimal XML tag scanner for the parts of a Word document that mammoth does not expose:
 * it yields tags in order and reads their attributes, skipping text, comments and CDATA.
 */

/** One start, end or empty-element tag. */
export interface XmlTag {
  name: string;
  /** The text after the name, where the attributes are; read with `attr`. */
  rest: string;
  closing: boolean;
  selfClosing: boolean;
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

/** One attribute of a tag (names here are fixed strings like `w:val`), or undefined. */
export function attr(tag: XmlTag, name: string): string | undefined {
  if (!tag.rest.includes(name)) return undefined;
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, pattern);
  }
  const match = pattern.exec(tag.rest);
  return match ? (match[1] ?? match[2] ?? '') : undefined;
}

/** Finds the `>` that ends the tag opened at `lt`, skipping `>` inside quoted values. */
function tagEnd(xml: string, lt: number): number {
  let from = lt + 1;
  for (;;) {
    const gt = xml.indexOf('>', from);
    if (gt === -1) return -1;
    // Look for a quote only up to this `>`; tags are short, so this stays linear.
    let quote = -1;
    for (let j = from; j < gt; j++) {
      const code = xml.charCodeAt(j);
      if (code === 34 || code === 39) {
        quote = j;
        break;
      }
    }
    if (quote === -1) return gt;
    const close = xml.indexOf(xml.charAt(quote), quote + 1);
    if (close === -1) return -1;
    from = close + 1;
  }
}

/** Yields the tags of an XML document in order; text, comments and CDATA are skipped. */
export function* xmlTags(xml: string): Generator<XmlTag> {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) return;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) return;
      i = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) return;
      i = end + 3;
      continue;
    }
    const gt = tagEnd(xml, lt);
    if (gt === -1) return;
    i = gt + 1;
    const first = xml.charAt(lt + 1);
    if (first === '?' || first === '!') continue;
    const closing = first === '/';
    const selfClosing = xml.charAt(gt - 1) === '/';
    const body = xml.slice(closing ? lt + 2 : lt + 1, selfClosing ? gt - 1 : gt);
    const space = body.search(/\s/);
    const name = space === -1 ? body : body.slice(0, space);
    yield { name, rest: space === -1 ? '' : body.slice(space), closing, selfClosing };
  }
}
