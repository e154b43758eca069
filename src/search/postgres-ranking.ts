import { sql } from 'kysely';
import { buildTsqueries } from './postgres-text-search.ts';
import { andConditions, type FilterSql } from './search-filters.ts';
import type { RankedItem } from './search-hits.ts';
import type { ExpandedSearch } from './search-query.ts';
import type { SearchDatabase } from './search-schema.ts';

/**
 * Ranking on PostgreSQL: the sum over the query's parts of rarity (BM25's idf) times ts_rank
 * with field weights. ts_rank alone knows no rarity, and a question's common word would then
 * outweigh its subject. ts_rank reads each matching tsvector from TOAST (~10 µs), and
 * counting a common word does the same, so both are bounded: document counts are estimated
 * from the newest `sampleSize` items (exact in a smaller archive), and when many items match
 * only the newest `rankingWindow` are ranked, plus every match of a selective word, as on
 * SQLite.
 */

/** ts_rank weights for D, C, B, A: body 1, decision 2, title 8, as bm25's on SQLite. */
const rankWeights = sql`'{0.125, 0, 0.25, 1}'::float4[]`;
const sampleSize = 5_000;
const rankingWindow = 5_000;
const selectiveMatches = 5_000;

/** The best items for a search, best first. */
export async function rankWithTsRank(
  db: SearchDatabase,
  search: ExpandedSearch,
  isDecisionOnly: boolean,
  filter: FilterSql,
  limit: number,
): Promise<RankedItem[]> {
  const plan = buildTsqueries(search, isDecisionOnly);
  const sample = await sampleNewestItems(db, plan.selection, plan.parts);
  const scale = sample.sampled === 0 ? 1 : sample.total / sample.sampled;
  const estimates = sample.partMatches.map((matches) => matches * scale);
  const weighted = plan.parts.map((part, index) => {
    const matches = estimates[index] ?? 0;
    const idf = Math.log(1 + (sample.total - matches + 0.5) / (matches + 0.5));
    return sql`cast(${idf} as float8) * ts_rank(${rankWeights}, s.document, cast(${part} as tsquery), 1)`;
  });
  let window = sql``;
  const selectionMatches = sample.selectionMatches * scale;
  if (selectionMatches > rankingWindow * 1.5 && sample.selectionMatches > 0) {
    const itemsPerMatch = sample.sampled / sample.selectionMatches;
    const idsPerItem = (sample.highestId - sample.lowestId + 1) / sample.sampled;
    const cutoff = Math.floor(sample.highestId - rankingWindow * itemsPerMatch * idsPerItem);
    const selective =
      search.phrases.length === 0
        ? plan.parts.filter((_, index) => (estimates[index] ?? 0) <= selectiveMatches)
        : [];
    window =
      selective.length > 0
        ? sql` and (s.item_id > ${cutoff} or s.document @@ cast(${selective.join(' | ')} as tsquery))`
        : sql` and s.item_id > ${cutoff}`;
  }
  // PostgreSQL joins the small facts rows cheaply, so closedness is filtered in SQL too.
  const joins =
    filter.conditions.length > 0
      ? sql`join item_search_facts f on f.item_id = s.item_id ${filter.joins}`
      : sql``;
  const result = await sql<{ id: number; score: number }>`
    select s.item_id as id, (${sql.join(weighted, sql` + `)}) as score
    from item_search s ${joins}
    where s.document @@ cast(${plan.selection} as tsquery)${window}${andConditions(filter)}
    order by score desc, s.item_id desc
    limit ${limit}`.execute(db);
  return result.rows.map((row) => ({ id: Number(row.id), score: Number(row.score) }));
}

interface Sample {
  total: number;
  sampled: number;
  highestId: number;
  lowestId: number;
  selectionMatches: number;
  partMatches: number[];
}

/** Counts, in one pass over the newest items, how many match the search and each part. */
async function sampleNewestItems(
  db: SearchDatabase,
  selection: string,
  parts: readonly string[],
): Promise<Sample> {
  const partCounts = parts.map(
    (part, index) =>
      sql`count(*) filter (where document @@ cast(${part} as tsquery)) as ${sql.ref(`part${index}`)}`,
  );
  const result = await sql<Record<string, string | number | null>>`
    select (select count(*) from item_search) as total, count(*) as sampled,
      max(item_id) as highest, min(item_id) as lowest,
      count(*) filter (where document @@ cast(${selection} as tsquery)) as selection,
      ${sql.join(partCounts)}
    from (select item_id, document from item_search order by item_id desc limit ${sampleSize})
      as newest`.execute(db);
  const row = result.rows[0] ?? {};
  return {
    total: Number(row.total ?? 0),
    sampled: Number(row.sampled ?? 0),
    highestId: Number(row.highest ?? 0),
    lowestId: Number(row.lowest ?? 0),
    selectionMatches: Number(row.selection ?? 0),
    partMatches: parts.map((_, index) => Number(row[`part${index}`] ?? 0)),
  };
}
