import type { DatabaseEngine } from '../store/database.ts';
import { createPostgresSearchProvider } from './postgres-search-provider.ts';
import type { SearchProvider } from './search-provider.ts';
import { createSqliteSearchProvider } from './sqlite-search-provider.ts';

/**
 * The search provider for a database: FTS5 on SQLite (searches of a file in `threads` worker
 * threads), tsvector + pg_trgm on PostgreSQL.
 */
export function createSearchProvider(
  engine: DatabaseEngine,
  options: { file?: string; threads?: number } = {},
): SearchProvider {
  return engine === 'postgres'
    ? createPostgresSearchProvider()
    : createSqliteSearchProvider(options);
}
