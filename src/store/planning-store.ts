import type { Kysely } from 'kysely';
import type { MeetingStatus } from '../core/meeting-lifecycle.ts';
import { toMeetingStatus } from '../core/meeting-lifecycle.ts';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** Where a planned item comes from. */
export type PlannedItemSource = 'return' | 'annual' | 'manual';

/** What a planned item holds, as it is written. */
export interface PlannedItemFields {
  meetingId: number | null;
  title: string;
  caseNumber: string | null;
  purpose: string | null;
  durationMinutes: number | null;
  note: string | null;
  /** It goes on the agenda as a closed item (lukket punkt). */
  closed: boolean;
}

/** A new planned item: its fields and where it comes from. */
export interface NewPlannedItem extends PlannedItemFields {
  forumId: number;
  source: PlannedItemSource;
  sourceItemId?: number | null;
  recurringItemId?: number | null;
  cyclePeriod?: string | null;
  dueFrom?: string | null;
  dueTo?: string | null;
}

/** A meeting as a planned item names it: enough for the reader's access and the page. */
export interface PlanMeetingRef {
  id: number;
  date: string;
  status: MeetingStatus;
}

/** A planned item as stored, with its meeting and the item a return comes back from. */
export interface StoredPlannedItem extends Required<NewPlannedItem> {
  id: number;
  takenItemId: number | null;
  createdAt: string;
  updatedAt: string;
  meeting: PlanMeetingRef | null;
  sourceItem: { id: number; number: number; meeting: PlanMeetingRef } | null;
}

