import type { DatabaseEngine } from '../store/database.ts';
import { createPostgresSearchProvider } from './postgres-search-provider.ts';
import type { SearchProvider } from './search-provider.ts';
import { createSqliteSearchProvider } from './sqlite-search-provider.ts';

/** The search provider for a database engine: FTS5 on SQLite, tsvector + pg_trgm on PostgreSQL. */
export function createSearchProvider(engine: DatabaseEngine): SearchProvider {
  return engine === 'postgres' ? createPostgresSearchProvider() : createSqliteSearchProvider();
}
