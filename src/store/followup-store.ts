import { type Kysely, type Selectable, sql } from 'kysely';
import type { FollowupKind } from '../core/followups/followup.ts';
import {
  type FollowupOwnerKind,
  type FollowupState,
  type FollowupStatus,
  followupOwnerKinds,
  followupStates,
  followupStatuses,
} from '../core/followups/followup-tracking.ts';
import type { DatabaseEngine } from './database.ts';
import type { DatabaseSchema, FollowupTable } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** A note on a follow-up, as stored in its `notes` JSON. */
export interface StoredFollowupNote {
  at: string;
  author: string;
  text: string;
}

/** A follow-up as stored, with the meeting, forum, item and case it belongs to. */
export interface StoredFollowup {
  id: number;
  version: number;
  meetingId: number;
  itemId: number;
  forumId: number;
  kind: FollowupKind;
  state: FollowupState;
  status: FollowupStatus;
  ownerName: string | null;
  ownerKind: FollowupOwnerKind | null;
  dueFrom: string | null;
  dueTo: string | null;
  text: string;
  title: string;
  notes: StoredFollowupNote[];
  createdAt: string;
  updatedAt: string;
  remindedBeforeAt: string | null;
  remindedOverdueAt: string | null;
  meetingDate: string;
  forumName: string;
  itemNumber: number;
  itemTitle: string;
  caseNumber: string | null;
}

/** What an edit may change of a follow-up's own fields. */
export interface FollowupRowChanges {
  kind?: FollowupKind;
  state?: FollowupState;
  status?: FollowupStatus;
  ownerName?: string | null;
  ownerKind?: FollowupOwnerKind | null;
  dueFrom?: string | null;
  dueTo?: string | null;
  title?: string;
  notes?: StoredFollowupNote[];
}

/** Which follow-ups a list holds; every condition given must hold. */
export interface FollowupQuery {
  meetingId?: number;
  /** Leave out this meeting's own (the "due before" list of a meeting). */
  exceptMeetingId?: number;
  forumIds?: readonly number[];
  states?: readonly FollowupState[];
  statuses?: readonly FollowupStatus[];
  /** Only those with a deadline on or before this day. */
  dueOnOrBefore?: string;
  caseNumber?: string;
}

function selectFollowups(db: Executor) {
  return db
    .selectFrom('followups')
    .innerJoin('meetings', 'meetings.id', 'followups.meeting_id')
    .innerJoin('forums', 'forums.id', 'followups.forum_id')
    .innerJoin('agenda_items', 'agenda_items.id', 'followups.item_id')
    .leftJoin('cases', 'cases.id', 'agenda_items.case_id')
    .selectAll('followups')
    .select([
      'meetings.date as meeting_date',
      'forums.name as forum_name',
      'agenda_items.number as item_number',
      'agenda_items.title as item_title',
      'cases.case_number as case_number',
    ]);
}

/**
 * One follow-up, or null. With `lockFor` 'postgres' its row is locked for the rest of the
 * transaction, so that two edits are checked against its version one after the other.
 */
export async function findFollowup(
  db: Executor,
  followupId: number,
  lockFor?: DatabaseEngine,
): Promise<StoredFollowup | null> {
  if (lockFor === 'postgres')
    await sql`select id from followups where id = ${followupId} for update`.execute(db);
  const row = await selectFollowups(db).where('followups.id', '=', followupId).executeTakeFirst();
  return row ? toStoredFollowup(row) : null;
}

/** The follow-ups the query names, oldest first. */
export async function listFollowups(db: Executor, query: FollowupQuery): Promise<StoredFollowup[]> {
  if (query.forumIds?.length === 0) return [];
  let select = selectFollowups(db);
  if (query.meetingId !== undefined)
    select = select.where('followups.meeting_id', '=', query.meetingId);
  if (query.exceptMeetingId !== undefined)
    select = select.where('followups.meeting_id', '!=', query.exceptMeetingId);
  if (query.forumIds) select = select.where('followups.forum_id', 'in', [...query.forumIds]);
  if (query.states) select = select.where('followups.state', 'in', [...query.states]);
  if (query.statuses) select = select.where('followups.status', 'in', [...query.statuses]);
  if (query.dueOnOrBefore !== undefined)
    select = select.where('followups.due_to', '<=', query.dueOnOrBefore);
  if (query.caseNumber !== undefined)
    select = select.where('cases.case_number', '=', query.caseNumber);
  const rows = await select.orderBy('followups.id').execute();
  return rows.map(toStoredFollowup);
}

