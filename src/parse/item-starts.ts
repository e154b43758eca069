import {
  forumPrefixOf,
  type ItemHeading,
  isTableOfContentsEntry,
  isTableOfContentsHeading,
  numberedItemHeading,
  pointItemHeading,
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
  return prefixedHeadingStarts(lines, abbreviation, contentsEnd);
}

function candidateStarts(
  lines: readonly SourceLine[],
  recognize: (line: SourceLine) => ItemHeading | null,
): ItemStart[] {
  const starts: ItemStart[] = [];
  for (let lineIndex = 0; lineIndex < lines.length && starts.length < maxCandidates; lineIndex++) {
    const line = lines[lineIndex] as SourceLine;
    if (line.plain === '' || isTableOfContentsEntry(line.raw)) continue;
    const heading = recognize(line);
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
