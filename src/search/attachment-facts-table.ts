import type { Kysely } from 'kysely';

/**
 * The Bilag index's facts, the same on both engines: which item a Bilag belongs to and
 * whether it is public. No foreign key: the index removes its rows itself when items go (it
 * must know their ids to clear the engine's text index too).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
export async function createAttachmentFactsTable(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachment_search_facts')
    .addColumn('attachment_id', 'integer', (column) => column.primaryKey())
    .addColumn('item_id', 'integer', (column) => column.notNull())
    .addColumn('is_public', 'integer', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('attachment_search_facts_item_index')
    .on('attachment_search_facts')
    .column('item_id')
    .execute();
}
