import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from './database.ts';
import type { DatabaseSchema } from './database-schema.ts';

/** One of the archive's own tables (not the migration or search tables). */
export type ArchiveTable = keyof DatabaseSchema;

/** A row as stored: every column is an integer, text or null on both engines. */
export type TableRow = Record<string, string | number | null>;

/** A table's columns, and the key that orders its rows for paging. */
export interface TableShape {
  columns: readonly string[];
  key:
    | readonly ['id']
    | readonly ['meeting_id']
    | readonly ['item_id', 'position']
    | readonly ['user_id', 'forum_id']
    | readonly ['forum_id']
    | readonly ['file_id'];
  /** Rows per page when read; small for tables of large rows (file contents). */
  pageSize?: number;
}

/**
 * The archive's tables in an order that respects their foreign keys (a row's parents come
 * first), with their columns, so that rows copied table by table in this order insert cleanly.
 * The search index is not here: it is derived data, rebuilt from the items.
 */
export const archiveTables: ReadonlyArray<readonly [ArchiveTable, TableShape]> = [
  [
    'forums',
    {
      key: ['id'],
      columns: [
        'id',
        'name',
        'abbreviation',
        'created_at',
        'visibility',
        'purposes',
        'standing_items',
        'hides_contact_details',
      ],
    },
  ],
  ['people', { key: ['id'], columns: ['id', 'name'] }],
  [
    'meetings',
    {
      key: ['id'],
      columns: [
        'id',
        'forum_id',
        'kind',
        'date',
        'start',
        'location',
        'status',
        'version',
        'created_at',
        'updated_at',
        'archived',
        'source_metadata',
      ],
    },
  ],
  [
    'cases',
    { key: ['id'], columns: ['id', 'case_number', 'kle_subject', 'facet', 'sequence', 'year'] },
  ],
  [
    'agenda_items',
    {
      key: ['id'],
      columns: [
        'id',
        'meeting_id',
        'number',
        'position',
        'title',
        'case_id',
        'closed',
        'duration_minutes',
        'background',
        'presentation',
        'proposer',
        'decision',
        'version',
        'updated_at',
        'purpose',
        'communication',
        'source_metadata',
      ],
    },
  ],
  [
    'recommendation_points',
    { key: ['item_id', 'position'], columns: ['item_id', 'position', 'text'] },
  ],
  [
    'files',
    {
      key: ['id'],
      columns: ['id', 'sha256', 'name', 'media_type', 'size', 'storage_key', 'created_at'],
    },
  ],
  ['file_contents', { key: ['id'], columns: ['id', 'content_base64'], pageSize: 4 }],
  [
    'attachments',
    {
      key: ['id'],
      columns: [
        'id',
        'item_id',
        'position',
        'title',
        'file_id',
        'file_name',
        'file_reference',
        'is_public',
      ],
    },
  ],
  // The text read from Bilag: OCR takes seconds a page, so a restore keeps it.
  [
    'file_texts',
    {
      key: ['file_id'],
      columns: ['file_id', 'status', 'method', 'text', 'note', 'updated_at'],
      pageSize: 16,
    },
  ],
  [
    'absences',
    { key: ['item_id', 'position'], columns: ['item_id', 'position', 'person_id', 'role'] },
  ],
  [
    'item_guests',
    { key: ['item_id', 'position'], columns: ['item_id', 'position', 'name', 'role'] },
  ],
  [
    'revisions',
    {
      key: ['id'],
      columns: [
        'id',
        'entity_type',
        'entity_id',
        'action',
        'author',
        'reason',
        'data',
        'created_at',
      ],
    },
  ],
  [
    'forum_members',
    {
      key: ['id'],
      columns: [
        'id',
        'forum_id',
        'position',
        'person_id',
        'role',
        'email',
        'deputy_name',
        'deputy_email',
        'receives_agenda',
        'receives_minutes',
      ],
    },
  ],
  [
    'publications',
    {
      key: ['id'],
      columns: [
        'id',
        'meeting_id',
        'kind',
        'number',
        'document',
        'author',
        'created_at',
        'reason',
        'annotations',
      ],
    },
  ],
  // What the mail sent, and the invitations' UIDs and sequences: a restored archive must know
  // whom it invited, or a later change would reach calendars as a new, second meeting.
  [
    'mail_deliveries',
    {
      key: ['id'],
      columns: [
        'id',
        'event_id',
        'meeting_id',
        'kind',
        'publication_number',
        'recipient_name',
        'email',
        'role',
        'subject',
        'state',
        'error',
        'can_retry',
        'has_invitation',
        'attempted_at',
        'sent_at',
      ],
    },
  ],
  [
    'meeting_invitations',
    {
      key: ['meeting_id'],
      columns: [
        'meeting_id',
        'uid',
        'sequence',
        'date',
        'start',
        'location',
        'status',
        'updated_at',
      ],
    },
  ],
  // Follow-ups are the secretariat's work (confirmed, owned, noted): a restore keeps them.
  [
    'followups',
    {
      key: ['id'],
      columns: [
        'id',
        'meeting_id',
        'item_id',
        'forum_id',
        'kind',
        'state',
        'status',
        'owner_name',
        'owner_kind',
        'due_from',
        'due_to',
        'text',
        'title',
        'notes',
        'source_key',
        'created_at',
        'updated_at',
        'version',
        'reminded_before_at',
        'reminded_overdue_at',
      ],
    },
  ],
  // The plan ahead (annual cycle, punktbank, the årshjul setting) is the secretariat's work too.
  [
    'recurring_items',
    {
      key: ['id'],
      columns: [
        'id',
        'forum_id',
        'title',
        'purpose',
        'duration_minutes',
        'rule',
        'months',
        'created_at',
        'updated_at',
      ],
    },
  ],
  [
    'planned_items',
    {
      key: ['id'],
      columns: [
        'id',
        'forum_id',
        'meeting_id',
        'title',
        'case_number',
        'purpose',
        'duration_minutes',
        'note',
        'closed',
        'source',
        'source_item_id',
        'recurring_item_id',
        'cycle_period',
        'due_from',
        'due_to',
        'taken_item_id',
        'created_at',
        'updated_at',
      ],
    },
  ],
  ['planning_settings', { key: ['forum_id'], columns: ['forum_id', 'shows_annual_wheel'] }],
  // Accounts, their roles and the audit log travel with the archive; sessions and sign-in
  // states do not (a restore signs everyone out), nor the outbox (its work was done here).
  [
    'users',
    {
      key: ['id'],
      columns: [
        'id',
        'username',
        'display_name',
        'email',
        'password_hash',
        'is_administrator',
        'must_change_password',
        'is_disabled',
        'oidc_issuer',
        'oidc_subject',
        'created_at',
        'updated_at',
        'last_sign_in_at',
      ],
    },
  ],
  ['user_forum_roles', { key: ['user_id', 'forum_id'], columns: ['user_id', 'forum_id', 'role'] }],
  [
    'audit_log',
    {
      key: ['id'],
      columns: [
        'id',
        'created_at',
        'actor_user_id',
        'actor_name',
        'address',
        'action',
        'outcome',
        'target_type',
        'target_id',
        'detail',
      ],
    },
  ],
];

