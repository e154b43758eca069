import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import type { MeetingStatus } from '../core/meeting-lifecycle.ts';
import { publiclyListedStatuses, type ReadScope } from '../core/policies/read-model.ts';
import type { DatabaseSchema } from './database-schema.ts';
import { scopeCondition } from './read-scope-sql.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * The queries behind the OParl 1.1 interface (services/oparl): each list is a page of keys with
 * the `created` and `modified` stamps OParl filters on, limited by the reader's scope, with the
 * filters, the order and the paging done in SQL on both engines. Stamps are ISO 8601 text in
 * UTC, as every table stores them, so comparing them as text compares the instants.
 */

/** The time filters of an OParl list, as ISO 8601 UTC text (`created_since` … `modified_until`). */
export interface OparlWindow {
  createdSince?: string;
  createdUntil?: string;
  modifiedSince?: string;
  modifiedUntil?: string;
}

/** Which page of a list to read. */
export interface OparlPageRequest {
  window: OparlWindow;
  limit: number;
  offset: number;
}

/** A row of a list: its key columns and its stamps. */
export interface Stamped {
  created: string;
  modified: string;
}

/** One page of a list and how many rows the whole (filtered) list has. */
export interface OparlRows<T extends Stamped> {
  rows: T[];
  total: number;
}

/**
 * Reads one page of a list query: `inner` selects the rows with `created` and `modified`; the
 * window filters them, `order` (columns of `entry`) sorts them stably, and the count is of
 * the filtered list.
 */
async function readPage<T extends Stamped>(
  db: Executor,
  inner: Expression<unknown>,
  order: readonly string[],
  request: OparlPageRequest,
): Promise<OparlRows<T>> {
  const where = windowCondition(request.window);
  const orderBy = sql.join(order.map((column) => sql.ref(`entry.${column}`)));
  const page =
    await sql<T>`select * from ${inner} as entry where ${where} order by ${orderBy} limit ${request.limit} offset ${request.offset}`.execute(
      db,
    );
  const count = await sql<{
    count: number | string;
  }>`select count(*) as count from ${inner} as entry where ${where}`.execute(db);
  return { rows: page.rows, total: Number(count.rows[0]?.count ?? 0) };
}

function windowCondition(window: OparlWindow): RawBuilder<unknown> {
  const created = sql.ref('entry.created');
  const modified = sql.ref('entry.modified');
  const parts: Array<RawBuilder<unknown>> = [];
  if (window.createdSince) parts.push(sql`${created} >= ${window.createdSince}`);
  if (window.createdUntil) parts.push(sql`${created} <= ${window.createdUntil}`);
  if (window.modifiedSince) parts.push(sql`${modified} >= ${window.modifiedSince}`);
  if (window.modifiedUntil) parts.push(sql`${modified} <= ${window.modifiedUntil}`);
  return parts.length === 0 ? sql`1 = 1` : sql.join(parts, sql` and `);
}

/**
 * The scope as a condition on `meetings`; with `includeClosedItems` false also on
 * `agenda_items.closed`, so that readers without rights get only open items.
 */
export function meetingScope(scope: ReadScope, includeClosedItems: boolean): RawBuilder<boolean> {
  const condition = scopeCondition(
    scope,
    {
      forumId: sql`meetings.forum_id`,
      status: sql`meetings.status`,
      ...(includeClosedItems ? {} : { closed: sql`agenda_items.closed` }),
    },
    publiclyListedStatuses,
  );
  return (condition ?? sql`1 = 1`).$castTo<boolean>();
}

/** The meetings a scope lists, optionally one of them, one forum's or one place's. */
export function pageMeetings(
  db: Executor,
  scope: ReadScope,
  filter: { meetingId?: number; forumId?: number; location?: string },
  request: OparlPageRequest,
): Promise<OparlRows<{ id: number } & Stamped>> {
  let query = db
    .selectFrom('meetings')
    .select([
      'meetings.id as id',
      'meetings.created_at as created',
      'meetings.updated_at as modified',
    ])
    .where(meetingScope(scope, true));
  if (filter.meetingId !== undefined) query = query.where('meetings.id', '=', filter.meetingId);
  if (filter.forumId !== undefined) query = query.where('meetings.forum_id', '=', filter.forumId);
  if (filter.location !== undefined)
    query = query.where(sql<boolean>`trim(meetings.location) = ${filter.location}`);
  return readPage(db, query, ['id'], request);
}

/**
 * The agenda items of the meetings a scope lists, closed ones included (they are shown as
 * "Lukket punkt"); stamped with their meeting's times, since what a reader sees of an item
 * changes with the meeting (its decisions appear when the minutes are published).
 */
