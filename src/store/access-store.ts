import { type Kysely, sql } from 'kysely';
import { toMeetingStatus } from '../core/meeting-lifecycle.ts';
import {
  type ForumTarget,
  type MeetingTarget,
  toForumVisibility,
} from '../core/policies/targets.ts';
import type { DatabaseEngine } from './database.ts';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** A meeting as the policy sees it, with its id and version. */
export interface StoredMeetingTarget extends MeetingTarget {
  meetingId: number;
  version: number;
}

/**
 * A meeting's forum, visibility, state and version, or null. With `lockFor` set to
 * 'postgres' the row is locked for the rest of the transaction, so that writes to one meeting
 * (a lifecycle step and an edit, say) are checked and applied one after the other; SQLite
 * serializes write transactions anyway.
 */
export async function findMeetingTarget(
  db: Executor,
  meetingId: number,
  lockFor?: DatabaseEngine,
): Promise<StoredMeetingTarget | null> {
  if (lockFor === 'postgres')
    await sql`select id from meetings where id = ${meetingId} for update`.execute(db);
  return (await findMeetingTargets(db, [meetingId])).get(meetingId) ?? null;
}

/** Many meetings' targets at once, by meeting id. */
export async function findMeetingTargets(
  db: Executor,
  meetingIds: readonly number[],
): Promise<Map<number, StoredMeetingTarget>> {
  const targets = new Map<number, StoredMeetingTarget>();
  if (meetingIds.length === 0) return targets;
  const rows = await db
    .selectFrom('meetings')
    .innerJoin('forums', 'forums.id', 'meetings.forum_id')
    .select([
      'meetings.id',
      'meetings.forum_id',
      'meetings.status',
      'meetings.version',
      'meetings.archived',
      'forums.visibility',
      'forums.hides_contact_details',
    ])
    .where('meetings.id', 'in', [...new Set(meetingIds)])
    .execute();
  for (const row of rows)
    targets.set(row.id, {
      meetingId: row.id,
      forumId: row.forum_id,
      status: toMeetingStatus(row.status),
      version: row.version,
      visibility: toForumVisibility(row.visibility),
      hidesContactDetails: Number(row.hides_contact_details) === 1,
      archived: Number(row.archived) === 1,
    });
  return targets;
}

/** Every forum with its visibility (forums are few). */
export async function listForumTargets(db: Executor): Promise<ForumTarget[]> {
  const rows = await db
    .selectFrom('forums')
    .select(['id', 'visibility', 'hides_contact_details'])
    .orderBy('id')
    .execute();
  return rows.map(forumTargetOf);
}

/** One forum's target, or null. */
export async function findForumTarget(db: Executor, forumId: number): Promise<ForumTarget | null> {
  const row = await db
    .selectFrom('forums')
    .select(['id', 'visibility', 'hides_contact_details'])
    .where('id', '=', forumId)
    .executeTakeFirst();
  return row ? forumTargetOf(row) : null;
}

/** A forum row as the rules see it. */
function forumTargetOf(row: {
  id: number;
  visibility: string;
  hides_contact_details: number;
}): ForumTarget {
  return {
    forumId: row.id,
    visibility: toForumVisibility(row.visibility),
    hidesContactDetails: Number(row.hides_contact_details) === 1,
  };
}

/** The meeting an item belongs to, or null. */
export async function findMeetingIdOfItem(db: Executor, itemId: number): Promise<number | null> {
  const row = await db
    .selectFrom('agenda_items')
    .select('meeting_id')
    .where('id', '=', itemId)
    .executeTakeFirst();
  return row?.meeting_id ?? null;
}

/** The item and meeting an attachment belongs to, or null. */
export async function findAttachmentOwner(
  db: Executor,
  attachmentId: number,
): Promise<{ itemId: number; meetingId: number; closed: boolean } | null> {
  const row = await db
    .selectFrom('attachments')
    .innerJoin('agenda_items', 'agenda_items.id', 'attachments.item_id')
    .select(['attachments.item_id', 'agenda_items.meeting_id', 'agenda_items.closed'])
    .where('attachments.id', '=', attachmentId)
    .executeTakeFirst();
  return row ? { itemId: row.item_id, meetingId: row.meeting_id, closed: row.closed === 1 } : null;
}
