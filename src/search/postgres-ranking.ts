import { type RawBuilder, sql } from 'kysely';
import {
  countMatches,
  type MatchCounts,
  type PostgresSearchContext,
  type PostgresSearchTuning,
} from './postgres-match-counts.ts';
import {
  buildCountingTsqueries,
  buildTsqueries,
  type TsqueryPlan,
} from './postgres-text-search.ts';
import { andConditions, type FilterSql } from './search-filters.ts';
import type { RankedItem } from './search-hits.ts';
import type { ExpandedSearch } from './search-query.ts';
import type { SearchDatabase } from './search-schema.ts';

/**
 * Ranking on PostgreSQL: the sum over the query's parts of rarity (BM25's idf) times ts_rank
 * with field weights. ts_rank alone knows no rarity, and a question's common word would then
 * outweigh its subject. The rarities come from the GIN index (postgres-match-counts.ts); only
 * ranking reads tsvectors, each once (~7 µs from TOAST), so when many items match only the
 * newest `rankingWindow` are ranked, plus every match of a selective word, as on SQLite.
 */

/** ts_rank weights for D, C, B, A: body 1, decision 2, title 8, as bm25's on SQLite. */
const rankWeights = sql`'{0.125, 0, 0.25, 1}'::float4[]`;
/**
 * Reading an item's tsvector (~8 µs) costs about as much as the GIN index and the heap spend
 * on 16 of its matches: the basis for choosing how to find the newest matches.
 */
const postingsPerItemRead = 16;
/** The newest items read when most match: a fifth more than the share of matches predicts. */
const readMargin = 1.2;
/**
 * A decision-only search, or one with the user's own filters, reads at most this many times
 * the window of newest items for its matches.
 */
const decisionReadFactor = 10;

/** The best items for a search, best first; run it under withGinPlans. */
export async function rankWithTsRank(
  db: SearchDatabase,
  context: PostgresSearchContext,
  search: ExpandedSearch,
  isDecisionOnly: boolean,
  filter: FilterSql,
  limit: number,
): Promise<RankedItem[]> {
  const plan = buildTsqueries(search, isDecisionOnly);
  const counts = await countMatches(db, context, search);
  const { tuning } = context;
  const weighted = plan.parts.map((part, index) => {
    const matches = counts.partMatches[index] ?? 0;
    const idf = Math.log(1 + (counts.total - matches + 0.5) / (matches + 0.5));
    return sql`cast(${idf} as float8) * ts_rank(${rankWeights}, c.document, cast(${part} as tsquery), 1)`;
  });
  const candidates = selectCandidates({ search, plan, counts, filter, tuning, isDecisionOnly });
  const result = await sql<{ id: number; score: number }>`
    select c.id, (${sql.join(weighted, sql` + `)}) as score
    from (${candidates}) as c
    where c.document @@ cast(${plan.selection} as tsquery)
    order by score desc, c.id desc
    limit ${limit}`.execute(db);
  return result.rows.map((row) => ({ id: Number(row.id), score: Number(row.score) }));
}

interface CandidateQuestion {
  search: ExpandedSearch;
  plan: TsqueryPlan;
  counts: MatchCounts;
  filter: FilterSql;
  tuning: PostgresSearchTuning;
  isDecisionOnly: boolean;
}

/**
 * The items to rank, as (id, document) rows, each tsvector read from TOAST once (~7 µs): a
 * setweight that changes no lexeme copies the value (~1.5 µs; a concatenation costs 13), and
 * the exact match (phrases, weights) and each part's ts_rank (~0.4 µs) use the copy rather than
 * fetching it again; offset 0 keeps the planner from merging the subquery away.
 * - Few matches: every match, found by the GIN index.
 * - Otherwise the newest rankingWindow matches, plus every match of a selective word:
 *   - read in id order, newest first, until enough match, when that costs less than the GIN
 *     index's posting lists would (many match). So too for a search with the user's own
 *     filters (forum, dates, journal number, proposer), which reads the newest items within
 *     them (the newest overall may hold none), and for decisions only, which the GIN index
 *     cannot tell from the body; both read at most decisionReadFactor windows of items;
 *   - else the GIN index finds the matches and an id bounds them, estimated from the counts
 *     (`+ 0`: not by the primary key, which would read every item in the range).
 */
function selectCandidates(question: CandidateQuestion): RawBuilder<unknown> {
  const { search, plan, counts, filter, tuning, isDecisionOnly } = question;
  const { rankingWindow, selectiveMatches } = tuning;
  // PostgreSQL joins the small facts rows cheaply, so closedness is filtered in SQL too.
  const from = sql`from item_search s ${
    filter.conditions.length > 0
      ? sql`join item_search_facts f on f.item_id = s.item_id ${filter.joins}`
      : sql``
  }`;
  const read = sql`select s.item_id as id, ${copyDocument('s')} as document ${from}`;
  // Without weights and with a phrase's words AND-ed, the GIN index needs no tsvector to check.
  const matches = sql`s.document @@ cast(${buildCountingTsqueries(search).selection} as tsquery)`;
  if (counts.selectionMatches <= rankingWindow * 1.5)
    return sql`${read} where ${matches}${andConditions(filter)} offset 0`;
  const selective =
    search.phrases.length === 0
      ? plan.parts.filter((_, index) => (counts.partMatches[index] ?? 0) <= selectiveMatches)
      : [];
  const share = counts.selectionMatches / Math.max(1, counts.total);
  const newestRead = Math.ceil((rankingWindow * readMargin) / share);
  const isNarrowed = isDecisionOnly || filter.filters.length > 0;
  if (isNarrowed || newestRead * postingsPerItemRead <= counts.selectionMatches) {
    // The newest ids first (the filters checked on the small rows), then their tsvectors one
    // by one, so that only as many are read as it takes to find the window's matches.
    const limit = isNarrowed ? rankingWindow * decisionReadFactor : newestRead;
    const newest = sql`select n.id, n.document from (
        select t.item_id as id, ${copyDocument('t')} as document
        from (select s.item_id ${from} where true${andConditions(filter)}
          order by s.item_id desc limit ${limit}) as ids
        join item_search t on t.item_id = ids.item_id
        order by t.item_id desc) as n
      where n.document @@ cast(${plan.selection} as tsquery) limit ${rankingWindow}`;
    if (selective.length === 0) return newest;
    return sql`select distinct on (u.id) u.id, u.document from ((${newest}) union all
        (${read} where s.document @@ cast(${selective.join(' | ')} as tsquery)${andConditions(filter)}))
        as u order by u.id`;
  }
  const span = counts.highestId - counts.lowestId + 1;
  const cutoff = Math.floor(counts.highestId - (span * rankingWindow) / counts.selectionMatches);
  const orSelective =
    selective.length > 0 ? sql` or s.document @@ cast(${selective.join(' | ')} as tsquery)` : sql``;
  return sql`${read} where ${matches} and (s.item_id + 0 > ${cutoff}${orSelective})${andConditions(filter)}
    offset 0`;
}

/** A tsvector read from TOAST once, as a copy: a setweight that changes no lexeme. */
function copyDocument(table: 's' | 't'): RawBuilder<unknown> {
  return sql`setweight(${sql.ref(`${table}.document`)}, 'D', '{}'::text[])`;
}