export function pageAgendaItems(
  db: Executor,
  scope: ReadScope,
  filter: { itemId?: number },
  request: OparlPageRequest,
): Promise<OparlRows<{ id: number; meeting_id: number } & Stamped>> {
  let query = db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select([
      'agenda_items.id as id',
      'agenda_items.meeting_id as meeting_id',
      'meetings.created_at as created',
      'meetings.updated_at as modified',
    ])
    .where(meetingScope(scope, true));
  if (filter.itemId !== undefined) query = query.where('agenda_items.id', '=', filter.itemId);
  return readPage(db, query, ['id'], request);
}

/**
 * The items with a journal number the scope shows in full (a closed item must not even reveal
 * its journal number to readers without rights): OParl's consultations.
 */
export function pageConsultations(
  db: Executor,
  scope: ReadScope,
  filter: { itemId?: number },
  request: OparlPageRequest,
): Promise<OparlRows<{ id: number; meeting_id: number } & Stamped>> {
  let query = db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select([
      'agenda_items.id as id',
      'agenda_items.meeting_id as meeting_id',
      'meetings.created_at as created',
      'meetings.updated_at as modified',
    ])
    .where('agenda_items.case_id', 'is not', null)
    .where(meetingScope(scope, false));
  if (filter.itemId !== undefined) query = query.where('agenda_items.id', '=', filter.itemId);
  return readPage(db, query, ['id'], request);
}

/**
 * The cases (journal numbers) with at least one item the scope shows in full, stamped from
 * those items' meetings: first created, last modified.
 */
export function pagePapers(
  db: Executor,
  scope: ReadScope,
  filter: { caseId?: number },
  request: OparlPageRequest,
): Promise<OparlRows<{ id: number } & Stamped>> {
  let query = db
    .selectFrom('cases')
    .innerJoin('agenda_items', 'agenda_items.case_id', 'cases.id')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select((eb) => [
      'cases.id as id',
      eb.fn.min('meetings.created_at').as('created'),
      eb.fn.max('meetings.updated_at').as('modified'),
    ])
    .where(meetingScope(scope, false))
    .groupBy('cases.id');
  if (filter.caseId !== undefined) query = query.where('cases.id', '=', filter.caseId);
  return readPage(db, query, ['id'], request);
}

/** The kinds of OParl File: a meeting's agenda or minutes document, or a stored Bilag. */
export type OparlFileKind = 'agenda' | 'minutes' | 'attachment';

/**
 * The files a scope may fetch: every listed meeting's agenda, the minutes of those whose
 * minutes are out (`minutesStatuses`), and the stored Bilag of the items it shows in full.
 */
export function pageFiles(
  db: Executor,
  scope: ReadScope,
  minutesStatuses: readonly MeetingStatus[],
  filter: { kind?: OparlFileKind; ref?: number },
  request: OparlPageRequest,
): Promise<OparlRows<{ kind: OparlFileKind; ref: number; meeting_id: number } & Stamped>> {
  const meetingFiles = (kind: 'agenda' | 'minutes') => {
    let query = db
      .selectFrom('meetings')
      .select([
        sql<OparlFileKind>`${sql.lit(kind)}`.as('kind'),
        'meetings.id as ref',
        'meetings.id as meeting_id',
        'meetings.created_at as created',
        'meetings.updated_at as modified',
      ])
      .where(meetingScope(scope, true));
    if (kind === 'minutes')
      query = query.where(
        'meetings.status',
        'in',
        minutesStatuses.length > 0 ? [...minutesStatuses] : ['none'],
      );
    if (filter.ref !== undefined) query = query.where('meetings.id', '=', filter.ref);
    return query;
  };
  let attachments = db
    .selectFrom('attachments')
    .innerJoin('agenda_items', 'agenda_items.id', 'attachments.item_id')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select([
      sql<OparlFileKind>`${sql.lit('attachment')}`.as('kind'),
      'attachments.id as ref',
      'meetings.id as meeting_id',
      'meetings.created_at as created',
      'meetings.updated_at as modified',
    ])
    .where('attachments.file_id', 'is not', null)
    .where(meetingScope(scope, false));
  if (filter.ref !== undefined) attachments = attachments.where('attachments.id', '=', filter.ref);
  const parts = (['agenda', 'minutes', 'attachment'] as const).filter(
    (kind) => filter.kind === undefined || filter.kind === kind,
  );
  const [first, ...rest] = parts.map((kind) =>
    kind === 'attachment' ? attachments : meetingFiles(kind),
  );
  if (!first) return Promise.resolve({ rows: [], total: 0 });
  const union = rest.reduce((all, part) => all.unionAll(part), first);
  return readPage(db, union, ['meeting_id', 'kind', 'ref'], request);
}

