import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';
import type { DatabaseSchema } from './database-schema.ts';

/**
 * Runs reads inside one transaction that sees a single consistent state of the archive while
 * others keep writing: SQLite in WAL mode gives every read transaction a snapshot, and
 * PostgreSQL does with repeatable read. Backups and exports use it, so that no meeting is
 * copied half-written and no item lacks its meeting.
 */
export function readSnapshot<Result>(
  database: Database,
  read: (db: Kysely<DatabaseSchema>) => Promise<Result>,
): Promise<Result> {
  return database.db.transaction().execute(async (transaction) => {
    // PGlite's Kysely driver ignores transaction settings, so the level is set by statement,
    // which must be the transaction's first.
    if (database.engine === 'postgres')
      await sql`set transaction isolation level repeatable read, read only`.execute(transaction);
    return read(transaction);
  });
}
