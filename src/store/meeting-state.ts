import type { Kysely } from 'kysely';
import type { MeetingStatus } from '../core/meeting-lifecycle.ts';
import type { DatabaseSchema } from './database-schema.ts';

/** A meeting's lifecycle state and optimistic-concurrency version. */
export interface MeetingState {
  id: number;
  forumId: number;
  status: MeetingStatus;
  version: number;
}

/** The state of one meeting, or null when it does not exist. */
export async function findMeetingState(
  db: Kysely<DatabaseSchema>,
  meetingId: number,
): Promise<MeetingState | null> {
  const row = await db
    .selectFrom('meetings')
    .select(['id', 'forum_id', 'status', 'version'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    forumId: row.forum_id,
    status: row.status as MeetingStatus,
    version: row.version,
  };
}

/** Sets a meeting's lifecycle state and bumps its version. */
export async function updateMeetingStatus(
  db: Kysely<DatabaseSchema>,
  meetingId: number,
  status: MeetingStatus,
): Promise<void> {
  await db
    .updateTable('meetings')
    .set((eb) => ({ status, version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', meetingId)
    .execute();
}
