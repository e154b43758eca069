import type { SearchProvider } from '../search/search-provider.ts';
import type { Database } from '../store/database.ts';
import { type MigrationSet, storeMigrations } from '../store/migrator.ts';

/** Every migration an archive needs: the store's, then the search provider's. */
export function archiveMigrations(database: Database, search: SearchProvider): MigrationSet {
  return { ...storeMigrations(database), ...search.migrations() };
}
