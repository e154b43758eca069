import { type Kysely, sql } from 'kysely';
import type { AgendaItem, Meeting } from '../core/meeting.ts';
import { type MeetingStatus, toMeetingStatus } from '../core/meeting-lifecycle.ts';
import { publiclyListedStatuses, type ReadScope } from '../core/policies/read-model.ts';
import { type ForumVisibility, toForumVisibility } from '../core/policies/targets.ts';
import type { DatabaseSchema } from './database-schema.ts';
import { scopeCondition } from './read-scope-sql.ts';

type Executor = Kysely<DatabaseSchema>;

/** A meeting in a list: enough to show and to fetch the whole document. */
export interface MeetingSummary {
  id: number;
  forum: string;
  kind: Meeting['kind'];
  date: string;
  start: string | null;
  location: string | null;
  status: MeetingStatus;
  itemCount: number;
}

/**
 * Lists meetings, newest first, optionally for one forum; with a scope, only the meetings the
 * read model lets its actor see.
 */
export async function listMeetingSummaries(
  db: Executor,
  options: { forum?: string; limit?: number; offset?: number; scope?: ReadScope } = {},
): Promise<MeetingSummary[]> {
  let query = db
    .selectFrom('meetings')
    .innerJoin('forums', 'forums.id', 'meetings.forum_id')
    .select((eb) => [
      'meetings.id as id',
      'forums.name as forum',
      'meetings.kind as kind',
      'meetings.date as date',
      'meetings.start as start',
      'meetings.location as location',
      'meetings.status as status',
      eb
        .selectFrom('agenda_items')
        .select(eb.fn.countAll<number>().as('count'))
        .whereRef('agenda_items.meeting_id', '=', 'meetings.id')
        .as('itemCount'),
    ])
    .orderBy('meetings.date', 'desc')
    .orderBy('forums.name');
  if (options.forum) query = query.where('forums.name', '=', options.forum);
  const visible = options.scope
    ? scopeCondition(
        options.scope,
        { forumId: sql`meetings.forum_id`, status: sql`meetings.status` },
        publiclyListedStatuses,
      )
    : null;
  if (visible) query = query.where(visible.$castTo<boolean>());
  const rows = await query
    .limit(options.limit ?? 1000)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((row) => ({
    ...row,
    status: toMeetingStatus(row.status),
    itemCount: Number(row.itemCount ?? 0),
  }));
}

