import { createSearchProvider } from '../search/index.ts';
import type { SearchProvider } from '../search/search-provider.ts';
import {
  type Database,
  type DatabaseConfig,
  databaseConfigFromEnvironment,
  openDatabase,
} from '../store/database.ts';
import { type MigrationOutcome, migrateToLatest } from '../store/migrator.ts';
import { archiveMigrations } from './archive-migrations.ts';
import type { Archive } from './archive-types.ts';
import { caseUrlTemplateFromEnvironment } from './case-link-settings.ts';
import { registerFollowups } from './followups/register-followups.ts';
import { type MailSettings, mailSettingsFromEnvironment } from './mail/mail-settings.ts';
import { registerMail } from './mail/register-mail.ts';
import { OutboxRegistry } from './outbox/outbox-registry.ts';

export type { Archive } from './archive-types.ts';

/** What an archive is opened with besides its database. */
export interface ArchiveOptions {
  /** Registers the mail with the outbox: agendas, minutes and invitations by e-mail. */
  mail?: MailSettings;
  /** Registers the follow-ups with the outbox: suggestions found in published decisions. */
  followups?: boolean;
  /** REFERAT_CASE_URL's template: journal numbers link to the case system. */
  caseUrlTemplate?: string | null;
  /** Worker threads for searches of a SQLite file (the server's); 0 (the default) searches in place. */
  searchThreads?: number;
}

/**
 * Opens the archive from configuration (REFERAT_DATA_DIR or DATABASE_URL) and brings its schema
 * up to date: the composition root that the CLI, the server and the tests share. The mail is
 * registered from the environment (REFERAT_SMTP_URL …, see mail-settings) in every process
 * that writes, so that each publication gets its mail delivery in the same transaction,
 * whoever makes it; the server's outbox worker sends them.
 */
export async function openArchive(
  config: DatabaseConfig = databaseConfigFromEnvironment(),
  options: { searchThreads?: number } = {},
): Promise<Archive> {
  const mail = mailSettingsFromEnvironment(process.env, config.dataDirectory);
  const caseUrlTemplate = caseUrlTemplateFromEnvironment(process.env);
  return openArchiveOn(await openDatabase(config), {
    mail,
    followups: true,
    caseUrlTemplate,
    searchThreads: options.searchThreads,
  });
}

/**
 * Wraps an already open database (tests pass in-memory SQLite or PGlite) as an archive; with
 * `mail` and `followups`, those consumers are registered with its outbox.
 */
export async function openArchiveOn(
  database: Database,
  options: ArchiveOptions = {},
): Promise<Archive & { migrated: MigrationOutcome }> {
  const search = createSearchProvider(database.engine, {
    file: database.file,
    threads: options.searchThreads ?? 0,
  });
  try {
    const migrated = await migrateArchive(database, search);
    const archive = {
      database,
      search,
      outbox: new OutboxRegistry(),
      migrated,
      caseUrlTemplate: options.caseUrlTemplate ?? null,
      close: async () => {
        await search.close?.();
        await database.close();
      },
    };
    if (options.mail) registerMail(archive, options.mail);
    if (options.followups) registerFollowups(archive);
    return archive;
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
  return migrateToLatest(database, archiveMigrations(database, search));
}
