/**
 * Recognizers for the lines that give minutes their structure. They work on the plain form
 * of a line (see `plainLine`), so they find headings by their words whether or not the
 * source had Markdown marks: text extracted from a PDF has none.
 */

import { durationInTitle } from '../core/item-duration.ts';

export { durationInTitle };

/** The sections an item can hold. */
export type SectionKind =
  | 'background'
  | 'presentation'
  | 'recommendation'
  | 'decision'
  | 'attachments'
  | 'absent';

/** Danish names of the sections, for warnings and summaries. */
export const sectionLabels: Record<SectionKind, string> = {
  background: 'Anledning',
  presentation: 'Sagsfremstilling',
  recommendation: 'Indstilling',
  decision: 'Beslutning',
  attachments: 'Bilag',
  absent: 'Fraværende',
};

/** A date in a heading: "05-11-2015", "5. november 2015", with a time after it or not. */
const headingDate = String.raw`(?:\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}\.?\s*\p{L}+\.?\s+\d{4})(?:,?\s+kl\.?\s*[\d.:]+)?\.?`;

const sectionHeadingPatterns: ReadonlyArray<readonly [SectionKind, RegExp]> = [
  [
    'background',
    /^(?:anledning|baggrund|resum[eé]|sagsresum[eé]|kort resum[eé]|indledning|baggrund for sagen|sagens baggrund|baggrund og formål|præsentation)$/iu,
  ],
  [
    'presentation',
    /^(?:sagsfremstilling|sagsbeskrivelse|sagen|beskrivelse|sagsfremstilling og vurdering|sagens indhold|beskrivelse af sagen|redegørelse)$/iu,
  ],
  [
    'recommendation',
    /^(?:indstilling(?:er)?|forslag til beslutning|indstilling og beslutning|[\p{L}-]+s indstilling|(?:forvaltningen|administrationen|direktionen) (?:foreslår|indstiller))$/iu,
  ],
  [
    'decision',
    /^(?:beslutning(?:er)?|beslutningsprotokol|referat|afgørelse|[\p{L}-]+s beslutning)$/iu,
  ],
  // "BESLUTNING I CHEFFORUM DEN 05-11-2015", "Beslutning i Chefforum": the body after "i" is a name.
  // Only a date may follow: "… DEN 05-11-2015 Chefforum godkendte …" is a heading run into text.
  [
    'decision',
    new RegExp(
      `^(?:[Bb]eslutning|BESLUTNING)\\s+(?:i|I|på|PÅ|fra|FRA)\\s+\\p{Lu}[\\p{L}-]*(?:\\s+(?:den|DEN|d\\.|D\\.)\\s+${headingDate})?$`,
      'u',
    ),
  ],
  ['decision', new RegExp(`^beslutning(?:\\s+(?:den|d\\.))?\\s+${headingDate}$`, 'iu')],
  ['attachments', /^(?:bilag|bilagsliste|bilagsoversigt|vedlagte bilag|bilagsfortegnelse)$/iu],
  [
    'absent',
    /^(?:fraværende|afbud|fravær)(?:\s+(?:fra|ved|under)\s+(?:punktet|mødet|behandlingen))?$/iu,
  ],
];

/** The section a heading line names, or null when the line is not a section heading. */
export function sectionHeadingKind(plain: string): SectionKind | null {
  if (plain.length === 0 || plain.length > 82) return null;
  const text = plain.endsWith(':') ? plain.slice(0, -1).trimEnd() : plain;
  for (const [kind, pattern] of sectionHeadingPatterns) {
    if (pattern.test(text)) return kind;
  }
  return null;
}

/**
 * A heading with its text on the same line, "Beslutning: Godkendt." or "Bilag: Notat".
 * Returns the section and the text after the colon, or null.
 */
export function inlineSectionHeading(plain: string): { kind: SectionKind; text: string } | null {
  const colon = plain.indexOf(':');
  if (colon < 3 || colon > 61) return null;
  const match = /^([^:]{3,60}?)\s*:\s+(\S.*)$/u.exec(plain);
  if (!match) return null;
  const kind = sectionHeadingKind(match[1] ?? '');
  return kind ? { kind, text: (match[2] ?? '').trim() } : null;
}

/**
 * A `Fraværende: A (rolle), B (rolle)` line with the names on the same line.
 * Returns the names part, or null.
 */
export function inlineAbsenceText(plain: string): string | null {
  const label =
    /^(?:fraværende|afbud|fravær)(?:\s+(?:fra|ved|under)\s+(?:punktet|mødet|behandlingen))?(?:\s+fra\b)?/iu.exec(
      plain,
    );
  if (!label) return null;
  const rest = plain.slice(label[0].length);
  const afterColon = /^\s*:\s*(\S.*)$/u.exec(rest);
  if (afterColon) return afterColon[1]?.trim() ?? null;
  // Without a colon (a table row), only names with roles count: "Fraværende Rikke Blom (Direktør)".
  const afterSpace = /^\s+(\p{Lu}.*\(.*)$/u.exec(rest);
  return afterSpace?.[1]?.trim() ?? null;
}

/** An item heading found in a line: its number and the title text after it (maybe empty). */
export interface ItemHeading {
  number: number;
  title: string;
}

// Up to five digits: there is no fixed limit on the number of items.
const pointHeading =
  /^(?:punkt|pkt\.?|dagsordenspunkt|dagsordenpunkt)\s*(\d{1,5})(?:\s*[:.)–-]\s*|\t+|\s{2,}|\s(?=\S))(.*)$|^(?:punkt|pkt\.?)\s*(\d{1,5})\s*$/iu;

