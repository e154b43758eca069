import { type Kysely, sql } from 'kysely';
import { type MeetingAnnotations, noAnnotations } from '../core/item-annotations.ts';
import type { Meeting } from '../core/meeting.ts';
import { type MeetingStatus, toMeetingStatus } from '../core/meeting-lifecycle.ts';
import { publiclyListedStatuses, type ReadScope } from '../core/policies/read-model.ts';
import { toForumVisibility } from '../core/policies/targets.ts';
import type { StoredMeetingTarget } from './access-store.ts';
import type { DatabaseSchema } from './database-schema.ts';
import { scopeCondition } from './read-scope-sql.ts';

type Executor = Kysely<DatabaseSchema>;

/** A published version for a feed, with the meeting as the read model needs to judge it. */
export interface FeedPublication {
  meeting: StoredMeetingTarget;
  number: number;
  kind: 'agenda' | 'minutes';
  publishedAt: string;
  document: Meeting;
  reason: string | null;
  annotations: MeetingAnnotations;
}

/**
 * The newest published versions (agendas and minutes, every version) of the meetings a scope
 * lets its reader list, newest first; optionally of one forum. Versions by `excludedAuthor`
 * (the imported documents of archive meetings, which were never published here) are left out.
 */
export async function listFeedPublications(
  db: Executor,
  options: { scope: ReadScope; forumId?: number; limit: number; excludedAuthor: string },
): Promise<FeedPublication[]> {
  let query = db
    .selectFrom('publications')
    .innerJoin('meetings', 'meetings.id', 'publications.meeting_id')
    .innerJoin('forums', 'forums.id', 'meetings.forum_id')
    .select([
      'publications.id',
      'publications.number',
      'publications.kind',
      'publications.created_at',
      'publications.document',
      'publications.reason',
      'publications.annotations',
      'meetings.id as meeting_id',
      'meetings.forum_id',
      'meetings.status',
      'meetings.version',
      'meetings.archived',
      'forums.visibility',
      'forums.hides_contact_details',
    ])
    .where((eb) =>
      eb.or([
        eb('publications.author', 'is', null),
        eb('publications.author', '<>', options.excludedAuthor),
      ]),
    );
  if (options.forumId !== undefined) query = query.where('meetings.forum_id', '=', options.forumId);
  const visible = scopeCondition(
    options.scope,
    { forumId: sql`meetings.forum_id`, status: sql`meetings.status` },
    publiclyListedStatuses,
  );
  if (visible) query = query.where(visible.$castTo<boolean>());
  const rows = await query
    .orderBy('publications.created_at', 'desc')
    .orderBy('publications.id', 'desc')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({
    meeting: {
      meetingId: row.meeting_id,
      forumId: row.forum_id,
      status: toMeetingStatus(row.status),
      version: row.version,
      visibility: toForumVisibility(row.visibility),
      hidesContactDetails: Number(row.hides_contact_details) === 1,
      archived: Number(row.archived) === 1,
    },
    number: row.number,
    kind: row.kind,
    publishedAt: row.created_at,
    document: JSON.parse(row.document) as Meeting,
    reason: row.reason,
    annotations: row.annotations
      ? (JSON.parse(row.annotations) as MeetingAnnotations)
      : noAnnotations,
  }));
}

/** A meeting for a calendar: when and where, and its state. */
export interface CalendarMeeting {
  meetingId: number;
  status: MeetingStatus;
  archived: boolean;
  date: string;
  start: string | null;
  location: string | null;
}

/**
 * A forum's meetings on or after a date in the given states, by date. The caller judges each
 * with the read model.
 */
export async function listCalendarMeetings(
  db: Executor,
  options: { forumId: number; fromDate: string; statuses: readonly MeetingStatus[] },
): Promise<CalendarMeeting[]> {
  if (options.statuses.length === 0) return [];
  const rows = await db
    .selectFrom('meetings')
    .select(['id', 'status', 'archived', 'date', 'start', 'location'])
    .where('forum_id', '=', options.forumId)
    .where('date', '>=', options.fromDate)
    .where('status', 'in', [...options.statuses])
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    meetingId: row.id,
    status: toMeetingStatus(row.status),
    archived: Number(row.archived) === 1,
    date: row.date,
    start: row.start,
    location: row.location,
  }));
}

/** An item's number, closedness and planned minutes: what a meeting's time plan is made of. */
export interface ItemTime {
  meetingId: number;
  number: number;
  closed: boolean;
  durationMinutes: number | null;
}

/** The items' times of meetings, by meeting and number. */
export async function listItemTimes(
  db: Executor,
  meetingIds: readonly number[],
): Promise<ItemTime[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom('agenda_items')
    .select(['meeting_id', 'number', 'closed', 'duration_minutes'])
    .where('meeting_id', 'in', [...new Set(meetingIds)])
    .orderBy('meeting_id')
    .orderBy('number')
    .execute();
  return rows.map((row) => ({
    meetingId: row.meeting_id,
    number: row.number,
    closed: Number(row.closed) === 1,
    durationMinutes: row.duration_minutes,
  }));
}

/** A meeting revision that may have moved it. */
export interface PlaceAndTimeRevision {
  meetingId: number;
  /** JSON text: `{ before, … }`. */
  data: string;
}

/**
 * The meetings' own revisions that may have changed their date, time or place, oldest first:
 * `update` (the details form) and `import` (a re-import of the same meeting), each keeping
 * the meeting as it was before.
 */
export async function listPlaceAndTimeRevisions(
  db: Executor,
  meetingIds: readonly number[],
): Promise<PlaceAndTimeRevision[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom('revisions')
    .select(['entity_id', 'data'])
    .where('entity_type', '=', 'meeting')
    .where('entity_id', 'in', [...new Set(meetingIds)])
    .where('action', 'in', ['update', 'import'])
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ meetingId: row.entity_id, data: row.data }));
}
