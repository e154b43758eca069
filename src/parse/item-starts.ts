import {
  contentsTitleKeys,
  opensItemBody,
  tableOfContentsEnd,
  titleKey,
} from './heading-evidence.ts';
import type { ItemStart } from './item-start.ts';
import {
  forumPrefixOf,
  type ItemHeading,
  isTableOfContentsEntry,
  numberedItemHeading,
  pointItemHeading,
} from './line-patterns.ts';
import { findOutlineStarts } from './outline-numbering.ts';
import { bestRisingSequence } from './rising-sequence.ts';
import { fromRoman } from './roman-numerals.ts';
import type { SourceLine } from './source-line.ts';

export type { ItemStart };

const maxCandidates = 5000;

/**
 * Finds the lines that start items. Items numbered in levels ("1.1") are read first, as an
 * outline; then "Punkt N:" headings win; documents without them may number their items
 * "N. CF - Titel", "N. Titel" or "IV. Titel", or only set "CF - Titel" as headings.
 * Table-of-contents entries never start an item. Of the candidates, the parser keeps the best
 * rising sequence of numbers, so that a "Punkt 2:" quoted inside a decision, or a contents
 * list without page numbers, does not cut the document wrongly.
 */
export function findItemStarts(lines: readonly SourceLine[]): ItemStart[] {
  const outlineStarts = findOutlineStarts(lines);
  if (outlineStarts.length > 0) return outlineStarts;
  const pointStarts = candidateStarts(lines, (line) => pointItemHeading(line.plain));
  if (pointStarts.length > 0) return risingByNumber(pointStarts);
  const abbreviation = mostCommon(
    lines.map((line) => forumPrefixOf(line.plain.replace(/^\d{1,5}[.)]?\s+/u, ''))),
  );
  const numberedStarts = candidateStarts(lines, (line) =>
    line.level > 0 || line.isBold || /^\d{1,5}[.)]\s/u.test(line.plain)
      ? numberedItemHeading(line.plain, abbreviation)
      : null,
  );
  if (numberedStarts.length > 0) return risingByNumber(numberedStarts);
  const plainStarts = risingByNumber(unprefixedNumberedStarts(lines));
  const romanStarts = risingByNumber(romanNumeralStarts(lines));
  const best = romanStarts.length > plainStarts.length ? romanStarts : plainStarts;
  if (best.length >= 2) return best;
  return prefixedHeadingStarts(lines, abbreviation, tableOfContentsEnd(lines));
}

function risingByNumber(starts: readonly ItemStart[]): ItemStart[] {
  return bestRisingSequence(
    starts,
    (start) => start.number,
    (earlier, later) => earlier.number + 1 === later.number,
  );
}

/**
 * Items numbered "2. Titel" with no "Punkt" and no forum prefix, as many councils write them.
 * A numbered line is a numbered list unless it looks like a heading: set as one (`#`, bold),
 * listed in the table of contents, or followed at once by what opens an item in the template
 * (a journal number or a section heading such as "Anledning"). Points ("1. at …") never count.
 */
function unprefixedNumberedStarts(lines: readonly SourceLine[]): ItemStart[] {
  let contentsTitles: Set<string> | undefined;
  return candidateStarts(lines, (line, lineIndex) => {
    const match = /^(\d{1,4})[.)]\s+(\S.{0,250})$/u.exec(line.plain);
    if (!match || /^at\s/iu.test(match[2] ?? '')) return null;
    contentsTitles ??= contentsTitleKeys(lines);
    const title = (match[2] ?? '').trim();
    const isHeading =
      line.level > 0 ||
      line.isBold ||
      contentsTitles.has(titleKey(title)) ||
      opensItemBody(lines, lineIndex, title);
    return isHeading ? { number: Number(match[1]), title } : null;
  });
}

// "Punkt IV Titel" or "IV. Titel"; a bare "I" before a word is the Danish preposition.
const romanHeading =
  /^(?:(?:[Pp]unkt|PUNKT|[Pp]kt\.?|PKT\.?)\s+([IVXLC]{1,7})(?:[.):]\s*|\s+)|([IVXLC]{1,7})[.):]\s*)(\S.{0,250})$/u;

/** Items numbered "IV. Titel" or "Punkt IV Titel", known as headings the way "2. Titel" is. */
function romanNumeralStarts(lines: readonly SourceLine[]): ItemStart[] {
  let contentsTitles: Set<string> | undefined;
  return candidateStarts(lines, (line, lineIndex) => {
    const match = romanHeading.exec(line.plain);
    const label = match?.[1] ?? match?.[2] ?? '';
    const number = fromRoman(label);
    const title = (match?.[3] ?? '').trim();
    if (number === null || !/^["'\p{Lu}\d]/u.test(title)) return null;
    contentsTitles ??= contentsTitleKeys(lines);
    const isHeading =
      match?.[1] !== undefined ||
      line.level > 0 ||
      line.isBold ||
      contentsTitles.has(titleKey(title)) ||
      opensItemBody(lines, lineIndex, title);
    return isHeading ? { number, title, label } : null;
  });
}

function candidateStarts(
  lines: readonly SourceLine[],
  recognize: (line: SourceLine, lineIndex: number) => (ItemHeading & { label?: string }) | null,
): ItemStart[] {
  const starts: ItemStart[] = [];
  for (let lineIndex = 0; lineIndex < lines.length && starts.length < maxCandidates; lineIndex++) {
    const line = lines[lineIndex] as SourceLine;
    if (line.plain === '' || isTableOfContentsEntry(line.raw)) continue;
    const heading = recognize(line, lineIndex);
    if (!heading || heading.number < 1) continue;
    const weight =
      1 + (line.level > 0 || line.isBold ? 0.5 : 0) + (forumPrefixOf(heading.title) ? 0.25 : 0);
    starts.push({ ...heading, lineIndex, weight });
  }
  return starts;
}

/** Last resort: headings "CF - Titel" after the table of contents, numbered in order. */
function prefixedHeadingStarts(
  lines: readonly SourceLine[],
  abbreviation: string | null,
  contentsEnd: number,
): ItemStart[] {
  if (!abbreviation) return [];
  const starts: ItemStart[] = [];
  lines.forEach((line, lineIndex) => {
    if (lineIndex < contentsEnd || !(line.level > 0 || line.isBold)) return;
    if (isTableOfContentsEntry(line.raw) || forumPrefixOf(line.plain) !== abbreviation) return;
    starts.push({ number: starts.length + 1, title: line.plain, lineIndex, weight: 1 });
  });
  return starts;
}

/** The most frequent non-null value. */
export function mostCommon(values: ReadonlyArray<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts)
    if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}