/** All meeting ids in export order: forum name, then date. */
export async function listMeetingIdsInOrder(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('meetings')
    .innerJoin('forums', 'forums.id', 'meetings.forum_id')
    .select('meetings.id')
    .orderBy('forums.name')
    .orderBy('meetings.date')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Loads whole Meeting documents (the interchange format) for the given ids, in the same order.
 * Closed items are included: callers decide visibility (see core/visibility.ts).
 */
export async function loadMeetingDocuments(
  db: Executor,
  meetingIds: readonly number[],
): Promise<Meeting[]> {
  if (meetingIds.length === 0) return [];
  const ids = [...meetingIds];
  const meetings = await db
    .selectFrom('meetings')
    .innerJoin('forums', 'forums.id', 'meetings.forum_id')
    .select([
      'meetings.id',
      'forums.name as forum',
      'meetings.kind',
      'meetings.date',
      'meetings.start',
      'meetings.location',
    ])
    .where('meetings.id', 'in', ids)
    .execute();
  const { rows, children } = await loadItemRows(db, ids);
  const itemsByMeeting = new Map<number, AgendaItem[]>();
  for (const row of rows) {
    const list = itemsByMeeting.get(row.meeting_id) ?? [];
    list.push(agendaItemOf(row, children));
    itemsByMeeting.set(row.meeting_id, list);
  }
  const byId = new Map<number, Meeting>(
    meetings.map((row) => [
      row.id,
      {
        forum: row.forum,
        kind: row.kind,
        date: row.date,
        start: row.start,
        location: row.location,
        items: itemsByMeeting.get(row.id) ?? [],
      },
    ]),
  );
  return ids
    .map((id) => byId.get(id))
    .filter((meeting): meeting is Meeting => meeting !== undefined);
}

/**
 * The items of meetings (with their journal numbers), by meeting and position, and their
 * points, attachments and absences: what both the documents and the editor are made from.
 */
export async function loadItemRows(db: Executor, meetingIds: readonly number[]) {
  const rows = await db
    .selectFrom('agenda_items')
    .leftJoin('cases', 'cases.id', 'agenda_items.case_id')
    .selectAll('agenda_items')
    .select('cases.case_number')
    .where('agenda_items.meeting_id', 'in', [...meetingIds])
    .orderBy('agenda_items.meeting_id')
    .orderBy('agenda_items.position')
    .execute();
  return {
    rows,
    children: await loadItemChildren(
      db,
      rows.map((row) => row.id),
    ),
  };
}

type ItemRows = Awaited<ReturnType<typeof loadItemRows>>;

/** One stored item as the interchange format's AgendaItem. */
export function agendaItemOf(
  row: ItemRows['rows'][number],
  children: ItemRows['children'],
): AgendaItem {
  return {
    number: row.number,
    title: row.title,
    caseNumber: row.case_number ?? null,
    closed: row.closed === 1,
    durationMinutes: row.duration_minutes,
    background: row.background,
    presentation: row.presentation,
    recommendation:
      row.proposer === null
        ? null
        : { proposer: row.proposer, points: children.points.get(row.id) ?? [] },
    decision: row.decision,
    attachments: children.attachments.get(row.id) ?? [],
    absent: children.absences.get(row.id) ?? [],
  };
}

/** The points, attachments and absences of items, by item id, in order. */
async function loadItemChildren(db: Executor, itemIds: number[]) {
  const points = new Map<number, string[]>();
  const attachments = new Map<number, AgendaItem['attachments']>();
  const absences = new Map<number, AgendaItem['absent']>();
  for (let start = 0; start < itemIds.length; start += 500) {
    const chunk = itemIds.slice(start, start + 500);
    const pointRows = await db
      .selectFrom('recommendation_points')
      .selectAll()
      .where('item_id', 'in', chunk)
      .orderBy('item_id')
      .orderBy('position')
      .execute();
    for (const row of pointRows)
      points.set(row.item_id, [...(points.get(row.item_id) ?? []), row.text]);
    const attachmentRows = await db
      .selectFrom('attachments')
      .selectAll()
      .where('item_id', 'in', chunk)
      .orderBy('item_id')
      .orderBy('position')
      .execute();
    for (const row of attachmentRows) {
      const attachment = row.file_reference
        ? { title: row.title, file: row.file_reference }
        : { title: row.title };
      attachments.set(row.item_id, [...(attachments.get(row.item_id) ?? []), attachment]);
    }
    const absenceRows = await db
      .selectFrom('absences')
      .innerJoin('people', 'people.id', 'absences.person_id')
      .select(['absences.item_id', 'people.name', 'absences.role'])
      .where('absences.item_id', 'in', chunk)
      .orderBy('absences.item_id')
      .orderBy('absences.position')
      .execute();
    for (const row of absenceRows)
      absences.set(row.item_id, [
        ...(absences.get(row.item_id) ?? []),
        { name: row.name, role: row.role },
      ]);
  }
  return { points, attachments, absences };
}

/** One item of a case's timeline. */
export interface CaseTimelineEntry {
  forum: string;
  date: string;
  meetingId: number;
  itemId: number;
  number: number;
  title: string;
  caseNumber: string;
  closed: boolean;
  decision: string | null;
  forumId: number;
  visibility: ForumVisibility;
  /** The forum's public versions leave out e-mail addresses and phone numbers. */
  hidesContactDetails: boolean;
  status: MeetingStatus;
}

/** Every item with a journal number, across meetings, in date order. */
export async function findCaseTimeline(
  db: Executor,
  caseNumber: string,
): Promise<CaseTimelineEntry[]> {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('agenda_items', 'agenda_items.case_id', 'cases.id')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .innerJoin('forums', 'forums.id', 'meetings.forum_id')
    .select([
      'forums.name as forum',
      'meetings.date',
      'meetings.id as meetingId',
      'agenda_items.id as itemId',
      'agenda_items.number',
      'agenda_items.title',
      'cases.case_number as caseNumber',
      'agenda_items.closed',
      'agenda_items.decision',
      'meetings.forum_id as forumId',
      'meetings.status',
      'forums.visibility',
      'forums.hides_contact_details',
    ])
    .where('cases.case_number', '=', caseNumber.trim())
    .orderBy('meetings.date')
    .orderBy('agenda_items.position')
    .execute();
  return rows.map((row) => ({
    ...row,
    closed: row.closed === 1,
    status: row.status as MeetingStatus,
    visibility: toForumVisibility(row.visibility),
    hidesContactDetails: Number(row.hides_contact_details) === 1,
  }));
}
