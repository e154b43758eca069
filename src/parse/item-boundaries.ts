/**
 * Where each item begins and ends: the item finder's starts, with lost headings recovered,
 * journal numbers written above their heading given to their item, and an outline ("1.1")
 * laid flat.
 */
import { isCaseNumberLine } from './heading-evidence.ts';
import { itemGroupHeading } from './item-markers.ts';
import { findItemStarts, type ItemStart } from './item-starts.ts';
import { recoverSkippedItems } from './numbering-recovery.ts';
import { flattenOutline } from './outline-numbering.ts';
import type { SourceLine } from './source-line.ts';

/** The document's lines (a glued heading may have been split off) and its item starts. */
export interface ItemBoundaries {
  lines: SourceLine[];
  starts: ItemStart[];
  warnings: string[];
}

/** Finds the items of a document. */
export function locateItems(sourceLines: readonly SourceLine[]): ItemBoundaries {
  const found = findItemStarts(sourceLines);
  const isOutline = found.some((start) => start.label?.includes('.'));
  const { lines, starts } = isOutline
    ? { lines: [...sourceLines], starts: found }
    : recoverSkippedItems(sourceLines, found);
  const withCaseNumbers = attachLeadingCaseNumbers(lines, starts);
  if (!isOutline) return { lines, starts: withCaseNumbers, warnings: [] };
  return { lines, ...flattenOutline(withCaseNumbers, lines) };
}

/**
 * The lines of an item: from its heading to the next item's beginning, with a journal number
 * written above the heading put first, where the item parser looks for it.
 */
export function itemBodyLines(
  lines: readonly SourceLine[],
  start: ItemStart,
  next: ItemStart | undefined,
): SourceLine[] {
  const end = next ? (next.firstLineIndex ?? next.lineIndex) : lines.length;
  const above = lines
    .slice(start.firstLineIndex ?? start.lineIndex, start.lineIndex)
    .filter((line) => isCaseNumberLine(line.plain));
  const rest = lines.slice(start.lineIndex + 1, end);
  // A heading that is only its number has its title on the next line: that stays first.
  const titleAt = start.title === '' ? rest.findIndex((line) => line.plain !== '') + 1 : 0;
  return [...rest.slice(0, titleAt), ...above, ...rest.slice(titleAt)];
}

/**
 * Some councils write the journal number above the item heading. When most items have a
 * journal number just above their heading (and it is not the item before's own, right under
 * that item's heading), the number begins the item below it.
 */
function attachLeadingCaseNumbers(
  lines: readonly SourceLine[],
  starts: readonly ItemStart[],
): ItemStart[] {
  const above = starts.map((start, index) => caseNumberAbove(lines, start, starts[index - 1]));
  const count = above.filter((lineIndex) => lineIndex !== null).length;
  if (count < 2 || count * 2 < starts.length) return [...starts];
  return starts.map((start, index) => {
    const lineIndex = above[index];
    if (lineIndex === null || lineIndex === undefined) return start;
    return { ...start, firstLineIndex: Math.min(lineIndex, start.firstLineIndex ?? lineIndex) };
  });
}

function caseNumberAbove(
  lines: readonly SourceLine[],
  start: ItemStart,
  previous: ItemStart | undefined,
): number | null {
  const floor = previous ? previous.lineIndex + 1 : 0;
  let index = (start.firstLineIndex ?? start.lineIndex) - 1;
  while (index >= floor && (lines[index] as SourceLine).plain === '') index--;
  if (index < floor || !isCaseNumberLine((lines[index] as SourceLine).plain)) return null;
  // The item before's own number stands first under its heading.
  let first = floor;
  while (first < index && (lines[first] as SourceLine).plain === '') first++;
  return previous && first === index ? null : index;
}

/**
 * For each item, whether a group heading above it ("Lukkede sager", "Lukket dagsorden") made
 * it closed; "Åbne sager" ends such a group.
 */
export function closedByGroupHeading(
  lines: readonly SourceLine[],
  starts: readonly ItemStart[],
): boolean[] {
  let group: 'open' | 'closed' | null = null;
  let line = starts[0]?.lineIndex ?? 0;
  return starts.map((start) => {
    for (; line < start.lineIndex; line++)
      group = itemGroupHeading((lines[line] as SourceLine).plain) ?? group;
    return group === 'closed';
  });
}
