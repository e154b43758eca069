import type { EditableItem } from '../../api/types.ts';

/**
 * The positions a movable item may take: after the leading standard item (1, approval) and
 * before the trailing one ("Evt."), which stay first and last.
 */
export function movableRange(items: readonly Pick<EditableItem, 'isStandard'>[]): {
  first: number;
  last: number;
} {
  let first = 0;
  while (first < items.length && items[first]?.isStandard) first++;
  let last = items.length - 1;
  while (last >= first && items[last]?.isStandard) last--;
  return { first, last };
}

/** The items with one moved to `toIndex` (kept inside the movable range), renumbered 1…n. */
export function moveItem(
  items: readonly EditableItem[],
  itemId: number,
  toIndex: number,
): { items: EditableItem[]; index: number } | null {
  const from = items.findIndex((item) => item.id === itemId);
  const moved = items[from];
  if (!moved || moved.isStandard) return null;
  const { first, last } = movableRange(items);
  const index = Math.min(Math.max(toIndex, first), last);
  if (index === from) return null;
  const reordered = items.filter((item) => item.id !== itemId);
  reordered.splice(index, 0, moved);
  return { items: reordered.map((item, position) => ({ ...item, number: position + 1 })), index };
}
