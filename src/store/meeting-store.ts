import type { Kysely } from 'kysely';
import { type MeetingStatus, toMeetingStatus } from '../core/meeting-lifecycle.ts';
import type { DatabaseSchema } from './database-schema.ts';
import { deleteUnreferencedFiles, listFileIdsOfItems } from './file-store.ts';

type Executor = Kysely<DatabaseSchema>;

/** A meeting's own fields, as the editor shows them. */
export interface MeetingRecord {
  id: number;
  forumId: number;
  kind: 'agenda' | 'minutes';
  date: string;
  start: string | null;
  location: string | null;
  status: string;
  version: number;
  /** Imported from the archive: final. */
  archived: boolean;
  createdAt: string;
}

/** One meeting's own fields, or null. */
export async function findMeetingRecord(
  db: Executor,
  meetingId: number,
): Promise<MeetingRecord | null> {
  const row = await db
    .selectFrom('meetings')
    .select([
      'id',
      'forum_id',
      'kind',
      'date',
      'start',
      'location',
      'status',
      'version',
      'archived',
      'created_at',
    ])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!row) return null;
  const { forum_id: forumId, archived, created_at: createdAt, ...rest } = row;
  return { ...rest, forumId, archived: Number(archived) === 1, createdAt };
}

/**
 * The forum's meeting just before or just after a date, or null. A cancelled meeting is not
 * one: it has no minutes to approve, and item 1 names the meeting that was held.
 */
export async function findNeighbourMeeting(
  db: Executor,
  forumId: number,
  date: string,
  direction: 'before' | 'after',
): Promise<{ id: number; date: string; status: MeetingStatus } | null> {
  const row = await db
    .selectFrom('meetings')
    .select(['id', 'date', 'status'])
    .where('forum_id', '=', forumId)
    .where('status', '<>', 'cancelled')
    .where('date', direction === 'before' ? '<' : '>', date)
    .orderBy('date', direction === 'before' ? 'desc' : 'asc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...row, status: toMeetingStatus(row.status) } : null;
}

/**
 * The forum's meetings whose item 1 still follows the calendar: not archived, and with minutes
 * not yet published (what was sent stays as it was sent).
 */
export async function listOpenMeetingsOfForum(
  db: Executor,
  forumId: number,
): Promise<Array<{ id: number; date: string }>> {
  return db
    .selectFrom('meetings')
    .select(['id', 'date'])
    .where('forum_id', '=', forumId)
    .where('archived', '=', 0)
    .where('status', 'in', ['draft', 'agenda_published', 'in_progress', 'held'])
    .orderBy('date')
    .execute();
}

/** Whether the forum already meets on that date. */
export async function findMeetingOnDate(
  db: Executor,
  forumId: number,
  date: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('meetings')
    .select('id')
    .where('forum_id', '=', forumId)
    .where('date', '=', date)
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * Sets a meeting's own fields and bumps its version; with `expectedVersion`, only if the
 * stored version is still that one (checked in the same statement). False when it was not.
 */
export async function writeMeetingFields(
  db: Executor,
  meetingId: number,
  fields: Partial<Pick<MeetingRecord, 'kind' | 'date' | 'start' | 'location'>>,
  expectedVersion?: number,
): Promise<boolean> {
  let update = db
    .updateTable('meetings')
    .set((eb) => ({
      ...fields,
      version: eb('version', '+', 1),
      updated_at: new Date().toISOString(),
    }))
    .where('id', '=', meetingId);
  if (expectedVersion !== undefined) update = update.where('version', '=', expectedVersion);
  return Number((await update.executeTakeFirst()).numUpdatedRows) > 0;
}

/**
 * The meeting's revisions, newest first, with their data (JSON text: `{ before, … }`), the
 * meeting's own, its items' and their Bilag's (those that still exist).
 */
export async function listMeetingRevisions(db: Executor, meetingId: number) {
  const itemIds = db.selectFrom('agenda_items').select('id').where('meeting_id', '=', meetingId);
  const attachmentIds = db.selectFrom('attachments').select('id').where('item_id', 'in', itemIds);
  const rows = await db
    .selectFrom('revisions')
    .select(['id', 'entity_type', 'entity_id', 'action', 'author', 'reason', 'created_at', 'data'])
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'meeting'), eb('entity_id', '=', meetingId)]),
        eb.and([eb('entity_type', '=', 'item'), eb('entity_id', 'in', itemIds)]),
        eb.and([eb('entity_type', '=', 'attachment'), eb('entity_id', 'in', attachmentIds)]),
      ]),
    )
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action,
    author: row.author,
    reason: row.reason,
    createdAt: row.created_at,
    data: row.data,
  }));
}

/**
 * Deletes a meeting with its items (their points, Bilag, absences and guests go with them by
 * cascade) and the files only it used; returns the ids of the items that went.
 */
export async function deleteMeetingRow(db: Executor, meetingId: number): Promise<number[]> {
  const items = await db
    .selectFrom('agenda_items')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .execute();
  const itemIds = items.map((item) => item.id);
  const fileIds = await listFileIdsOfItems(db, itemIds);
  await db.deleteFrom('meetings').where('id', '=', meetingId).execute();
  await deleteUnreferencedFiles(db, fileIds);
  return itemIds;
}

/** Bumps the version of every meeting of a forum: its documents carry the forum's name. */
export async function touchForumMeetings(db: Executor, forumId: number): Promise<void> {
  await db
    .updateTable('meetings')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('forum_id', '=', forumId)
    .execute();
}

/** How many meetings and items the archive holds. */
export async function countArchiveSize(
  db: Kysely<DatabaseSchema>,
): Promise<{ meetings: number; items: number }> {
  const meetings = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst();
  const items = await db
    .selectFrom('agenda_items')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst();
  return { meetings: Number(meetings?.count ?? 0), items: Number(items?.count ?? 0) };
}
