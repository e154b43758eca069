import { parseCaseNumber } from '../core/case-number.ts';
import {
  forumPrefixOf,
  hasCaseNumberLabel,
  type ItemHeading,
  isTableOfContentsEntry,
  isTableOfContentsHeading,
  numberedItemHeading,
  pointItemHeading,
  proposerLine,
  removeForumPrefix,
  sectionHeadingKind,
  stripCaseNumberLabel,
} from './line-patterns.ts';
import type { SourceLine } from './source-line.ts';

/** An item heading and the line it stands on. */
export interface ItemStart extends ItemHeading {
  lineIndex: number;
  /** How much the line looks like a heading: marks, bold, a forum prefix. */
  weight: number;
}

const maxCandidates = 5000;

/**
 * Finds the lines that start items. "Punkt N:" headings win; documents without them may number
 * their items "N. CF - Titel", or only set "CF - Titel" as headings. Table-of-contents entries
 * never start an item. Of the candidates, the parser keeps the best rising sequence of
 * numbers, so that a "Punkt 2:" quoted inside a decision, or a contents list without page
 * numbers, does not cut the document wrongly.
 */
export function findItemStarts(lines: readonly SourceLine[]): ItemStart[] {
  const contentsEnd = tableOfContentsEnd(lines);
  const pointStarts = candidateStarts(lines, (line) => pointItemHeading(line.plain));
  if (pointStarts.length > 0) return bestRisingSequence(pointStarts);
  const abbreviation = mostCommon(
    lines.map((line) => forumPrefixOf(line.plain.replace(/^\d{1,3}[.)]?\s+/u, ''))),
  );
  const numberedStarts = candidateStarts(lines, (line) =>
    line.level > 0 || line.isBold || /^\d{1,3}[.)]\s/u.test(line.plain)
      ? numberedItemHeading(line.plain, abbreviation)
      : null,
  );
  if (numberedStarts.length > 0) return bestRisingSequence(numberedStarts);
  const plainNumberedStarts = unprefixedNumberedStarts(lines);
  if (plainNumberedStarts.length >= 2) return bestRisingSequence(plainNumberedStarts);
  return prefixedHeadingStarts(lines, abbreviation, contentsEnd);
}

/**
 * Items numbered "2. Titel" with no "Punkt" and no forum prefix, as many councils write them.
 * A numbered line is a numbered list unless it looks like a heading: set as one (`#`, bold),
 * listed in the table of contents, or followed at once by what opens an item in the template
 * (a journal number or a section heading such as "Anledning"). Points ("1. at …") never count.
 */
function unprefixedNumberedStarts(lines: readonly SourceLine[]): ItemStart[] {
  const contentsTitles = new Set(
    lines.filter((line) => isTableOfContentsEntry(line.raw)).map((line) => titleKey(line.plain)),
  );
  return candidateStarts(lines, (line, lineIndex) => {
    const match = /^(\d{1,3})[.)]\s+(\S.{0,250})$/u.exec(line.plain);
    if (!match || /^at\s/iu.test(match[2] ?? '')) return null;
    const title = (match[2] ?? '').trim();
    const isHeading =
      line.level > 0 ||
      line.isBold ||
      contentsTitles.has(titleKey(title)) ||
      opensItemBody(lines, lineIndex, title);
    return isHeading ? { number: Number(match[1]), title } : null;
  });
}

/**
 * Whether the next non-empty line is a journal number, a section heading or the title again,
 * and the numbered line is not one of a recommendation's points ("Direktionen indstiller,"
 * followed by "1. Chefforum drøfter …", then "Beslutning").
 */
function opensItemBody(lines: readonly SourceLine[], index: number, title: string): boolean {
  if (isRecommendationPoint(lines, index)) return false;
  for (let next = index + 1; next < Math.min(lines.length, index + 5); next++) {
    const plain = (lines[next] as SourceLine).plain;
    if (plain === '') continue;
    const candidate = stripCaseNumberLabel(plain).trim();
    return (
      sectionHeadingKind(plain) !== null ||
      titleKey(plain) === titleKey(title) ||
      ((hasCaseNumberLabel(plain) || parseCaseNumber(candidate).ok) && !/\s/u.test(candidate))
    );
  }
  return false;
}

/** A numbered line in a run of numbered lines that follows a proposer or "Indstilling". */
function isRecommendationPoint(lines: readonly SourceLine[], index: number): boolean {
  for (let before = index - 1; before >= Math.max(0, index - 60); before--) {
    const plain = (lines[before] as SourceLine).plain;
    if (plain === '' || /^\d{1,3}[.)]\s/u.test(plain)) continue;
    return proposerLine(plain) !== null || sectionHeadingKind(plain) === 'recommendation';
  }
  return false;
}

/** A title as a table of contents and a heading both write it: no numbers, leaders, prefix. */
function titleKey(text: string): string {
  const withoutPage = text
    .replace(/(?:\.{3,}|…+\.*|\t|(?:\.\s){3,}\.?)\s*\d{1,4}\s*$/u, '')
    .replace(/^\d{1,3}[.)]?\s+/u, '');
  return removeForumPrefix(withoutPage, forumPrefixOf(withoutPage))
    .replace(/[\s.:]+$/u, '')
    .replace(/\s+/gu, ' ')
    .toLowerCase();
}

function candidateStarts(
  lines: readonly SourceLine[],
  recognize: (line: SourceLine, lineIndex: number) => ItemHeading | null,
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

/**
 * The heaviest subsequence with rising numbers (weighted longest increasing subsequence).
 * Consecutive numbers earn a bonus; among equal sequences the later lines win, because a
 * table of contents comes before the items it lists.
 */
function bestRisingSequence(starts: readonly ItemStart[]): ItemStart[] {
  const score: number[] = [];
  const previous: number[] = [];
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index] as ItemStart;
    score[index] = start.weight;
    previous[index] = -1;
    for (let before = 0; before < index; before++) {
      const earlier = starts[before] as ItemStart;
      if (earlier.number >= start.number) continue;
      const bonus = earlier.number + 1 === start.number ? 0.3 : 0;
      const candidate = (score[before] ?? 0) + start.weight + bonus;
      if (candidate >= (score[index] ?? 0)) {
        score[index] = candidate;
        previous[index] = before;
      }
    }
  }
  let best = -1;
  for (let index = 0; index < starts.length; index++) {
    if (best < 0 || (score[index] ?? 0) >= (score[best] ?? 0)) best = index;
  }
  const sequence: ItemStart[] = [];
  for (let index = best; index >= 0; index = previous[index] ?? -1)
    sequence.unshift(starts[index] as ItemStart);
  return sequence;
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

/** The line after the table of contents: its heading and the entries that follow it. */
function tableOfContentsEnd(lines: readonly SourceLine[]): number {
  const heading = lines.findIndex((line) => isTableOfContentsHeading(line.plain));
  if (heading < 0) return 0;
  let end = heading + 1;
  while (end < lines.length) {
    const line = lines[end] as SourceLine;
    if (line.plain !== '' && !isTableOfContentsEntry(line.raw) && !/…|\.{3,}/u.test(line.raw))
      break;
    end++;
  }
  return end;
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
