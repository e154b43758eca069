/**
 * Documents that print the meeting header on every page, or above every item, repeat it
 * inside the items ("REFERAT Chefforum d. 14-06-2017", "Mødested Mødelokale 2"). Those copies
 * are furniture, not the items' text.
 */
import { sectionHeadingKind } from './line-patterns.ts';
import { type SourceLine, toSourceLines } from './source-line.ts';

const blank = toSourceLines('')[0] as SourceLine;

/**
 * Blanks the lines from `from` on that repeat a line of the header: when the same line comes
 * back more than once, or next to another header line (a block of two or more). Blank lines
 * keep every line index in place.
 */
export function blankRepeatedHeaderLines(
  lines: readonly SourceLine[],
  headerLines: readonly string[],
  from: number,
): SourceLine[] {
  // A header line that is also a section heading ("Referat" alone) stays a heading in the items.
  const header = new Set(
    headerLines
      .filter((line) => sectionHeadingKind(line) === null)
      .map(lineKey)
      .filter((key) => key.length >= 4),
  );
  if (header.size === 0) return [...lines];
  const lengths = new Set([...header].map((key) => key.length));
  // Plain lines are trimmed with single spaces already; most differ from the header in length.
  const isCopy = lines.map(
    (line, index) =>
      index >= from && lengths.has(line.plain.length) && header.has(line.plain.toLowerCase()),
  );
  const counts = new Map<string, number>();
  isCopy.forEach((copy, index) => {
    if (!copy) return;
    const key = (lines[index] as SourceLine).plain.toLowerCase();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return lines.map((line, index) => {
    if (!isCopy[index]) return line;
    const isRepeated = (counts.get(line.plain.toLowerCase()) ?? 0) >= 2;
    const isInBlock =
      isCopy[neighbour(lines, index, -1)] === true || isCopy[neighbour(lines, index, 1)] === true;
    return isRepeated || isInBlock ? blank : line;
  });
}

function lineKey(text: string): string {
  return text.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** The nearest non-empty line before (-1) or after (1) a line, or -1. */
function neighbour(lines: readonly SourceLine[], index: number, step: -1 | 1): number {
  for (let other = index + step; other >= 0 && other < lines.length; other += step)
    if (lines[other]?.plain !== '') return other;
  return -1;
}
