import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { MigrationSet } from '../store/migrator.ts';
import { createPostgresAttachmentSearch } from './postgres-attachment-search.ts';
import { createSearchFactsIndexes, createSearchFactsTable } from './search-facts-table.ts';

/**
 * PostgreSQL's search tables:
 * - `item_search`: one tsvector per item over the Danish Snowball stems (the stems of
 *   PostgreSQL's own `danish` configuration, computed once in JavaScript so both engines index
 *   the same lexemes), title weighted A, decision B, body D; GIN-indexed.
 * - `item_search_facts`, the small rows the filters read (deleted with their item).
 * - `search_terms`, the vocabulary of stems, with a pg_trgm GIN index that finds compounds
 *   by a part (`term like '%fravær%'`).
 * - `attachment_search` and `attachment_search_facts`, the text inside Bilag (attachment-index.ts).
 * - `search_metadata`, which names this database for the vocabulary cache.
 *
 * pg_trgm ships with PostgreSQL (Debian's postgresql package; PGlite loads it as an
 * extension). The name sorts right after the store's first migration and shares its numbering.
 */
export function postgresSearchMigrations(): MigrationSet {
  return {
    '0001-search-index': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
      async up(db: Kysely<any>): Promise<void> {
        await sql`create extension if not exists pg_trgm`.execute(db);
        await db.schema
          .createTable('item_search')
          .addColumn('item_id', 'integer', (column) =>
            column.primaryKey().references('agenda_items.id').onDelete('cascade'),
          )
          .addColumn('document', sql`tsvector`, (column) => column.notNull())
          .execute();
        // A smaller pending list than the default 4 MB: every search scans it until the next
        // vacuum, which after a bulk import cost ~60 ms a query.
        await sql`create index item_search_document_index on item_search using gin (document)
          with (gin_pending_list_limit = 1024)`.execute(db);
        await createSearchFactsTable(db);
        await db.schema
          .createTable('search_terms')
          .addColumn('id', 'serial', (column) => column.primaryKey())
          .addColumn('term', 'text', (column) => column.notNull().unique())
          .execute();
        await sql`create index search_terms_trigram_index on search_terms
          using gin (term gin_trgm_ops)`.execute(db);
        await db.schema
          .createTable('search_metadata')
          .addColumn('name', 'text', (column) => column.primaryKey())
          .addColumn('value', 'text', (column) => column.notNull())
          .execute();
        await db
          .insertInto('search_metadata')
          .values({ name: 'database_id', value: randomUUID() })
          .execute();
      },
    },
    '0004-search-facts-indexes': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
      up: (db: Kysely<any>) => createSearchFactsIndexes(db),
    },
    '0013-attachment-search': {
      // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
      up: (db: Kysely<any>) => createPostgresAttachmentSearch(db),
    },
  };
}
