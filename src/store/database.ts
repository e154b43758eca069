import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Dialect, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';

/** Which database engine a connection uses; some SQL (search, ids) differs per engine. */
export type DatabaseEngine = 'sqlite' | 'postgres';

/** An open database: the Kysely instance, its engine, and how to close it. */
export interface Database {
  db: Kysely<DatabaseSchema>;
  engine: DatabaseEngine;
  /** A short description for logs, without passwords. */
  description: string;
  /** The SQLite file, which other threads may open for reading; absent in memory and on PostgreSQL. */
  file?: string;
  close(): Promise<void>;
}

/** Where the archive lives: DATABASE_URL (PostgreSQL) or a SQLite file in REFERAT_DATA_DIR. */
export interface DatabaseConfig {
  databaseUrl?: string;
  dataDirectory?: string;
}

/** Reads the database settings from the environment. */
export function databaseConfigFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
): DatabaseConfig {
  return {
    databaseUrl: environment.DATABASE_URL || undefined,
    dataDirectory: environment.REFERAT_DATA_DIR || './data',
  };
}

/**
 * Opens the archive database. PostgreSQL when DATABASE_URL is a postgres:// URL; otherwise the
 * embedded SQLite file `referat.sqlite` in the data folder, in WAL mode with foreign keys on.
 */
export async function openDatabase(
  config: DatabaseConfig = databaseConfigFromEnvironment(),
): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  const directory = resolve(config.dataDirectory ?? './data');
  mkdirSync(directory, { recursive: true });
  return openSqliteFile(join(directory, 'referat.sqlite'));
}

/**
 * Opens (or creates) a SQLite database file; ':memory:' gives a private in-memory one. A
 * reader (`isReader`) is a second connection to an existing file for a worker thread: it may
 * only read, and leaves the file's settings as the writer made them.
 */
export async function openSqliteFile(
  path: string,
  options: { isReader?: boolean } = {},
): Promise<Database> {
  const { default: SqliteDatabase } = await import('better-sqlite3');
  const connection = new SqliteDatabase(path, { fileMustExist: options.isReader === true });
  if (options.isReader) {
    connection.pragma('query_only = ON');
    connection.pragma('busy_timeout = 5000');
    connection.pragma('cache_size = -65536');
    cachePreparedStatements(connection);
    return {
      ...wrap(new SqliteDialect({ database: connection }), 'sqlite', `SQLite ${path}`),
      file: path,
    };
  }
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  // NORMAL is durable in WAL mode except for the last commits on power loss, and much faster.
  connection.pragma('synchronous = NORMAL');
  connection.pragma('busy_timeout = 5000');
  // Checkpoint less often (80 MB of WAL): a bulk import commits thousands of meetings.
  connection.pragma('wal_autocheckpoint = 20000');
  // A 64 MB page cache keeps the search index's hot pages in memory as the archive grows.
  connection.pragma('cache_size = -65536');
  connection.pragma('temp_store = memory');
  cachePreparedStatements(connection);
  const database = wrap(new SqliteDialect({ database: connection }), 'sqlite', `SQLite ${path}`);
  return path === ':memory:' || path === '' ? database : { ...database, file: resolve(path) };
}

/** Connects to PostgreSQL through a pool. */
export async function openPostgres(url: string): Promise<Database> {
  if (!/^postgres(?:ql)?:\/\//u.test(url))
    throw new Error('DATABASE_URL skal begynde med postgres://');
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that drops (a server restart) must not crash the process: the pool
  // replaces it, and the next query reports any lasting problem.
  pool.on('error', () => {});
  return wrap(new PostgresDialect({ pool }), 'postgres', `PostgreSQL ${redactPassword(url)}`);
}

/** Wraps a dialect; also used by tests for PGlite. */
export function wrap(dialect: Dialect, engine: DatabaseEngine, description: string): Database {
  const db = new Kysely<DatabaseSchema>({ dialect });
  return { db, engine, description, close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every statement anew; an import runs the same few statements
 * hundreds of thousands of times. Reusing prepared statements by their SQL text is safe on one
 * connection, where statements never run concurrently, and saves about a third of the time.
 */
function cachePreparedStatements(connection: { prepare: (source: string) => unknown }): void {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, unknown>();
  connection.prepare = (source: string) => {
    let statement = cache.get(source);
    if (statement === undefined) {
      if (cache.size >= 1000) cache.clear();
      statement = prepare(source);
      cache.set(source, statement);
    }
    return statement;
  };
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/u, '//$1:***@');
}
