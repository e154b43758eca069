import { sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Database } from './database.ts';
import { archiveTablesMigration } from './migrations/0001-archive-tables.ts';
import { meetingWorkMigration } from './migrations/0002-meeting-work.ts';
import { accessMigration } from './migrations/0003-access.ts';
import { meetingCycleMigration } from './migrations/0005-meeting-cycle.ts';
import { publishingMigration } from './migrations/0007-publishing.ts';
import { feedTokensMigration } from './migrations/0008-feed-tokens.ts';
import { contactDetailsMigration } from './migrations/0009-contact-details.ts';
import { followupsMigration } from './migrations/0010-followups.ts';
import { planningMigration } from './migrations/0011-planning.ts';
import { sourceMetadataMigration } from './migrations/0012-source-metadata.ts';
import { attachmentTextMigration } from './migrations/0013-attachment-text.ts';

/** Named migrations, applied in name order. Other layers (search) contribute their own. */
export type MigrationSet = Record<string, Migration>;

/** The store's own migrations for an engine. */
export function storeMigrations(database: Database): MigrationSet {
  return {
    '0001-archive-tables': archiveTablesMigration(database.engine),
    '0002-meeting-work': meetingWorkMigration(database.engine),
    '0003-access': accessMigration(database.engine),
    '0005-meeting-cycle': meetingCycleMigration(),
    '0007-publishing': publishingMigration(database.engine),
    '0008-feed-tokens': feedTokensMigration(database.engine),
    '0009-contact-details': contactDetailsMigration(),
    '0010-followups': followupsMigration(database.engine),
    '0011-planning': planningMigration(database.engine),
    '0012-source-metadata': sourceMetadataMigration(),
    '0013-attachment-text': attachmentTextMigration(),
  };
}

/** The outcome of migrating: the names applied now, in order. */
export interface MigrationOutcome {
  applied: string[];
}

/**
 * Brings the schema up to date. Migrations live in code (no files to ship or find) and run at
 * start-up and through `referat migrate`; each runs once, recorded by Kysely.
 */
export async function migrateToLatest(
  database: Database,
  migrations: MigrationSet,
): Promise<MigrationOutcome> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const migrator = new Migrator({ db: database.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'ukendt';
    throw new Error(
      `migrering ${failed} mislykkedes: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    applied: (results ?? [])
      .filter((result) => result.status === 'Success')
      .map((result) => result.migrationName),
  };
}

/**
 * The migrations not yet applied to this database (for readiness: an instance started before
 * another finished upgrading the schema is not ready). Reads Kysely's own record.
 */
export async function listPendingMigrations(
  database: Database,
  migrations: MigrationSet,
): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  const known = await new Migrator({ db: database.db, provider }).getMigrations();
  return known.filter((migration) => !migration.executedAt).map((migration) => migration.name);
}

/** Whether the database answers a trivial query. */
export async function isDatabaseReachable(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}
