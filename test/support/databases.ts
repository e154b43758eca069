import { randomBytes } from 'node:crypto';
import { PGliteDialect } from 'kysely';
import { type Database, openPostgres, openSqliteFile, wrap } from '../../src/store/database.ts';

/** Opens a fresh, empty database; closing it also removes it. */
export type DatabaseFactory = () => Promise<Database>;

/**
 * Every backend the store and search tests run against: SQLite in memory, PGlite (real
 * PostgreSQL semantics, in process) and, when REFERAT_TEST_POSTGRES_URL is set (as .ci/run
 * does), a real PostgreSQL server with a throw-away database per test file.
 */
export function testDatabases(): Array<[string, DatabaseFactory]> {
  const backends: Array<[string, DatabaseFactory]> = [
    ['sqlite', () => openSqliteFile(':memory:')],
    ['pglite', openPglite],
  ];
  const postgresUrl = process.env.REFERAT_TEST_POSTGRES_URL;
  if (postgresUrl) backends.push(['postgres', () => openThrowAwayPostgres(postgresUrl)]);
  return backends;
}

/**
 * The backends for the heaviest suites (the permission matrix, the leak crawl). PGlite speaks
 * PostgreSQL's SQL in process; where a real PostgreSQL server is at hand (CI), they run there
 * instead of on PGlite too, which keeps CI's time in bounds without leaving a dialect unchecked.
 */
export function heavyTestDatabases(): Array<[string, DatabaseFactory]> {
  const databases = testDatabases();
  const hasServer = databases.some(([name]) => name === 'postgres');
  return hasServer ? databases.filter(([name]) => name !== 'pglite') : databases;
}

async function openPglite(): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  return wrap(new PGliteDialect({ pglite }), 'postgres', 'PGlite (memory)');
}

async function openThrowAwayPostgres(adminUrl: string): Promise<Database> {
  const name = `referat_test_${randomBytes(5).toString('hex')}`;
  const admin = await openPostgres(adminUrl);
  const { sql } = await import('kysely');
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  return {
    ...database,
    async close() {
      await database.close();
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}
