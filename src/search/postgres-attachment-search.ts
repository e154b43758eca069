import { type Kysely, sql } from 'kysely';
import { createAttachmentFactsTable } from './attachment-facts-table.ts';
import type { AttachmentIndexEngine } from './attachment-index.ts';
import { buildTsqueries, quoteLexeme } from './postgres-text-search.ts';
import type { ExpandedSearch } from './search-query.ts';

/**
 * The Bilag index on PostgreSQL: `attachment_search`, one tsvector per Bilag over the same
 * Danish stems as the items', GIN-indexed.
 */
export const postgresAttachmentIndex: AttachmentIndexEngine = {
  async insert(db, rows) {
    for (const row of rows)
      await sql`insert into attachment_search (attachment_id, document)
        values (${row.attachmentId}, cast(${attachmentTsvectorText(row.stems)} as tsvector))
        on conflict (attachment_id) do update set document = excluded.document`.execute(db);
  },
  async remove(db, attachmentIds) {
    for (let start = 0; start < attachmentIds.length; start += 500)
      await sql`delete from attachment_search
        where attachment_id in (${sql.join(attachmentIds.slice(start, start + 500))})`.execute(db);
  },
};

/** ts_rank weights as the items' body (D); scaled to sit near the items' idf-weighted scores. */
const rankWeights = sql`'{0.125, 0, 0.25, 1}'::float4[]`;
const scoreScale = 3;

/** The Bilag matching a search, scored by ts_rank (higher better), for attachment-index. */
export function postgresAttachmentMatches(search: ExpandedSearch) {
  const { selection } = buildTsqueries(search, false);
  if (selection === '') return null;
  return sql`select attachment_id,
      ${scoreScale} * ts_rank(${rankWeights}, document, cast(${selection} as tsquery), 1) as score
    from attachment_search where document @@ cast(${selection} as tsquery)`;
}

/** A tsvector is at most 1 MB: a long Bilag keeps its first positions, then lexemes only. */
const maxTsvectorChars = 900_000;
const positionsPerLexeme = 16;
const highestPosition = 16383;

/** A Bilag's stems as tsvector text (weight D), within PostgreSQL's size limit. */
export function attachmentTsvectorText(stems: readonly string[]): string {
  const positions = new Map<string, number[]>();
  stems.forEach((stem, index) => {
    const list = positions.get(stem);
    const position = Math.min(index + 1, highestPosition);
    if (!list) positions.set(stem, [position]);
    else if (list.length < positionsPerLexeme && position < highestPosition) list.push(position);
  });
  const parts: string[] = [];
  let length = 0;
  for (const [stem, list] of positions) {
    const withPositions = `${quoteLexeme(stem)}:${list.join(',')}`;
    const part =
      length + withPositions.length < maxTsvectorChars ? withPositions : quoteLexeme(stem);
    if (length + part.length >= maxTsvectorChars) break;
    length += part.length + 1;
    parts.push(part);
  }
  return parts.join(' ');
}

/** The migration that adds the Bilag index to PostgreSQL's search tables. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
export async function createPostgresAttachmentSearch(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attachment_search')
    .addColumn('attachment_id', 'integer', (column) => column.primaryKey())
    .addColumn('document', sql`tsvector`, (column) => column.notNull())
    .execute();
  await sql`create index attachment_search_document_index on attachment_search
    using gin (document) with (gin_pending_list_limit = 1024)`.execute(db);
  await createAttachmentFactsTable(db);
}
