import type { Generated, Kysely } from 'kysely';
import type { DatabaseSchema } from '../store/database-schema.ts';

/**
 * The search layer's own tables, as Kysely sees them (both engines). The engine-specific text
 * indexes (SQLite's FTS5 tables, PostgreSQL's tsvector column) are reached through raw SQL.
 * Type aliases rather than interfaces, because Kysely's withTables wants an index signature.
 */
export type SearchSchema = {
  /**
   * What the filters need of an indexed item, kept small so that ranking never reads the
   * store's wide item rows. It sits beside the text index (FTS5 table or tsvector table).
   */
  item_search_facts: SearchFactsTable;
  /** The vocabulary of indexed stems, with a trigram index to find compounds by a part. */
  search_terms: { id: Generated<number>; term: string };
  /** The Bilag whose text is indexed: their item and whether they are public (attachment-index). */
  attachment_search_facts: { attachment_id: number; item_id: number; is_public: number };
  /** Settings of the index; `database_id` tells one database's vocabulary cache from another's. */
  search_metadata: { name: string; value: string };
};

/** One indexed item's filter facts. */
export type SearchFactsTable = {
  item_id: number;
  meeting_id: number;
  case_id: number | null;
  closed: number;
  /** The proposer lowercased in JavaScript, because SQLite's lower() knows only ASCII. */
  proposer_folded: string | null;
};

/** The store's tables with the search layer's. */
export type SearchDatabase = Kysely<DatabaseSchema & SearchSchema>;

/** The same connection or transaction, typed with the search tables. */
export function withSearchTables(db: Kysely<DatabaseSchema>): SearchDatabase {
  return db.withTables<SearchSchema>();
}
