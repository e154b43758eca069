import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../store/database.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';

/** The full-text tables SQLite can check itself (FTS5's 'integrity-check' command). */
const sqliteTextIndexes = ['item_search', 'attachment_search', 'search_terms_trigram'];

/**
 * The search index's integrity, after it has been brought up to date: FTS5's own check of
 * each text index on SQLite, and on both engines that every item is indexed and nothing
 * indexed is gone. Each problem is a Danish line.
 */
export async function checkSearchIntegrity(
  db: Kysely<DatabaseSchema>,
  engine: DatabaseEngine,
): Promise<string[]> {
  const problems: string[] = [];
  if (engine === 'sqlite')
    for (const table of sqliteTextIndexes) {
      try {
        await sql`insert into ${sql.table(table)} (${sql.table(table)}) values ('integrity-check')`.execute(
          db,
        );
      } catch (error) {
        problems.push(`søgeindekset ${table}: ${error instanceof Error ? error.message : error}`);
      }
    }
  const missing = await sql<{ count: number | string }>`
    select count(*) as count from agenda_items a
    where not exists (select 1 from item_search_facts f where f.item_id = a.id)`.execute(db);
  const missingCount = Number(missing.rows[0]?.count ?? 0);
  if (missingCount > 0) problems.push(`${missingCount} punkter mangler i søgeindekset`);
  const stale = await sql<{ count: number | string }>`
    select count(*) as count from item_search_facts f
    where not exists (select 1 from agenda_items a where a.id = f.item_id)`.execute(db);
  const staleCount = Number(stale.rows[0]?.count ?? 0);
  if (staleCount > 0) problems.push(`${staleCount} punkter i søgeindekset findes ikke længere`);
  return problems;
}
