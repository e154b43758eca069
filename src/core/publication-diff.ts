import type { AgendaItem, Meeting } from './meeting.ts';

/** What happened to one item between two published versions. */
export interface ItemChange {
  number: number;
  title: string;
  change: 'added' | 'removed' | 'changed';
  /** Danish names of the fields that differ (for "changed"). */
  fields: string[];
}

const fieldLabels: Array<[string, (item: AgendaItem) => unknown]> = [
  ['Titel', (item) => item.title],
  ['Journalnummer', (item) => item.caseNumber],
  ['Lukket punkt', (item) => item.closed],
  ['Tid', (item) => item.durationMinutes ?? null],
  ['Anledning', (item) => item.background],
  ['Sagsfremstilling', (item) => item.presentation],
  ['Indstilling', (item) => item.recommendation],
  ['Beslutning', (item) => item.decision],
  ['Bilag', (item) => item.attachments],
  ['Fraværende', (item) => item.absent],
];

/**
 * What changed from one published version to the next. Items are matched by title first (an
 * item moved to another number is the same item), then by number; the first publication
 * (no earlier version) has no changes.
 */
export function diffPublications(before: Meeting | null, after: Meeting): ItemChange[] {
  if (!before) return [];
  const partners = matchItems(before.items, after.items);
  const moved = movedItems(before.items, after.items, partners);
  const changes: ItemChange[] = [];
  for (const [index, item] of after.items.entries()) {
    const previous = partners.get(index);
    if (!previous) {
      changes.push({ number: item.number, title: item.title, change: 'added', fields: [] });
      continue;
    }
    const fields = [
      ...(moved.has(index) ? ['Placering'] : []),
      ...fieldLabels
        .filter(([, read]) => JSON.stringify(read(previous)) !== JSON.stringify(read(item)))
        .map(([label]) => label),
    ];
    if (fields.length > 0)
      changes.push({ number: item.number, title: item.title, change: 'changed', fields });
  }
  const matched = new Set(partners.values());
  for (const item of before.items.filter((candidate) => !matched.has(candidate)))
    changes.push({ number: item.number, title: item.title, change: 'removed', fields: [] });
  return changes;
}

/** Pairs each new item with its earlier self: by title first, then by number among the rest. */
function matchItems(
  before: readonly AgendaItem[],
  after: readonly AgendaItem[],
): Map<number, AgendaItem> {
  const unmatched = [...before];
  const partners = new Map<number, AgendaItem>();
  const take = (index: number, found: number) => {
    const [item] = unmatched.splice(found, 1);
    if (item) partners.set(index, item);
  };
  for (const [index, item] of after.entries()) {
    const found = unmatched.findIndex((candidate) => candidate.title === item.title);
    if (found >= 0) take(index, found);
  }
  for (const [index, item] of after.entries()) {
    if (partners.has(index)) continue;
    const found = unmatched.findIndex((candidate) => candidate.number === item.number);
    if (found >= 0) take(index, found);
  }
  return partners;
}

/**
 * The new items (by index) that were moved: those outside the longest run of matched items
 * that kept their order. An item only renumbered because another was added or removed is not
 * moved; of two swapped items, one is.
 */
function movedItems(
  before: readonly AgendaItem[],
  after: readonly AgendaItem[],
  partners: ReadonlyMap<number, AgendaItem>,
): Set<number> {
  const matched = after
    .map((_item, index) => index)
    .filter((index) => partners.has(index))
    .map((index) => ({ index, earlier: before.indexOf(partners.get(index) as AgendaItem) }));
  const kept = longestIncreasingRun(matched.map((entry) => entry.earlier));
  return new Set(matched.filter((_entry, position) => !kept.has(position)).map((e) => e.index));
}

/** Positions of one longest strictly increasing subsequence (O(n²): agendas are short). */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  for (let i = 0; i < values.length; i++)
    for (let j = 0; j < i; j++)
      if ((values[j] ?? 0) < (values[i] ?? 0) && (length[j] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[j] ?? 0) + 1;
        previous[i] = j;
      }
  let at = length.indexOf(Math.max(0, ...length));
  const kept = new Set<number>();
  while (at >= 0) {
    kept.add(at);
    at = previous[at] ?? -1;
  }
  return kept;
}
