import { type Kysely, sql } from 'kysely';
import { createAttachmentFactsTable } from './attachment-facts-table.ts';
import type { AttachmentIndexEngine } from './attachment-index.ts';
import type { ExpandedSearch } from './search-query.ts';
import { buildMatchExpression } from './sqlite-match-expression.ts';

/**
 * The Bilag index on SQLite: `attachment_search`, a contentless FTS5 table (rowid = the
 * attachment's id) over the Danish stems of each Bilag's text, tokenized as `item_search` is.
 */
export const sqliteAttachmentIndex: AttachmentIndexEngine = {
  async insert(db, rows) {
    for (const row of rows)
      await sql`insert into attachment_search (rowid, body)
        values (${row.attachmentId}, ${row.stems.join(' ')})`.execute(db);
  },
  async remove(db, attachmentIds) {
    for (let start = 0; start < attachmentIds.length; start += 500)
      await sql`delete from attachment_search
        where rowid in (${sql.join(attachmentIds.slice(start, start + 500))})`.execute(db);
  },
};

/** The Bilag matching a search, scored by bm25 (higher better), for attachment-index's ranking. */
export function sqliteAttachmentMatches(search: ExpandedSearch) {
  const expression = buildMatchExpression(search, false);
  if (expression === '') return null;
  return sql`select rowid as attachment_id, -bm25(attachment_search) as score
    from attachment_search where attachment_search match ${expression}`;
}

/** The migration that adds the Bilag index to SQLite's search tables. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
export async function createSqliteAttachmentSearch(db: Kysely<any>): Promise<void> {
  await sql`create virtual table attachment_search using fts5(
    body, content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0"
  )`.execute(db);
  await createAttachmentFactsTable(db);
}
