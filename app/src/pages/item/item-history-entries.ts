import {
  type HistoryItemField,
  historyItemFieldLabels,
  historyItemFields,
} from '../../../../src/core/revision-changes.ts';
import type { RevisionEntry } from '../../api/types.ts';
import { formatDateWithClockTime } from '../../lib/clock-time.ts';

/** One line of an item's history, ready to show. */
export interface ItemHistoryEntry {
  /** The newest revision the line stands for, as a React key. */
  id: number;
  /** When: "12. marts 2019 kl. 14:02" (Copenhagen time). */
  time: string;
  /** The ISO time, for `<time dateTime>`. */
  createdAt: string;
  author: string;
  /** What was done: "ændrede Beslutning, Bilag", "oprettede punktet", "rettede Beslutning". */
  summary: string;
  /** A correction's reason; null for other changes. */
  reason: string | null;
}

/** Saves by the same person this close together are one line: autosave saves every pause. */
const sameSittingMilliseconds = 15 * 60 * 1000;

type Kind = 'created' | 'changed' | 'corrected';

interface Step {
  id: number;
  createdAt: string;
  /** The oldest save a merged line stands for: the next older save is compared with it. */
  earliestAt: string;
  author: string;
  kind: Kind;
  /** Null when the server does not say which fields changed. */
  fields: HistoryItemField[] | null;
  reason: string | null;
}

/**
 * An item's history, newest first, from the meeting's history: the steps that changed this
 * item (as the server's `itemChanges` names them; by the revision's entity where it does not),
 * with the changed fields by their Danish names and a correction's reason. Saves by the same
 * person, each within 15 minutes of the next, become one line naming every field they changed, so
 * a decision typed in meeting mode is one line, not one per pause in the typing.
 */
export function itemHistoryEntries(
  revisions: readonly RevisionEntry[],
  itemId: number,
): ItemHistoryEntry[] {
  const steps = revisions.flatMap((revision) => stepOf(revision, itemId));
  const merged: Step[] = [];
  for (const step of steps) {
    const newer = merged.at(-1);
    if (newer && isSameSitting(newer, step)) {
      merged[merged.length - 1] = {
        ...newer,
        earliestAt: step.createdAt,
        fields: unionOf(newer.fields, step.fields),
      };
      continue;
    }
    merged.push(step);
  }
  return merged.map((step) => ({
    id: step.id,
    time: formatDateWithClockTime(step.createdAt),
    createdAt: step.createdAt,
    author: step.author,
    summary: summaryOf(step),
    reason: step.reason,
  }));
}

function stepOf(revision: RevisionEntry, itemId: number): Step[] {
  const changes = revision.itemChanges;
  const isOwnEntity = revision.entityType === 'item' && revision.entityId === itemId;
  const change = changes?.find((entry) => entry.itemId === itemId);
  if (changes ? !change : !isOwnEntity) return [];
  const kind: Kind =
    revision.action === 'correction'
      ? 'corrected'
      : revision.action === 'create' && isOwnEntity
        ? 'created'
        : 'changed';
  return [
    {
      id: revision.id,
      createdAt: revision.createdAt,
      earliestAt: revision.createdAt,
      author: revision.author?.trim() || 'Ukendt',
      kind,
      fields: change ? inFieldOrder(change.fields) : null,
      reason: kind === 'corrected' ? revision.reason?.trim() || null : null,
    },
  ];
}

/** Whether an older step joins the newer line: plain saves by one person close in time. */
function isSameSitting(newer: Step, older: Step): boolean {
  if (newer.kind !== 'changed' || older.kind !== 'changed') return false;
  if (newer.author !== older.author) return false;
  const gap = Date.parse(newer.earliestAt) - Date.parse(older.createdAt);
  return Number.isFinite(gap) && gap >= 0 && gap <= sameSittingMilliseconds;
}

function unionOf(
  one: HistoryItemField[] | null,
  other: HistoryItemField[] | null,
): HistoryItemField[] | null {
  if (one === null || other === null) return one ?? other;
  return inFieldOrder([...one, ...other]);
}

function inFieldOrder(fields: readonly string[]): HistoryItemField[] {
  return historyItemFields.filter((field) => fields.includes(field));
}

function summaryOf(step: Step): string {
  const names = step.fields?.map((field) => historyItemFieldLabels[field]).join(', ') ?? '';
  switch (step.kind) {
    case 'created':
      return 'oprettede punktet';
    case 'corrected':
      return names ? `rettede ${names}` : 'rettede punktet';
    case 'changed':
      if (step.fields === null) return 'ændrede punktet';
      return names ? `ændrede ${names}` : 'gemte punktet uden ændringer';
  }
}
