import type { Kysely } from 'kysely';
import type { ReadScope } from '../core/policies/read-model.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import type { MigrationSet } from '../store/migrator.ts';
import type { ItemText } from './indexable-items.ts';

/** Narrows a search. All filters are optional and combine with AND. */
export interface SearchFilters {
  /** Forum name, exact ("Chefforum"). */
  forum?: string;
  /** Meetings on or after this ISO date. */
  from?: string;
  /** Meetings on or before this ISO date. */
  to?: string;
  /** A journal number, or a prefix of one such as a KLE subject ("00.01" or "00.01.00-A00"). */
  casePrefix?: string;
  /** The recommendation's proposer, matched case-insensitively as a substring. */
  proposer?: string;
  /** Search only the Beslutning text. */
  isDecisionOnly?: boolean;
  /**
   * What the reader may see: the read model's scope (core/policies/read-model.ts). Without
   * one, every meeting and only open items: the default of tools and benchmarks, never of a
   * request (services always pass the actor's scope).
   */
  scope?: ReadScope;
}

/** One hit: the item, its meeting, a score (higher is better) and a snippet with «hits» marked. */
export interface SearchHit {
  meeting: { id: number; forum: string; date: string };
  item: { id: number; number: number; title: string; caseNumber: string | null };
  score: number;
  /** Plain text around the best match; matched words wrapped in [[ and ]]. */
  snippet: string;
  /** The Bilag the match came from, when the item's own text has none ("i bilag: X.pdf"). */
  attachment: { id: number; title: string; fileName: string | null } | null;
}

/** A search request. */
export interface SearchQuery {
  text: string;
  filters?: SearchFilters;
  limit?: number;
}

/**
 * Full-text search over agenda items, behind one interface so that SQLite (FTS5) and PostgreSQL
 * (tsvector + pg_trgm) can be swapped by configuration. Index maintenance runs inside the
 * caller's transaction, so the index never disagrees with the data.
 */
export interface SearchProvider {
  /** The provider's tables and indexes, as named migrations (run after the store's). */
  migrations(): MigrationSet;
  /**
   * Optional: does what it can for item texts about to be written before the write's
   * transaction, outside it (PostgreSQL stems them in a worker thread and adds their new stems
   * to the vocabulary), so that indexItems finds that work done. Never required for
   * correctness, and never rejects.
   */
  prepare?(db: Kysely<DatabaseSchema>, texts: readonly ItemText[]): Promise<void>;
  /** (Re)indexes these items from the store's tables. */
  indexItems(db: Kysely<DatabaseSchema>, itemIds: readonly number[]): Promise<void>;
  /** Removes these items from the index (deleted or replaced items). */
  removeItems(db: Kysely<DatabaseSchema>, itemIds: readonly number[]): Promise<void>;
  /** Brings the index fully up to date (after a bulk import); indexing may lag otherwise. */
  flush(db: Kysely<DatabaseSchema>): Promise<void>;
  /** Runs a search. Throws SearchQueryError for a query it cannot understand. */
  search(db: Kysely<DatabaseSchema>, query: SearchQuery): Promise<SearchHit[]>;
  /** Stops what the provider runs beside the database (its search threads). */
  close?(): Promise<void>;
}

/** A query the user must fix (empty, only stop words, unbalanced quotes): shown as one line. */
export class SearchQueryError extends Error {
  override readonly name = 'SearchQueryError';
}
