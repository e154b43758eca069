import type { Kysely } from 'kysely';
import { isLocked, type MeetingStatus } from '../core/meeting-lifecycle.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { findItemRef } from '../store/item-store.ts';
import { findMeetingRecord, type MeetingRecord } from '../store/meeting-store.ts';
import { notFound, ServiceError } from './service-error.ts';

type Executor = Kysely<DatabaseSchema>;

/** The answer to a write on approved minutes (a correction with a reason is the way). */
export const lockedMessage =
  'Referatet er godkendt og låst. Ret det med en rettelse og en begrundelse.';

/**
 * The meeting a write goes to, or 404; 423 when its minutes are approved, unless the write is
 * a correction (`allowLocked`).
 */
export async function meetingForWriting(
  db: Executor,
  meetingId: number,
  allowLocked = false,
): Promise<MeetingRecord & { isLocked: boolean }> {
  const meeting = await findMeetingRecord(db, meetingId);
  if (!meeting) throw notFound('Mødet');
  const locked = isLocked(meeting.status as MeetingStatus);
  if (locked && !allowLocked) throw new ServiceError(423, lockedMessage);
  return { ...meeting, isLocked: locked };
}

/** An item a write goes to, with its version and meeting; 404 and 423 as meetingForWriting. */
export async function itemForWriting(db: Executor, itemId: number, allowLocked = false) {
  const ref = await findItemRef(db, itemId);
  if (!ref) throw notFound('Punktet');
  return { ...ref, meeting: await meetingForWriting(db, ref.meetingId, allowLocked) };
}
