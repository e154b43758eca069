import type { Kysely } from 'kysely';
import { type MeetingStatus, toMeetingStatus } from '../core/meeting-lifecycle.ts';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** A meeting as the year's plan shows it. */
export interface PlanMeeting {
  id: number;
  date: string;
  start: string | null;
  location: string | null;
  status: MeetingStatus;
  version: number;
  archived: boolean;
}

/** A forum's meetings from one date to another (both included), by date. */
export async function listForumMeetingsBetween(
  db: Executor,
  forumId: number,
  from: string,
  to: string,
): Promise<PlanMeeting[]> {
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'date', 'start', 'location', 'status', 'version', 'archived'])
    .where('forum_id', '=', forumId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .execute();
  return rows.map((row) => ({
    ...row,
    status: toMeetingStatus(row.status),
    archived: Number(row.archived) === 1,
  }));
}

/** The dates among these on which the forum already meets. */
export async function findTakenDates(
  db: Executor,
  forumId: number,
  dates: readonly string[],
): Promise<Map<string, number>> {
  if (dates.length === 0) return new Map();
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'date'])
    .where('forum_id', '=', forumId)
    .where('date', 'in', [...dates])
    .execute();
  return new Map(rows.map((row) => [row.date, row.id]));
}

/** How many planned items wait for each of a forum's meetings, by meeting id. */
export async function countWaitingItemsByMeeting(
  db: Executor,
  forumId: number,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('planned_items')
    .select(['meeting_id', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('forum_id', '=', forumId)
    .where('meeting_id', 'is not', null)
    .where('taken_item_id', 'is', null)
    .groupBy('meeting_id')
    .execute();
  return new Map(rows.map((row) => [row.meeting_id ?? 0, Number(row.count)]));
}

/** The item a return comes back from: its title and case, and its meeting's forum and date. */
export interface ReturnSource {
  itemId: number;
  number: number;
  title: string;
  caseNumber: string | null;
  closed: boolean;
  meetingId: number;
  meetingDate: string;
  forumId: number;
}

/** The item a return is found in, or null. */
export async function findReturnSource(db: Executor, itemId: number): Promise<ReturnSource | null> {
  const row = await db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .leftJoin('cases', 'cases.id', 'agenda_items.case_id')
    .select([
      'agenda_items.id',
      'agenda_items.number',
      'agenda_items.title',
      'agenda_items.closed',
      'cases.case_number',
      'meetings.id as meeting_id',
      'meetings.date',
      'meetings.forum_id',
    ])
    .where('agenda_items.id', '=', itemId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    itemId: row.id,
    number: row.number,
    title: row.title,
    caseNumber: row.case_number ?? null,
    closed: Number(row.closed) === 1,
    meetingId: row.meeting_id,
    meetingDate: row.date,
    forumId: row.forum_id,
  };
}

/**
 * The forum's meetings after a date whose agenda can still take items (a draft, or a sent
 * agenda not yet under way), by date: where planned items may go.
 */
export async function listOpenAgendasAfter(
  db: Executor,
  forumId: number,
  after: string,
): Promise<Array<{ id: number; date: string }>> {
  return db
    .selectFrom('meetings')
    .select(['id', 'date'])
    .where('forum_id', '=', forumId)
    .where('archived', '=', 0)
    .where('status', 'in', ['draft', 'agenda_published'])
    .where('date', '>', after)
    .orderBy('date')
    .execute();
}
