import { htmlToSourceText } from '../docx-html.ts';
import { normalizeDocumentText } from '../text-normalize.ts';

/**
 * The HTML fragments inside ESDH exports (SBSYS `ItemField/Content`, Fujitsu
 * `CasePresentation/Content`, Acadre `bulletcontent`) as the Markdown-ish text the rest of
 * Referat stores. They use HTML's named entities (`&oslash;`, `&aelig;`), which the shared
 * HTML walker does not know, so those become numeric references first.
 */

// HTML 4's Latin-1 entities, U+00A0 to U+00FF in order.
const latin1Names =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  );

const otherEntities: Record<string, number> = {
  apos: 0x27,
  OElig: 0x152,
  oelig: 0x153,
  Scaron: 0x160,
  scaron: 0x161,
  Yuml: 0x178,
  fnof: 0x192,
  circ: 0x2c6,
  tilde: 0x2dc,
  ensp: 0x2002,
  emsp: 0x2003,
  thinsp: 0x2009,
  zwnj: 0x200c,
  zwj: 0x200d,
  lrm: 0x200e,
  rlm: 0x200f,
  ndash: 0x2013,
  mdash: 0x2014,
  lsquo: 0x2018,
  rsquo: 0x2019,
  sbquo: 0x201a,
  ldquo: 0x201c,
  rdquo: 0x201d,
  bdquo: 0x201e,
  dagger: 0x2020,
  Dagger: 0x2021,
  bull: 0x2022,
  hellip: 0x2026,
  permil: 0x2030,
  prime: 0x2032,
  lsaquo: 0x2039,
  rsaquo: 0x203a,
  euro: 0x20ac,
  trade: 0x2122,
  larr: 0x2190,
  rarr: 0x2192,
  minus: 0x2212,
};

/** Named HTML entities other than the XML five, by name. */
export const htmlEntityCodes: ReadonlyMap<string, number> = new Map([
  ...latin1Names.map((name, index) => [name, 0xa0 + index] as const),
  ...Object.entries(otherEntities),
]);

/** Turns named HTML entities into numeric references; unknown names stay as written. */
export function numericHtmlEntities(html: string): string {
  return html.replace(/&([A-Za-z][A-Za-z0-9]{1,8});/gu, (entity, name: string) => {
    const code = htmlEntityCodes.get(name);
    return code === undefined ? entity : `&#${code};`;
  });
}

/** An HTML fragment as text (paragraphs, lists, tables as tab rows); null when it is empty. */
export function htmlFragmentToText(html: string): string | null {
  if (html.trim() === '') return null;
  const source = /<[a-z!/]/iu.test(html) ? tidyFragment(html) : plainTextAsHtml(html);
  const text = normalizeDocumentText(htmlToSourceText(numericHtmlEntities(source)))
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
  return text === '' ? null : text;
}

const blockStart = /^(?:p|ul|ol|table|div|h[1-6]|blockquote|pre|dl|hr)$/iu;

/**
 * What browsers infer and the shared walker does not: a `<p>` ends where a list, table or
 * another paragraph starts, and a stray `</p>` closes nothing. Line breaks (`<br>`, the way
 * Fujitsu separates paragraphs) become paragraph breaks.
 */
function tidyFragment(html: string): string {
  let isParagraphOpen = false;
  const tidied = html.replace(
    /<(\/?)([a-z][a-z0-9]*)\b[^>]*>/giu,
    (tag, slash: string, name: string) => {
      const lower = name.toLowerCase();
      if (lower === 'br') return '<p></p>';
      if (slash === '/' && lower === 'p') {
        if (!isParagraphOpen) return '';
        isParagraphOpen = false;
        return tag;
      }
      if (slash === '' && blockStart.test(lower)) {
        const close = isParagraphOpen ? '</p>' : '';
        isParagraphOpen = lower === 'p';
        return `${close}${tag}`;
      }
      return tag;
    },
  );
  return isParagraphOpen ? `${tidied}</p>` : tidied;
}

/** Text without tags keeps its line breaks: each line a paragraph. */
function plainTextAsHtml(text: string): string {
  return text
    .replace(/\r\n?/gu, '\n')
    .split(/\n/u)
    .map(
      (line) => `<p>${line.replace(/&(?![#A-Za-z0-9]+;)/gu, '&amp;').replace(/</gu, '&lt;')}</p>`,
    )
    .join('');
}
