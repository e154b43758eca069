import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../store/database-schema.ts';

/**
 * Runs a search's queries in one transaction in which PostgreSQL reaches item texts through
 * their GIN index only. The planner prices reading a tsvector like reading any column, but each
 * is stored apart (TOAST) and costs ~10 µs to fetch and decompress: for a common word it would
 * pick a sequential scan, or the primary key's range with the match as a filter, and read
 * thousands of tsvectors where the GIN index answers from its posting lists without reading
 * one. With sequential scans off, a match is found by the GIN index (the ranking keeps the
 * primary key out by hand where it must, see postgres-ranking.ts). JIT is off as well: a plan
 * that must scan a table anyway carries the penalty cost of a disabled scan, which would
 * otherwise set off compiling (~100 ms). Inside a caller's transaction the settings apply for
 * the search only.
 */
export async function withGinPlans<T>(
  db: Kysely<DatabaseSchema>,
  run: (db: Kysely<DatabaseSchema>) => Promise<T>,
): Promise<T> {
  if (!db.isTransaction)
    return db.transaction().execute(async (transaction) => {
      await applySettings(transaction, ginSettings);
      return run(transaction);
    });
  const before = await readSettings(db);
  await applySettings(db, ginSettings);
  try {
    return await run(db);
  } finally {
    await applySettings(db, before);
  }
}

type PlannerSettings = Record<'enable_seqscan' | 'jit', string>;

const ginSettings: PlannerSettings = { enable_seqscan: 'off', jit: 'off' };

/** Sets the planner settings for the rest of the transaction (set_config's `is_local`). */
async function applySettings(db: Kysely<DatabaseSchema>, settings: PlannerSettings): Promise<void> {
  const calls = Object.entries(settings).map(
    ([name, value]) => sql`set_config(${name}, ${value}, true)`,
  );
  await sql`select ${sql.join(calls)}`.execute(db);
}

async function readSettings(db: Kysely<DatabaseSchema>): Promise<PlannerSettings> {
  const result =
    await sql<PlannerSettings>`select current_setting('enable_seqscan') as enable_seqscan,
    current_setting('jit') as jit`.execute(db);
  return result.rows[0] ?? { enable_seqscan: 'on', jit: 'on' };
}