/** Table names are chosen at run time here, so the typed schema gives way to a loose one. */
type LooseDatabase = Record<string, TableRow>;

function loose(db: Kysely<DatabaseSchema>): Kysely<LooseDatabase> {
  return db as unknown as Kysely<LooseDatabase>;
}

/**
 * Reads a table page by page in key order, so that a large table (revisions hold whole
 * documents) never sits in memory at once. Run it inside a snapshot for a consistent copy.
 */
export async function* readTableRows(
  db: Kysely<DatabaseSchema>,
  table: ArchiveTable,
  pageSize = 500,
): AsyncGenerator<TableRow[]> {
  const shape = archiveTables.find(([name]) => name === table)?.[1];
  if (!shape) throw new Error(`ukendt tabel ${table}`);
  const rowsPerPage = shape.pageSize ?? pageSize;
  let last: TableRow | null = null;
  for (;;) {
    let query = loose(db)
      .selectFrom(table)
      .select([...shape.columns]);
    for (const column of shape.key) query = query.orderBy(column);
    if (last) query = query.where((eb) => afterKey(eb, shape, last as TableRow));
    const rows: TableRow[] = await query.limit(rowsPerPage).execute();
    if (rows.length === 0) return;
    yield rows;
    last = rows[rows.length - 1] ?? null;
    if (rows.length < rowsPerPage) return;
  }
}