/** Recognizes "Punkt 3: CF - Title" (also "Pkt. 3.", "Punkt 3" with the title below). */
export function pointItemHeading(plain: string): ItemHeading | null {
  // "Punkt 1.1" is a sub-item: outline-numbering.ts reads those.
  if (/^(?:punkt|pkt\.?|dagsordens?punkt)\s*\d{1,5}\.\d/iu.test(plain)) return null;
  const match = pointHeading.exec(plain);
  if (!match) return null;
  // "Punkt 2 Orientering om …" (a single space) is a heading only when a capital follows:
  // "punkt 2 i referatet" is prose.
  const title = match[2] ?? '';
  const separator = plain.slice(0, plain.length - title.length).replace(/^\D*\d{1,5}/u, '');
  if (separator === ' ' && title[0] === title[0]?.toLowerCase()) return null;
  return { number: Number(match[1] ?? match[3]), title: (match[2] ?? '').trim() };
}

/** Recognizes "3. CF - Title" or "3 CF - Title": a number, then a title with a forum prefix. */
export function numberedItemHeading(
  plain: string,
  abbreviation: string | null,
): ItemHeading | null {
  const match = /^(\d{1,5})[.)]?\s+(.+)$/u.exec(plain);
  if (!match) return null;
  const title = match[2] ?? '';
  const prefix = forumPrefixOf(title);
  if (!prefix || (abbreviation && prefix !== abbreviation)) return null;
  return { number: Number(match[1]), title };
}

/** The forum abbreviation that starts a title ("CF" in "CF - Evt."), or null. */
export function forumPrefixOf(title: string): string | null {
  const match = /^([A-ZÆØÅ][A-ZÆØÅ0-9]{0,7})\s+[-–]\s+\S/u.exec(title);
  return match?.[1] ?? null;
}

/** Removes a known forum prefix ("CF - ") from a title. */
export function removeForumPrefix(title: string, abbreviation: string | null): string {
  if (!abbreviation) return title;
  const prefix = new RegExp(`^${abbreviation}\\s+[-–]\\s+`, 'u');
  return title.replace(prefix, '').trim();
}

/** A table-of-contents entry: text ending in dot leaders or a tab and a page number. */
export function isTableOfContentsEntry(line: string): boolean {
  return (
    /(?:\.{3,}|…+\.*|\t|(?:\.\s){3,}\.?)\s*\d{1,4}\s*$/u.test(line) || /\.{4,}\s*$/u.test(line)
  );
}

/** The "Indholdsfortegnelse" heading. */
export function isTableOfContentsHeading(plain: string): boolean {
  return /^(?:indholdsfortegnelse|indhold|indholdsliste)\s*:?$/iu.test(plain);
}

/** Page furniture that survives text extraction: "Side 3 af 12", "- 3 -", a form feed. */
export function isPageFurniture(plain: string): boolean {
  if (/^(?:side\s+\d{1,4}(?:\s*(?:af|\/)\s*\d{1,4})?|-\s*\d{1,4}\s*-|\f)$/iu.test(plain))
    return true;
  const pageOfPages = /^(\d{1,3})\s*\/\s*(\d{1,3})$/u.exec(plain);
  return pageOfPages !== null && Number(pageOfPages[1]) <= Number(pageOfPages[2]);
}

/** Strips a label such as "Sagsnr.:" or "Journalnummer" from a journal-number line. */
export function stripCaseNumberLabel(plain: string): string {
  return plain
    .replace(
      /^(?:sags?\s*nr\.?|sagsnummer|j\.?\s*nr\.?|journal\s*nr\.?|journalnummer|sag)\s*:?\s*/iu,
      '',
    )
    .trim();
}

/** True when a line carries a journal-number label, so that what follows is one. */
export function hasCaseNumberLabel(plain: string): boolean {
  return /^(?:sags?\s*nr\.?|sagsnummer|j\.?\s*nr\.?|journal\s*nr\.?|journalnummer)\s*:?\s*\S/iu.test(
    plain,
  );
}

/**
 * A proposer line: "Kommunaldirektøren indstiller," (also with ";", ":", "at").
 * Returns the proposer and any text that follows on the same line.
 */
export function proposerLine(plain: string): { proposer: string; rest: string } | null {
  if (!/indstil/iu.test(plain)) return null;
  if (/^det indstilles\b/iu.test(plain)) {
    return {
      proposer: '',
      rest: plain.replace(/^det indstilles\b\s*(?:til [^,;:]+?)?[,;:]?\s*/iu, ''),
    };
  }
  const match =
    /^(.{2,120}?)\s+indstiller\b\s*(?:(?:over for|overfor|til)\s+[^,;:]+?(?=[,;:]|\s+at\b|$))?[,;:]?\s*(.*)$/iu.exec(
      plain,
    );
  if (!match) return null;
  const proposer = (match[1] ?? '').trim();
  if (proposer.split(/\s+/u).length > 12 || /[.!?]\s/u.test(proposer)) return null;
  let rest = (match[2] ?? '').trim();
  // "indstiller at;" introduces a list: the "at" belongs to the points, not the proposer line.
  if (/^at\s*[;:,]?$/iu.test(rest)) rest = '';
  return { proposer, rest };
}

/** A duration line such as "Varighed: 30 min" or "Tid: 1 time"; returns minutes, or null. */
export function durationLine(plain: string): number | null {
  const match = /^(?:varighed|tidsramme|afsat tid|tid|tidsforbrug)\s*:\s*(.+)$/iu.exec(plain);
  if (!match) return null;
  return durationInTitle(`(${(match[1] ?? '').replace(/\.$/u, '').trim()})`);
}