/** The places (meetings' locations, trimmed) of the meetings a scope lists. */
export function pageLocations(
  db: Executor,
  scope: ReadScope,
  filter: { names?: readonly string[] },
  request: OparlPageRequest,
): Promise<OparlRows<{ name: string } & Stamped>> {
  const name = sql<string>`trim(meetings.location)`;
  let query = db
    .selectFrom('meetings')
    .select((eb) => [
      name.as('name'),
      eb.fn.min('meetings.created_at').as('created'),
      eb.fn.max('meetings.updated_at').as('modified'),
    ])
    .where('meetings.location', 'is not', null)
    .where(sql<boolean>`trim(meetings.location) <> ''`)
    .where(meetingScope(scope, true))
    .groupBy(name);
  if (filter.names !== undefined)
    query = query.where(
      filter.names.length > 0
        ? sql<boolean>`${name} in (${sql.join([...filter.names])})`
        : sql<boolean>`1 = 0`,
    );
  return readPage(db, query, ['name'], request);
}

/** Every place's name, for finding one by its key. */
export async function listLocationNames(db: Executor, scope: ReadScope): Promise<string[]> {
  const rows = await pageLocations(db, scope, {}, { window: {}, limit: 100_000, offset: 0 });
  return rows.rows.map((row) => row.name);
}

/**
 * Each forum's stamps: created, and modified as the last change recorded in its history (its
 * name, members, visibility: every save of a forum records one), or its creation.
 */
export function forumStamps(db: Executor, forumIds: readonly number[]) {
  const lastChange = db
    .selectFrom('revisions')
    .select((eb) => eb.fn.max('revisions.created_at').as('changed'))
    .where('revisions.entity_type', '=', 'forum')
    .where(sql<boolean>`revisions.entity_id = forums.id`);
  return db
    .selectFrom('forums')
    .select([
      'forums.id as id',
      'forums.created_at as created',
      // A comparison with no change (null) is not true, so the forum's creation is taken.
      sql<string>`case when ${lastChange} > forums.created_at then ${lastChange} else forums.created_at end`.as(
        'modified',
      ),
    ])
    .where('forums.id', 'in', forumIds.length > 0 ? [...forumIds] : [0]);
}

/** The forums given (those the reader may see), as OParl organizations. */
export function pageOrganizations(
  db: Executor,
  forumIds: readonly number[],
  filter: { forumId?: number },
  request: OparlPageRequest,
): Promise<OparlRows<{ id: number } & Stamped>> {
  let query = db
    .selectFrom(forumStamps(db, forumIds).as('forum'))
    .select(['forum.id as id', 'forum.created as created', 'forum.modified as modified']);
  if (filter.forumId !== undefined) query = query.where('forum.id', '=', filter.forumId);
  return readPage(db, query, ['id'], request);
}

/** The members of the given forums as OParl persons, stamped from their forums. */
export function pagePersons(
  db: Executor,
  forumIds: readonly number[],
  filter: { personId?: number },
  request: OparlPageRequest,
): Promise<OparlRows<{ id: number } & Stamped>> {
  let query = db
    .selectFrom('forum_members')
    .innerJoin(forumStamps(db, forumIds).as('forum'), 'forum.id', 'forum_members.forum_id')
    .select((eb) => [
      'forum_members.person_id as id',
      eb.fn.min('forum.created').as('created'),
      eb.fn.max('forum.modified').as('modified'),
    ])
    .groupBy('forum_members.person_id');
  if (filter.personId !== undefined)
    query = query.where('forum_members.person_id', '=', filter.personId);
  return readPage(db, query, ['id'], request);
}

/** The memberships in the given forums, stamped from their forum. */
export function pageMemberships(
  db: Executor,
  forumIds: readonly number[],
  filter: { forumId?: number; personId?: number },
  request: OparlPageRequest,
): Promise<OparlRows<{ forum_id: number; person_id: number } & Stamped>> {
  let query = db
    .selectFrom('forum_members')
    .innerJoin(forumStamps(db, forumIds).as('forum'), 'forum.id', 'forum_members.forum_id')
    .select([
      'forum_members.forum_id as forum_id',
      'forum_members.person_id as person_id',
      'forum.created as created',
      'forum.modified as modified',
    ]);
  if (filter.forumId !== undefined)
    query = query.where('forum_members.forum_id', '=', filter.forumId);
  if (filter.personId !== undefined)
    query = query.where('forum_members.person_id', '=', filter.personId);
  return readPage(db, query, ['forum_id', 'person_id'], request);
}
