import { sql } from 'kysely';
import type { Database } from './database.ts';

/**
 * The store's own integrity, for `referat check` and the crash trials: on SQLite the file's
 * structure (`PRAGMA integrity_check`) and its foreign keys; on both engines rows that lost
 * their parent. Each problem is a Danish line; none means the store is whole.
 */
export async function checkStoreIntegrity(database: Database): Promise<string[]> {
  const problems: string[] = [];
  if (database.engine === 'sqlite') {
    const structure = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
      database.db,
    );
    for (const row of structure.rows)
      if (row.integrity_check !== 'ok') problems.push(`SQLite-filen: ${row.integrity_check}`);
    const keys = await sql<{ table: string }>`pragma foreign_key_check`.execute(database.db);
    if (keys.rows.length > 0)
      problems.push(`${keys.rows.length} rækker peger på noget, der ikke findes (fremmednøgler)`);
  }
  const orphans = await sql<{ count: number | string }>`
    select count(*) as count from agenda_items a
    where not exists (select 1 from meetings m where m.id = a.meeting_id)`.execute(database.db);
  const orphanCount = Number(orphans.rows[0]?.count ?? 0);
  if (orphanCount > 0) problems.push(`${orphanCount} punkter uden møde`);
  return problems;
}
