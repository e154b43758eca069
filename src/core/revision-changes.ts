/**
 * Which fields of which items a revision changed, for an item's history ("ændrede Beslutning,
 * Bilag"). Revisions keep the entity as it was before (`data.before`) and, for a save, the fields
 * that were sent (`data.changes`); this reads both, so the history can name what changed without
 * sending the texts themselves to the browser.
 */

/** The item fields the history names, in the order the item page shows them. */
export const historyItemFields = [
  'title',
  'caseNumber',
  'purpose',
  'durationMinutes',
  'closed',
  'background',
  'presentation',
  'recommendation',
  'decision',
  'attachments',
  'absent',
] as const;

/** An item field the history names. */
export type HistoryItemField = (typeof historyItemFields)[number];

/** The Danish name of each field, as the item page labels it. */
export const historyItemFieldLabels: Record<HistoryItemField, string> = {
  title: 'Titel',
  caseNumber: 'Journalnummer',
  purpose: 'Formål',
  durationMinutes: 'Varighed',
  closed: 'Lukket punkt',
  background: 'Anledning',
  presentation: 'Sagsfremstilling',
  recommendation: 'Indstilling',
  decision: 'Beslutning',
  attachments: 'Bilag',
  absent: 'Fraværende',
};

/** A revision as stored: the entity, the action and its JSON data (text or parsed). */
export interface StoredRevision {
  entityType: string;
  entityId: number;
  action: string;
  data: unknown;
}

/** What one revision changed of one item. */
export interface ItemFieldChanges {
  itemId: number;
  fields: HistoryItemField[];
}

/** An item as it is now: only its absentees are needed, to see what an absence step changed. */
export interface CurrentItemAbsences {
  id: number;
  absent: ReadonlyArray<{ name: string; role?: string | null }>;
}

/**
 * The items each revision changed, with the fields, one list per revision in the order given,
 * which must be newest first (as the meeting's history is listed):
 * - an item saved or corrected: the sent fields that differ from the item before;
 * - an item created: the item, with no fields (the history says it was created);
 * - a Bilag added or removed: its item, with Bilag;
 * - Fraværende set for the whole meeting: each item whose absentees differ from what they were
 *   right after (the next revision's record of them, or the item as it is now), since such a
 *   step records only the absentees before it;
 * - anything else (publishing, reordering): no items.
 */
export function itemChangesOfRevisions(
  revisions: readonly StoredRevision[],
  currentItems: readonly CurrentItemAbsences[],
): ItemFieldChanges[][] {
  // The absentees of each item right after the revision being looked at; walking from the
  // newest revision back, each revision's "before" is the state right after the older ones.
  const absentAfter = new Map<number, string>(
    currentItems.map((item) => [item.id, absenceKey(item.absent)]),
  );
  return revisions.map((revision) => {
    const data = parseData(revision.data);
    const changes = changesOfRevision(revision, data, absentAfter);
    rememberAbsencesBefore(revision, data, absentAfter);
    return changes;
  });
}

function changesOfRevision(
  revision: StoredRevision,
  data: Record<string, unknown>,
  absentAfter: ReadonlyMap<number, string>,
): ItemFieldChanges[] {
  if (revision.entityType === 'item') {
    if (revision.action === 'create') return [{ itemId: revision.entityId, fields: [] }];
    const changes = recordOf(data.changes);
    if (!changes) return [];
    const before = recordOf(data.before) ?? {};
    const fields = historyItemFields.filter(
      (field) => field in changes && !isSameValue(changes[field], before[field]),
    );
    return [{ itemId: revision.entityId, fields }];
  }
  if (revision.entityType === 'attachment') {
    const itemId = numberOf(data.itemId) ?? numberOf(recordOf(data.before)?.itemId);
    return itemId === null ? [] : [{ itemId, fields: ['attachments'] }];
  }
  if (revision.entityType === 'meeting' && isAbsenceAction(revision.action)) {
    return absenceSnapshots(data).flatMap(({ itemId, absent }) => {
      const after = absentAfter.get(itemId);
      return after === undefined || after === absenceKey(absent)
        ? []
        : [{ itemId, fields: ['absent' as const] }];
    });
  }
  return [];
}

/** Notes the absentees a revision recorded as "before": the state right after older ones. */
function rememberAbsencesBefore(
  revision: StoredRevision,
  data: Record<string, unknown>,
  absentAfter: Map<number, string>,
): void {
  if (revision.entityType === 'item') {
    const before = recordOf(data.before);
    if (before && Array.isArray(before.absent))
      absentAfter.set(revision.entityId, absenceKey(before.absent));
    return;
  }
  if (revision.entityType === 'meeting' && isAbsenceAction(revision.action))
    for (const { itemId, absent } of absenceSnapshots(data))
      absentAfter.set(itemId, absenceKey(absent));
}

function isAbsenceAction(action: string): boolean {
  return action === 'add_absence' || action === 'remove_absence';
}

/** An absence step's record: `before` is a list of `{ id, absent }`, one per item. */
function absenceSnapshots(
  data: Record<string, unknown>,
): Array<{ itemId: number; absent: unknown[] }> {
  if (!Array.isArray(data.before)) return [];
  return data.before.flatMap((entry: unknown) => {
    const record = recordOf(entry);
    const itemId = numberOf(record?.id);
    if (!record || itemId === null || !Array.isArray(record.absent)) return [];
    return [{ itemId, absent: record.absent as unknown[] }];
  });
}

/** Absentees compared by name and role, however the role was stored (missing or null). */
function absenceKey(absent: readonly unknown[]): string {
  return JSON.stringify(
    absent.map((person) => {
      const record = recordOf(person);
      return [record?.name ?? null, record?.role ?? null];
    }),
  );
}

/** Equal as data: key order, and a missing value against null, do not count as a change. */
function isSameValue(one: unknown, other: unknown): boolean {
  return canonicalJson(one) === canonicalJson(other);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner: unknown) => {
    const record = recordOf(inner);
    if (!record || Array.isArray(inner)) return inner;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key] ?? null]),
    );
  });
}

function parseData(data: unknown): Record<string, unknown> {
  if (typeof data !== 'string') return recordOf(data) ?? {};
  try {
    return recordOf(JSON.parse(data)) ?? {};
  } catch {
    return {};
  }
}

function recordOf(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : null;
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}
