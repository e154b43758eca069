import { type Kysely, sql } from 'kysely';
import type { ReadScope } from '../core/policies/read-model.ts';
import { type ForumVisibility, toForumVisibility } from '../core/policies/targets.ts';
import type { DatabaseSchema } from './database-schema.ts';
import { forumStamps, meetingScope, pageOrganizations, type Stamped } from './oparl-store.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * What the OParl objects are made of, read for a page of keys that oparl-store.ts has listed
 * within the reader's scope: meetings' own facts, Bilag, cases and the items that show them,
 * forums and their members. Readers of people read names and roles only.
 */

/** A meeting's own facts, for the OParl objects made from it. */
export interface OparlMeetingRecord {
  id: number;
  forumId: number;
  forum: string;
  abbreviation: string | null;
  visibility: ForumVisibility;
  /** The forum's public versions leave out e-mail addresses and phone numbers. */
  hidesContactDetails: boolean;
  kind: 'agenda' | 'minutes';
  date: string;
  start: string | null;
  location: string | null;
  status: string;
  archived: boolean;
  created: string;
  modified: string;
}

/** Meetings' own facts by id (visibility is the caller's to check). */
export async function loadMeetingRecords(
  db: Executor,
  meetingIds: readonly number[],
): Promise<OparlMeetingRecord[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom('meetings')
    .innerJoin('forums', 'forums.id', 'meetings.forum_id')
    .select([
      'meetings.id',
      'meetings.forum_id',
      'forums.name as forum',
      'forums.abbreviation',
      'forums.visibility',
      'forums.hides_contact_details',
      'meetings.kind',
      'meetings.date',
      'meetings.start',
      'meetings.location',
      'meetings.status',
      'meetings.archived',
      'meetings.created_at',
      'meetings.updated_at',
    ])
    .where('meetings.id', 'in', [...new Set(meetingIds)])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    forumId: row.forum_id,
    forum: row.forum,
    abbreviation: row.abbreviation,
    visibility: toForumVisibility(row.visibility),
    hidesContactDetails: Number(row.hides_contact_details) === 1,
    kind: row.kind,
    date: row.date,
    start: row.start,
    location: row.location,
    status: row.status,
    archived: Number(row.archived) === 1,
    created: row.created_at,
    modified: row.updated_at,
  }));
}

/** A Bilag with its stored file (only Bilag whose bytes are here have one). */
export interface OparlAttachmentRecord {
  id: number;
  itemId: number;
  title: string;
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  /** False for a Bilag marked not public. */
  isPublic: boolean;
}

/** The Bilag of items, by item, in order; `fileName` etc. are null when no file is stored. */
export async function loadAttachmentRecords(
  db: Executor,
  itemIds: readonly number[],
): Promise<Map<number, OparlAttachmentRecord[]>> {
  const byItem = new Map<number, OparlAttachmentRecord[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .selectFrom('attachments')
    .leftJoin('files', 'files.id', 'attachments.file_id')
    .select([
      'attachments.id',
      'attachments.item_id',
      'attachments.title',
      'attachments.file_id',
      'attachments.file_name',
      'attachments.is_public',
      'files.name as stored_name',
      'files.media_type',
      'files.size',
    ])
    .where('attachments.item_id', 'in', [...itemIds])
    .orderBy('attachments.item_id')
    .orderBy('attachments.position')
    .execute();
  for (const row of rows) {
    const isStored = row.file_id !== null;
    const record: OparlAttachmentRecord = {
      id: row.id,
      itemId: row.item_id,
      title: row.title,
      fileName: isStored ? (row.file_name ?? row.stored_name ?? null) : null,
      mediaType: isStored ? (row.media_type ?? null) : null,
      size: isStored && row.size !== null ? Number(row.size) : null,
      isPublic: row.is_public !== 0,
    };
    byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), record]);
  }
  return byItem;
}

/** A case (journal number) as stored. */
export interface OparlCaseRecord {
  id: number;
  caseNumber: string;
  kleSubject: string | null;
  facet: string | null;
  sequence: number | null;
  year: number | null;
}

/** Cases by id. */
export async function loadCaseRecords(
  db: Executor,
  caseIds: readonly number[],
): Promise<OparlCaseRecord[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('id', 'in', [...new Set(caseIds)])
    .execute();
  return rows.map((row) => ({
    id: row.id,
    caseNumber: row.case_number,
    kleSubject: row.kle_subject,
    facet: row.facet,
    sequence: row.sequence,
    year: row.year,
  }));
}

/** An item that carries a case's journal number, with what the read model needs to judge it. */
export interface OparlCaseItemRecord extends Stamped {
  itemId: number;
  caseId: number;
  meetingId: number;
  forumId: number;
  visibility: ForumVisibility;
  /** The forum's public versions leave out e-mail addresses and phone numbers. */
  hidesContactDetails: boolean;
  status: string;
  date: string;
  closed: boolean;
  title: string;
  purpose: string | null;
  decision: string | null;
}

