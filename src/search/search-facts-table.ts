import type { Kysely } from 'kysely';
import type { SearchDatabase } from './search-schema.ts';

/**
 * The small per-item rows that search filters read (meeting, case, closed, proposer), the same
 * on both engines; deleted with their item.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
export async function createSearchFactsTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('item_search_facts')
    .addColumn('item_id', 'integer', (column) =>
      column.primaryKey().references('agenda_items.id').onDelete('cascade'),
    )
    .addColumn('meeting_id', 'integer', (column) => column.notNull())
    .addColumn('case_id', 'integer')
    .addColumn('closed', 'integer', (column) => column.notNull())
    .addColumn('proposer_folded', 'text')
    .execute();
}

/**
 * Indexes on the facts table: a search for a journal number starts from its items (and not
 * from the meetings in date order, which a read scope's conditions on meetings would otherwise
 * tempt SQLite into, reading the facts once per meeting).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
export async function createSearchFactsIndexes(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('item_search_facts_case_index')
    .on('item_search_facts')
    .column('case_id')
    .execute();
}

/** How many items the index holds: the base for telling rare words from common ones. */
export async function countIndexedItems(db: SearchDatabase): Promise<number> {
  const row = await db
    .selectFrom('item_search_facts')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