/** Inserts a planned item; returns its id. */
export async function insertPlannedItem(db: Executor, item: NewPlannedItem): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('planned_items')
    .values({
      forum_id: item.forumId,
      meeting_id: item.meetingId,
      title: item.title,
      case_number: item.caseNumber,
      purpose: item.purpose,
      duration_minutes: item.durationMinutes,
      note: item.note,
      closed: item.closed ? 1 : 0,
      source: item.source,
      source_item_id: item.sourceItemId ?? null,
      recurring_item_id: item.recurringItemId ?? null,
      cycle_period: item.cyclePeriod ?? null,
      due_from: item.dueFrom ?? null,
      due_to: item.dueTo ?? null,
      taken_item_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Writes the given fields of a planned item. */
export async function updatePlannedItem(
  db: Executor,
  id: number,
  fields: Partial<PlannedItemFields>,
): Promise<void> {
  await db
    .updateTable('planned_items')
    .set({
      ...(fields.meetingId !== undefined ? { meeting_id: fields.meetingId } : {}),
      ...(fields.title !== undefined ? { title: fields.title } : {}),
      ...(fields.caseNumber !== undefined ? { case_number: fields.caseNumber } : {}),
      ...(fields.purpose !== undefined ? { purpose: fields.purpose } : {}),
      ...(fields.durationMinutes !== undefined ? { duration_minutes: fields.durationMinutes } : {}),
      ...(fields.note !== undefined ? { note: fields.note } : {}),
      ...(fields.closed !== undefined ? { closed: fields.closed ? 1 : 0 } : {}),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Marks a planned item as taken into a meeting's agenda as `itemId`, only if nobody took it
 * meanwhile (checked in the same statement); false when someone did.
 */
export async function markPlannedItemTaken(
  db: Executor,
  id: number,
  meetingId: number,
  itemId: number,
): Promise<boolean> {
  const result = await db
    .updateTable('planned_items')
    .set({ taken_item_id: itemId, meeting_id: meetingId, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('taken_item_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a planned item. */
export async function deletePlannedItem(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('planned_items').where('id', '=', id).execute();
}

/** One planned item, or null. */
export async function findPlannedItem(db: Executor, id: number): Promise<StoredPlannedItem | null> {
  const [item] = await selectPlannedItems(db, (query) => query.where('planned.id', '=', id));
  return item ?? null;
}

/** A forum's planned items, those waiting first, each by its meeting's date and title. */
export function listPlannedItemsOfForum(
  db: Executor,
  forumId: number,
): Promise<StoredPlannedItem[]> {
  return selectPlannedItems(db, (query) => query.where('planned.forum_id', '=', forumId));
}

/** A forum's items still waiting: planned for this meeting, or for no meeting yet. */
export function listWaitingItemsFor(
  db: Executor,
  forumId: number,
  meetingId: number,
): Promise<StoredPlannedItem[]> {
  return selectPlannedItems(db, (query) =>
    query
      .where('planned.forum_id', '=', forumId)
      .where('planned.taken_item_id', 'is', null)
      .where((eb) =>
        eb.or([eb('planned.meeting_id', '=', meetingId), eb('planned.meeting_id', 'is', null)]),
      ),
  );
}

/** The return already planned from this item and not yet taken in, or null. */
export async function findWaitingReturn(
  db: Executor,
  sourceItemId: number,
): Promise<StoredPlannedItem | null> {
  const [item] = await selectPlannedItems(db, (query) =>
    query
      .where('planned.source', '=', 'return')
      .where('planned.source_item_id', '=', sourceItemId)
      .where('planned.taken_item_id', 'is', null),
  );
  return item ?? null;
}

/** The planned items a forum's annual cycle made for a year's periods ("2027:…"). */
export function listCycleItemsOfYear(
  db: Executor,
  forumId: number,
  year: number,
): Promise<StoredPlannedItem[]> {
  return selectPlannedItems(db, (query) =>
    query
      .where('planned.forum_id', '=', forumId)
      .where('planned.recurring_item_id', 'is not', null)
      .where('planned.cycle_period', 'like', `${year}:%`),
  );
}

type PlannedQuery = ReturnType<typeof plannedItemsQuery>;

function plannedItemsQuery(db: Executor) {
  return db
    .selectFrom('planned_items as planned')
    .leftJoin('meetings as meeting', 'meeting.id', 'planned.meeting_id')
    .leftJoin('agenda_items as source', 'source.id', 'planned.source_item_id')
    .leftJoin('meetings as source_meeting', 'source_meeting.id', 'source.meeting_id')
    .selectAll('planned')
    .select([
      'meeting.date as meeting_date',
      'meeting.status as meeting_status',
      'source.number as source_number',
      'source_meeting.id as source_meeting_id',
      'source_meeting.date as source_meeting_date',
      'source_meeting.status as source_meeting_status',
    ]);
}

async function selectPlannedItems(
  db: Executor,
  narrow: (query: PlannedQuery) => PlannedQuery,
): Promise<StoredPlannedItem[]> {
  const rows = await narrow(plannedItemsQuery(db))
    .orderBy((eb) => eb.case().when('planned.taken_item_id', 'is', null).then(0).else(1).end())
    .orderBy('meeting.date')
    .orderBy('planned.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    forumId: row.forum_id,
    meetingId: row.meeting_id,
    title: row.title,
    caseNumber: row.case_number,
    purpose: row.purpose,
    durationMinutes: row.duration_minutes,
    note: row.note,
    closed: Number(row.closed) === 1,
    source: toSource(row.source),
    sourceItemId: row.source_item_id,
    recurringItemId: row.recurring_item_id,
    cyclePeriod: row.cycle_period,
    dueFrom: row.due_from,
    dueTo: row.due_to,
    takenItemId: row.taken_item_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    meeting:
      row.meeting_id !== null && row.meeting_date && row.meeting_status
        ? {
            id: row.meeting_id,
            date: row.meeting_date,
            status: toMeetingStatus(row.meeting_status),
          }
        : null,
    sourceItem:
      row.source_item_id !== null &&
      row.source_number !== null &&
      row.source_meeting_id !== null &&
      row.source_meeting_date &&
      row.source_meeting_status
        ? {
            id: row.source_item_id,
            number: row.source_number,
            meeting: {
              id: row.source_meeting_id,
              date: row.source_meeting_date,
              status: toMeetingStatus(row.source_meeting_status),
            },
          }
        : null,
  }));
}

function toSource(value: string): PlannedItemSource {
  return value === 'return' || value === 'annual' ? value : 'manual';
}
