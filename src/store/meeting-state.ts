import { CompiledQuery, type Kysely } from 'kysely';
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

/** What a meeting's document depends on beyond its id: every write bumps the version. */
export interface MeetingStamp {
  status: MeetingStatus;
  version: number;
}

/** The version query's SQL text, per Kysely instance (its dialect decides the placeholders). */
const stampQueries = new WeakMap<Kysely<DatabaseSchema>, string>();

/**
 * A meeting's version and status, or null when it does not exist: the check that every read of
 * a cached meeting view makes, so it must cost next to nothing. The query is built once per
 * database and then run with the id alone: building it anew each time (as findMeetingState
 * does) triples the cost of the lookup (about 19 µs against 6 µs on SQLite).
 */
export async function findMeetingStamp(
  db: Kysely<DatabaseSchema>,
  meetingId: number,
): Promise<MeetingStamp | null> {
  let text = stampQueries.get(db);
  if (text === undefined) {
    text = db
      .selectFrom('meetings')
      .select(['status', 'version'])
      .where('id', '=', meetingId)
      .compile().sql;
    stampQueries.set(db, text);
  }
  const { rows } = await db.executeQuery<{ status: string; version: number | string }>(
    CompiledQuery.raw(text, [meetingId]),
  );
  const row = rows[0];
  if (!row) return null;
  return { status: row.status as MeetingStatus, version: Number(row.version) };
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
