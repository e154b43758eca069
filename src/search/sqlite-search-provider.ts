import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { removeAttachmentsOfItems, syncAttachmentIndex } from './attachment-index.ts';
import { countIndexedItems } from './search-facts-table.ts';
import { createSearchPool, type SearchPool } from './search-pool.ts';
import type { SearchHit, SearchProvider, SearchQuery } from './search-provider.ts';
import type { ExpansionSource } from './search-query.ts';
import { runSearch } from './search-runner.ts';
import type { SearchDatabase } from './search-schema.ts';
import { maximumExpansions, nearLengthCandidates } from './search-settings.ts';
import { sqliteAttachmentIndex, sqliteAttachmentMatches } from './sqlite-attachment-search.ts';
import {
  indexItemsOnSqlite,
  makeIndexCurrent,
  removeItemsOnSqlite,
} from './sqlite-index-writer.ts';
import { quoteFts } from './sqlite-match-expression.ts';
import { findTermsBeginningOnSqlite } from './sqlite-prefix-terms.ts';
import { rankWithBm25 } from './sqlite-ranking.ts';
import { sqliteSearchMigrations } from './sqlite-search-migrations.ts';

/** Where SQLite searches run: in worker threads reading this file, or in the caller's thread. */
export interface SqliteSearchOptions {
  /** The database file (absent in memory: then searches run in the caller's thread). */
  file?: string;
  /** Worker threads for searches; 0 runs them in the caller's thread. */
  threads?: number;
}

/**
 * Search on SQLite: FTS5 over Danish stems, bm25, and a trigram index over the vocabulary.
 * Searches of a database file run in a pool of worker threads (search-pool.ts).
 */
export function createSqliteSearchProvider(options: SqliteSearchOptions = {}): SearchProvider {
  const { file } = options;
  const threads = options.threads ?? 0;
  let pool: SearchPool | null = null;
  return {
    migrations: sqliteSearchMigrations,
    async indexItems(db, itemIds) {
      await indexItemsOnSqlite(db, itemIds);
      await syncAttachmentIndex(db, itemIds, sqliteAttachmentIndex);
    },
    async removeItems(db, itemIds) {
      await removeAttachmentsOfItems(db, itemIds, sqliteAttachmentIndex);
      await removeItemsOnSqlite(db, itemIds);
    },
    flush: makeIndexCurrent,
    async search(db, query) {
      // Pending items are indexed first, on the writer's connection; then a reader searches.
      await makeIndexCurrent(db);
      if (!file || threads === 0) return searchSqliteIndex(db, query);
      pool ??= createSearchPool(threads);
      return pool.run({ file, query });
    },
    async close() {
      await pool?.close();
      pool = null;
    },
  };
}

/** Searches an index that is up to date (a worker's read connection, or the writer's). */
export function searchSqliteIndex(
  db: Kysely<DatabaseSchema>,
  query: SearchQuery,
): Promise<SearchHit[]> {
  return runSearch(db, query, {
    expansionSource: sqliteExpansionSource,
    rank: rankWithBm25,
    attachmentMatches: sqliteAttachmentMatches,
  });
}

/** Expansion's questions, answered by the FTS5 index and the trigram vocabulary. */
function sqliteExpansionSource(db: SearchDatabase): ExpansionSource {
  return {
    countItems: () => countIndexedItems(db),
    async countItemsWith(stem, atMost) {
      const result = await sql<{ count: number }>`
        select count(*) as count from (select rowid from item_search
          where item_search match ${quoteFts(stem)} limit ${atMost})`.execute(db);
      return Number(result.rows[0]?.count ?? 0);
    },
    findTermsBeginning: (prefix) => findTermsBeginningOnSqlite(db, prefix),
    async findTermsContaining(part, coveredPrefix) {
      // Shortest first: the closest to the part itself, often its own inflections. substr()
      // counts characters, as the prefix's length does.
      const uncovered = coveredPrefix
        ? sql`and substr(term, 1, ${coveredPrefix.length}) <> ${coveredPrefix}`
        : sql``;
      const result = await sql<{ term: string }>`
        select term from search_terms_trigram
        where search_terms_trigram match ${quoteFts(part)} ${uncovered}
        order by length(term), term
        limit ${maximumExpansions}`.execute(db);
      return result.rows.map((row) => row.term);
    },
    async findTermsNearLength(part, length) {
      const result = await sql<{ term: string }>`
        select term from search_terms_trigram
        where search_terms_trigram match ${quoteFts(part)}
        order by abs(length(term) - ${length}), term
        limit ${nearLengthCandidates}`.execute(db);
      return result.rows.map((row) => row.term);
    },
  };
}