/** The items of cases that the scope shows in full, in date order. */
export async function loadCaseItems(
  db: Executor,
  scope: ReadScope,
  caseIds: readonly number[],
): Promise<OparlCaseItemRecord[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .innerJoin('forums', 'forums.id', 'meetings.forum_id')
    .select([
      'agenda_items.id',
      'agenda_items.case_id',
      'agenda_items.meeting_id',
      'meetings.forum_id',
      'forums.visibility',
      'forums.hides_contact_details',
      'meetings.status',
      'meetings.date',
      'agenda_items.closed',
      'agenda_items.title',
      'agenda_items.purpose',
      'agenda_items.decision',
      'meetings.created_at',
      'meetings.updated_at',
    ])
    .where('agenda_items.case_id', 'in', [...new Set(caseIds)])
    .where(meetingScope(scope, false))
    .orderBy('meetings.date')
    .orderBy('agenda_items.meeting_id')
    .orderBy('agenda_items.position')
    .execute();
  return rows.map((row) => ({
    itemId: row.id,
    caseId: row.case_id ?? 0,
    meetingId: row.meeting_id,
    forumId: row.forum_id,
    visibility: toForumVisibility(row.visibility),
    hidesContactDetails: Number(row.hides_contact_details) === 1,
    status: row.status,
    date: row.date,
    closed: row.closed === 1,
    title: row.title,
    purpose: row.purpose,
    decision: row.decision,
    created: row.created_at,
    modified: row.updated_at,
  }));
}

/** A forum as an OParl organization is made of it, with its stamps. */
export interface OparlForumRecord extends Stamped {
  id: number;
  name: string;
  abbreviation: string | null;
}

/** Forums by id, with their stamps. */
export async function loadForumRecords(
  db: Executor,
  forumIds: readonly number[],
): Promise<OparlForumRecord[]> {
  if (forumIds.length === 0) return [];
  const page = await pageOrganizations(db, forumIds, {}, { window: {}, limit: 100_000, offset: 0 });
  const stamps = new Map(page.rows.map((row) => [row.id, row]));
  const rows = await db
    .selectFrom('forums')
    .select(['id', 'name', 'abbreviation'])
    .where('id', 'in', [...forumIds])
    .execute();
  return rows.flatMap((row) => {
    const stamp = stamps.get(row.id);
    return stamp ? [{ ...row, created: stamp.created, modified: stamp.modified }] : [];
  });
}

/**
 * The memberships of the given forums (optionally of given people only): name and role as
 * written beside the name, in the forum's order. Only these columns are read: nothing else a
 * person may have (an e-mail address) ever reaches OParl.
 */
export async function loadMemberships(
  db: Executor,
  forumIds: readonly number[],
  personIds?: readonly number[],
): Promise<
  Array<{ forumId: number; personId: number; name: string; role: string | null } & Stamped>
> {
  if (forumIds.length === 0 || personIds?.length === 0) return [];
  let query = db
    .selectFrom('forum_members')
    .innerJoin('people', 'people.id', 'forum_members.person_id')
    .innerJoin(forumStamps(db, forumIds).as('forum'), 'forum.id', 'forum_members.forum_id')
    .select([
      'forum_members.forum_id',
      'forum_members.person_id',
      'people.name',
      'forum_members.role',
      'forum.created',
      'forum.modified',
    ])
    .orderBy('forum_members.forum_id')
    .orderBy('forum_members.position');
  if (personIds) query = query.where('forum_members.person_id', 'in', [...new Set(personIds)]);
  const rows = await query.execute();
  return rows.map((row) => ({
    forumId: row.forum_id,
    personId: row.person_id,
    name: row.name,
    role: row.role,
    created: row.created,
    modified: row.modified,
  }));
}

/** The ids of the meetings a scope lists at each of some places, in id order. */
export async function listMeetingIdsAt(
  db: Executor,
  scope: ReadScope,
  locations: readonly string[],
): Promise<Map<string, number[]>> {
  const byLocation = new Map<string, number[]>();
  if (locations.length === 0) return byLocation;
  const name = sql<string>`trim(meetings.location)`;
  const rows = await db
    .selectFrom('meetings')
    .select(['meetings.id', name.as('name')])
    .where(sql<boolean>`${name} in (${sql.join([...locations])})`)
    .where(meetingScope(scope, true))
    .orderBy('meetings.id')
    .execute();
  for (const row of rows) byLocation.set(row.name, [...(byLocation.get(row.name) ?? []), row.id]);
  return byLocation;
}

/**
 * The stamps of the whole archive as a reader sees it: the first forum's creation, and the
 * last change to a forum or a listed meeting. Null stamps when there is nothing to see.
 */
export async function loadArchiveStamps(
  db: Executor,
  scope: ReadScope,
  forumIds: readonly number[],
): Promise<{ created: string | null; modified: string | null }> {
  const forums = await pageOrganizations(
    db,
    forumIds,
    {},
    { window: {}, limit: 100_000, offset: 0 },
  );
  const meetings = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.max('meetings.updated_at').as('modified'))
    .where(meetingScope(scope, true))
    .executeTakeFirst();
  const created = forums.rows.map((row) => row.created).sort()[0] ?? null;
  const modified =
    [...forums.rows.map((row) => row.modified), meetings?.modified ?? '']
      .filter((stamp) => stamp !== '')
      .sort()
      .at(-1) ?? null;
  return { created, modified };
}