/** Rows after the given one in key order; spelled out, as row-value comparison support varies. */
function afterKey(eb: ExpressionBuilder<LooseDatabase, string>, shape: TableShape, last: TableRow) {
  const [first, second] = shape.key;
  if (second === undefined) return eb(first, '>', last[first] ?? 0);
  return eb.or([
    eb(first, '>', last[first] ?? 0),
    eb.and([eb(first, '=', last[first] ?? 0), eb(second, '>', last[second] ?? 0)]),
  ]);
}

/** How many rows each archive table holds. */
export async function countTableRows(
  db: Kysely<DatabaseSchema>,
): Promise<Record<ArchiveTable, number>> {
  const counts = {} as Record<ArchiveTable, number>;
  for (const [table] of archiveTables) {
    const row = await loose(db)
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirst();
    counts[table] = Number(row?.count ?? 0);
  }
  return counts;
}

/** Inserts rows as they are, ids included, in chunks under the engines' parameter limits. */
export async function insertTableRows(
  db: Kysely<DatabaseSchema>,
  table: ArchiveTable,
  rows: readonly TableRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 200)
    await loose(db)
      .insertInto(table)
      .values(rows.slice(start, start + 200))
      .execute();
}

/** Deletes every row of the archive tables, children first. */
export async function deleteAllTableRows(db: Kysely<DatabaseSchema>): Promise<void> {
  for (const [table] of [...archiveTables].reverse()) await loose(db).deleteFrom(table).execute();
}

/**
 * After rows were inserted with their own ids, moves PostgreSQL's id sequences past them, or
 * the next insert would collide. SQLite's AUTOINCREMENT follows explicit ids by itself.
 * The outbox is not restored, but the mail's deliveries name its events: its ids move past
 * them on both engines, or a new event could take an old one's id and find its mail "sent".
 */
export async function resetIdSequences(
  db: Kysely<DatabaseSchema>,
  engine: DatabaseEngine,
): Promise<void> {
  await moveOutboxPastMailDeliveries(db, engine);
  if (engine !== 'postgres') return;
  for (const [table, shape] of archiveTables) {
    if (shape.key[0] !== 'id') continue;
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false) from ${sql.table(table)}`.execute(
      db,
    );
  }
}

async function moveOutboxPastMailDeliveries(
  db: Kysely<DatabaseSchema>,
  engine: DatabaseEngine,
): Promise<void> {
  const row = await db
    .selectFrom('mail_deliveries')
    .select((eb) => eb.fn.max('event_id').as('last'))
    .executeTakeFirst();
  const last = Number(row?.last ?? 0);
  if (last === 0) return;
  if (engine === 'postgres') {
    await sql`select setval(pg_get_serial_sequence('outbox_events', 'id'), greatest(${last}, (select coalesce(max(id), 0) from outbox_events)) + 1, false)`.execute(
      db,
    );
    return;
  }
  // SQLite keeps AUTOINCREMENT's high-water mark in sqlite_sequence, which may be written.
  const updated =
    await sql`update sqlite_sequence set seq = max(seq, ${last}) where name = 'outbox_events'`.execute(
      db,
    );
  if (Number(updated.numAffectedRows ?? 0) === 0)
    await sql`insert into sqlite_sequence (name, seq) values ('outbox_events', ${last})`.execute(
      db,
    );
}

/** Every item id, in order: what a rebuild of the search index goes through. */
export async function listAllItemIds(db: Kysely<DatabaseSchema>): Promise<number[]> {
  const rows = await db.selectFrom('agenda_items').select('id').orderBy('id').execute();
  return rows.map((row) => row.id);
}
