import { createSearchProvider } from '../search/index.ts';
import type { SearchProvider } from '../search/search-provider.ts';
import {
  type Database,
  type DatabaseConfig,
  databaseConfigFromEnvironment,
  openDatabase,
} from '../store/database.ts';
import { type MigrationOutcome, migrateToLatest, storeMigrations } from '../store/migrator.ts';
import { OutboxRegistry } from './outbox/outbox-registry.ts';

/**
 * The open archive: its database, the search provider that suits the database's engine, and
 * the outbox's consumers (mail, feeds …) that read the write pipeline's events.
 */
export interface Archive {
  database: Database;
  search: SearchProvider;
  outbox: OutboxRegistry;
  /** Tells a running outbox worker that new events wait (set by the worker when it starts). */
  wakeOutbox?: () => void;
  close(): Promise<void>;
}

/**
 * Opens the archive from configuration (REFERAT_DATA_DIR or DATABASE_URL) and brings its schema
 * up to date: the composition root that the CLI, the server and the tests share.
 */
export async function openArchive(
  config: DatabaseConfig = databaseConfigFromEnvironment(),
): Promise<Archive> {
  return openArchiveOn(await openDatabase(config));
}

/** Wraps an already open database (tests pass in-memory SQLite or PGlite) as an archive. */
export async function openArchiveOn(
  database: Database,
): Promise<Archive & { migrated: MigrationOutcome }> {
  const search = createSearchProvider(database.engine);
  try {
    const migrated = await migrateArchive(database, search);
    return {
      database,
      search,
      outbox: new OutboxRegistry(),
      migrated,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Runs the store's migrations, then the search provider's. */
export function migrateArchive(
  database: Database,
  search: SearchProvider,
): Promise<MigrationOutcome> {
  return migrateToLatest(database, { ...storeMigrations(database), ...search.migrations() });
}