/**
 * Changes a follow-up if it is still at `version`, and moves its version on; false when
 * someone else changed it first.
 */
export async function updateFollowupRow(
  db: Executor,
  followupId: number,
  version: number,
  changes: FollowupRowChanges,
  at: string,
): Promise<boolean> {
  const updated = await db
    .updateTable('followups')
    .set((eb) => ({
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.state !== undefined ? { state: changes.state } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.ownerName !== undefined ? { owner_name: changes.ownerName } : {}),
      ...(changes.ownerKind !== undefined ? { owner_kind: changes.ownerKind } : {}),
      ...(changes.dueFrom !== undefined ? { due_from: changes.dueFrom } : {}),
      ...(changes.dueTo !== undefined ? { due_to: changes.dueTo } : {}),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.notes !== undefined ? { notes: JSON.stringify(changes.notes) } : {}),
      // A new deadline deserves its own reminders.
      ...(changes.dueTo !== undefined
        ? { reminded_before_at: null, reminded_overdue_at: null }
        : {}),
      updated_at: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', followupId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** A follow-up's history, oldest first. */
export async function listFollowupRevisions(db: Executor, followupId: number) {
  const rows = await db
    .selectFrom('revisions')
    .select(['action', 'author', 'reason', 'created_at'])
    .where('entity_type', '=', 'followup')
    .where('entity_id', '=', followupId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    action: row.action,
    author: row.author,
    reason: row.reason,
    createdAt: row.created_at,
  }));
}

/** The column that records each reminder. */
const reminderColumns = {
  before: 'reminded_before_at',
  overdue: 'reminded_overdue_at',
} as const;

/**
 * Takes the right to send one reminder of a follow-up, and records it as sent, in one
 * conditional write: of two workers, one gets it, and it is never sent twice. False when it
 * was taken already, or the follow-up is no longer open.
 */
export async function reserveFollowupReminder(
  db: Executor,
  followupId: number,
  kind: keyof typeof reminderColumns,
  at: string,
): Promise<boolean> {
  const column = reminderColumns[kind];
  const updated = await db
    .updateTable('followups')
    .set({ [column]: at })
    .where('id', '=', followupId)
    .where(column, 'is', null)
    .where('state', '=', 'confirmed')
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Gives a reserved reminder back (the mail server was away), so that a later check sends it. */
export async function releaseFollowupReminder(
  db: Executor,
  followupId: number,
  kind: keyof typeof reminderColumns,
  at: string,
): Promise<void> {
  const column = reminderColumns[kind];
  await db
    .updateTable('followups')
    .set({ [column]: null })
    .where('id', '=', followupId)
    .where(column, '=', at)
    .execute();
}

type FollowupRow = Selectable<FollowupTable> & {
  meeting_date: string;
  forum_name: string;
  item_number: number;
  item_title: string;
  case_number: string | null;
};

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return values.find((known) => known === value) ?? fallback;
}

function readNotes(json: string | null): StoredFollowupNote[] {
  if (!json) return [];
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as StoredFollowupNote[]) : [];
  } catch {
    return [];
  }
}

function toStoredFollowup(row: FollowupRow): StoredFollowup {
  return {
    id: row.id,
    version: row.version,
    meetingId: row.meeting_id,
    itemId: row.item_id,
    forumId: row.forum_id,
    kind: row.kind === 'return' ? 'return' : 'task',
    // Anything unknown is a suggestion: it shows nowhere but to the secretary (fail closed).
    state: oneOf(followupStates, row.state, 'suggested'),
    status: oneOf(followupStatuses, row.status, 'open'),
    ownerName: row.owner_name,
    ownerKind: row.owner_name ? oneOf(followupOwnerKinds, row.owner_kind, 'unit') : null,
    dueFrom: row.due_from,
    dueTo: row.due_to,
    text: row.text,
    title: row.title,
    notes: readNotes(row.notes),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    remindedBeforeAt: row.reminded_before_at,
    remindedOverdueAt: row.reminded_overdue_at,
    meetingDate: row.meeting_date,
    forumName: row.forum_name,
    itemNumber: row.item_number,
    itemTitle: row.item_title,
    caseNumber: row.case_number,
  };
}
