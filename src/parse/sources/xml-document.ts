import { DOMParser } from '@xmldom/xmldom';
import { ParseError } from '../parse-error.ts';

/**
 * Reading the XML of ESDH exports: the exports keep their quirks (a BOM, no declaration,
 * character references XML 1.0 forbids such as `&#xC;`), so the text is cleaned first and
 * each clean-up is reported; a document that still is not well-formed is refused with one
 * Danish line, never an exception from the parser.
 */

/** A parsed XML document and what was cleaned up to parse it. */
export interface XmlDocument {
  root: Element;
  /** Danish notes on the quirks met: a removed BOM, removed invalid characters. */
  notes: string[];
}

// XML 1.0 allows tab, LF and CR among the C0 controls; a reference to any other is fatal.
const invalidCharacterReference = /&#(?:x0*([0-9a-f]{1,6})|0*(\d{1,7}));/giu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const invalidRawCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;

/** Decodes bytes as the exports write them: UTF-8 with or without BOM, or UTF-16 with BOM. */
export function decodeXmlBytes(bytes: Uint8Array): { text: string; hadBom: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), hadBom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), hadBom: true };
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  return { text, hadBom };
}

/** Removes character references and raw characters that XML 1.0 forbids, counting them. */
export function removeInvalidXmlCharacters(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const withoutReferences = text.replace(invalidCharacterReference, (reference, hex, decimal) => {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
    if (isAllowedXmlCharacter(code)) return reference;
    removed.push(reference);
    return '';
  });
  const cleaned = withoutReferences.replace(invalidRawCharacters, (character) => {
    removed.push(`U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
    return '';
  });
  return { text: cleaned, removed };
}

function isAllowedXmlCharacter(code: number): boolean {
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  if (code < 0x20) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff && code <= 0x10ffff;
}

/** Parses an export's XML; throws a ParseError with a Danish reason when it is broken. */
export function parseXmlDocument(bytes: Uint8Array): XmlDocument {
  const decoded = decodeXmlBytes(bytes);
  const notes: string[] = [];
  if (decoded.hadBom) notes.push('byte order mark (BOM) i starten af filen ignoreret');
  const cleaned = removeInvalidXmlCharacters(decoded.text.replace(/^\uFEFF/u, ''));
  if (cleaned.removed.length > 0) notes.push(invalidCharactersNote(cleaned.removed));
  const errors: string[] = [];
  const parser = new DOMParser({
    // The exports parse without a single warning; one means a damaged file.
    errorHandler: {
      warning: (message: unknown) => errors.push(String(message)),
      error: (message: unknown) => errors.push(String(message)),
      fatalError: (message: unknown) => errors.push(String(message)),
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(cleaned.text, 'text/xml');
  } catch (error) {
    throw brokenXml(error instanceof Error ? error.message : String(error));
  }
  const root = document?.documentElement;
  if (errors.length > 0 || !root) throw brokenXml(errors[0] ?? 'intet rodelement');
  if (!isClosedProperly(cleaned.text, root.nodeName))
    throw brokenXml(`rodelementet <${root.nodeName}> slutter ikke`);
  const mismatch = firstTagMismatch(cleaned.text);
  if (mismatch) throw brokenXml(mismatch);
  return { root, notes };
}

const markup =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/gu;

/** xmldom quietly repairs `<a><b></a>`; a file whose tags do not nest is damaged. */
function firstTagMismatch(text: string): string | null {
  const open: string[] = [];
  for (const match of text.matchAll(markup)) {
    const [, closing, name, selfClosing] = match;
    if (!name || selfClosing) continue;
    if (!closing) open.push(name);
    else if (open.pop() !== name) return `sluttagget </${name}> passer ikke`;
  }
  return null;
}

function invalidCharactersNote(removed: readonly string[]): string {
  const kinds = [...new Set(removed)].slice(0, 3).join(', ');
  const count = removed.length === 1 ? '1 ugyldigt tegn' : `${removed.length} ugyldige tegn`;
  return `${count} (${kinds}) fjernet, som XML ikke tillader`;
}

/** xmldom forgives a missing end tag; a file cut off in the middle must not pass as whole. */
function isClosedProperly(text: string, rootName: string): boolean {
  const tail = text.trimEnd();
  if (tail.endsWith('/>') && !tail.includes(`</${rootName}`)) return true;
  return new RegExp(`</${escapeRegExp(rootName)}\\s*>(?:\\s|<!--[\\s\\S]*?-->)*$`, 'u').test(tail);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function brokenXml(detail: string): ParseError {
  const firstLine = detail
    .split('\n')[0]
    ?.replace(/^\[xmldom [^\]]*\]\s*/u, '')
    .trim();
  return new ParseError(
    `XML-filen er ufuldstændig eller beskadiget (${firstLine || 'ukendt fejl'})`,
  );
}

/** The element children of a node, optionally only those with a local name. */
export function childElements(parent: Element | null | undefined, localName?: string): Element[] {
  if (!parent) return [];
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (localName === undefined || localNameOf(element) === localName) found.push(element);
  }
  return found;
}

/** The first child element with a local name (namespaces are ignored), or null. */
export function childElement(
  parent: Element | null | undefined,
  localName: string,
): Element | null {
  return childElements(parent, localName)[0] ?? null;
}

/** Follows a path of local names from an element: `descend(root, 'Agendas', 'Agenda')`. */
export function descend(parent: Element | null | undefined, ...path: string[]): Element | null {
  let current: Element | null = parent ?? null;
  for (const name of path) current = childElement(current, name);
  return current;
}

/** The text of the element at a path, trimmed; '' when it is missing or empty. */
export function textAt(parent: Element | null | undefined, ...path: string[]): string {
  return (descend(parent, ...path)?.textContent ?? '').trim();
}

/** The text of the element at a path, untrimmed (HTML and text bodies); '' when missing. */
export function rawTextAt(parent: Element | null | undefined, ...path: string[]): string {
  return descend(parent, ...path)?.textContent ?? '';
}

/** An element's name without its namespace prefix. */
export function localNameOf(element: Element): string {
  return element.localName ?? element.nodeName.replace(/^.*:/u, '');
}

/** "True", "true", "1" are true; anything else is false. */
export function isTrue(value: string): boolean {
  return /^(?:true|1|ja|yes)$/iu.test(value.trim());
}
