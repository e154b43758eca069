import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../store/migrator.ts';
import { createSearchFactsIndexes, createSearchFactsTable } from './search-facts-table.ts';
import { createSqliteAttachmentSearch } from './sqlite-attachment-search.ts';

/**
 * SQLite's search tables:
 * - `item_search`, a contentless FTS5 table (rowid = agenda_items.id) over the Danish stems of
 *   title, body and decision. It stores only the index, not the text, which the store has.
 *   `remove_diacritics 0` because the default folds å into a and "målet" would find "malet".
 * - `item_search_facts`, the small rows the filters read (deleted with their item).
 * - `search_terms`, the vocabulary of stems, and `search_terms_trigram`, a trigram FTS5 index
 *   over it (distinct stems only, not the documents) that finds compounds by a part.
 * - `item_search_pending`, the ids of items to be (re)indexed in the next batch (see
 *   sqlite-index-writer.ts), and `search_metadata`, which names this database for the
 *   vocabulary cache and records how far the trigram index has come.
 * - `attachment_search` and `attachment_search_facts`, the text inside Bilag (attachment-index.ts).
 * - `item_search_terms`, an fts5vocab view of `item_search` (it stores nothing): each indexed
 *   stem with the number of items that have it, read to pick a prefix's most frequent stems.
 *
 * The name sorts right after the store's first migration and shares its numbering, so that
 * later migrations of either layer are appended in order.
 */
export function sqliteSearchMigrations(): MigrationSet {
  return {
    '0001-search-index': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
      async up(db: Kysely<any>): Promise<void> {
        await sql`create virtual table item_search using fts5(
          title, body, decision,
          content = '', contentless_delete = 1,
          tokenize = "unicode61 remove_diacritics 0"
        )`.execute(db);
        await createSearchFactsTable(db);
        await db.schema
          .createTable('search_terms')
          .addColumn('id', 'integer', (column) => column.primaryKey())
          .addColumn('term', 'text', (column) => column.notNull().unique())
          .execute();
        await sql`create virtual table search_terms_trigram using fts5(
          term, content = 'search_terms', content_rowid = 'id',
          tokenize = "trigram remove_diacritics 0"
        )`.execute(db);
        await sql`create table item_search_pending (item_id integer primary key)`.execute(db);
        await db.schema
          .createTable('search_metadata')
          .addColumn('name', 'text', (column) => column.primaryKey())
          .addColumn('value', 'text', (column) => column.notNull())
          .execute();
        await db
          .insertInto('search_metadata')
          .values([
            { name: 'database_id', value: randomUUID() },
            { name: 'trigram_indexed_through', value: '0' },
          ])
          .execute();
      },
    },
    '0004-search-facts-indexes': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
      up: (db: Kysely<any>) => createSearchFactsIndexes(db),
    },
    '0006-search-term-counts': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
      async up(db: Kysely<any>): Promise<void> {
        await sql`create virtual table item_search_terms
          using fts5vocab(item_search, 'row')`.execute(db);
      },
    },
    '0013-attachment-search': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
      up: (db: Kysely<any>) => createSqliteAttachmentSearch(db),
    },
  };
}
