import { type RawBuilder, sql } from 'kysely';
import { andConditions, type FilterSql } from './search-filters.ts';
import type { RankedItem } from './search-hits.ts';
import type { ExpandedSearch } from './search-query.ts';
import type { SearchDatabase } from './search-schema.ts';
import {
  buildGroupExpression,
  buildMatchExpression,
  restrictToDecision,
} from './sqlite-match-expression.ts';

/**
 * Ranking on SQLite: FTS5's bm25 with the title weighing most (8), then the decision (2), then
 * the body (1). bm25 costs about half a microsecond per matching row and FTS5 scores every
 * match before it sorts, so a word in most of 100,000 items would take ~45 ms. When an
 * estimate says more than `rankingWindow` items match, only the newest that many are scored
 * (rowid order is import order), except that a selective word (at most `selectiveMatches`
 * items) always reaches back to its oldest match: "Hvad besluttede vi om Aula?" finds an old
 * Aula item however common "besluttede" is. Common words weigh little in bm25 anyway.
 */

/** bm25 column weights for title, body and decision. */
const columnWeights = sql`8.0, 1.0, 2.0`;
/** How many matches to score at most when no selective word asks for more. */
const rankingWindow = 10_000;
/** A word matching at most this many items is selective: all its matches are scored. */
const selectiveMatches = 5_000;
/** The newest rowids in which the share of matching items is measured. */
const sampleSpan = 5_000;

/** The best items for a search, best first. */
export async function rankWithBm25(
  db: SearchDatabase,
  search: ExpandedSearch,
  isDecisionOnly: boolean,
  filter: FilterSql,
  limit: number,
): Promise<RankedItem[]> {
  const expression = buildMatchExpression(search, isDecisionOnly);
  const isRankedWithConditions = filter.filters.length > 0 || filter.visibility === null;
  // What a reader may not see is mostly a small part (closed items, drafts): rank on FTS5
  // alone, without a join per match, and drop the invisible after, widening until enough.
  const unfiltered = { ...filter, conditions: [] };
  const cutoff = await findRowidCutoff(
    db,
    search,
    expression,
    isDecisionOnly,
    isRankedWithConditions ? filter : unfiltered,
  );
  if (isRankedWithConditions) return rankMatches(db, expression, cutoff, filter, limit);
  for (let wanted = limit + 10; ; wanted *= 4) {
    const ranked = await rankMatches(db, expression, cutoff, unfiltered, wanted);
    const visible = await keepVisible(db, ranked, filter);
    if (visible.length >= limit || ranked.length < wanted) return visible.slice(0, limit);
  }
}

async function rankMatches(
  db: SearchDatabase,
  expression: string,
  cutoff: number,
  filter: FilterSql,
  limit: number,
): Promise<RankedItem[]> {
  const result = await sql<{ id: number; rank: number }>`
    select item_search.rowid as id, bm25(item_search, ${columnWeights}) as rank
    from item_search ${joinFacts(filter)}
    where item_search match ${expression}${afterRowid(cutoff)}${andConditions(filter)}
    order by rank, item_search.rowid desc
    limit ${limit}`.execute(db);
  return result.rows.map((row) => ({ id: Number(row.id), score: -Number(row.rank) }));
}

/** The ranked items the filter's visibility lets through, in rank order. */
async function keepVisible(
  db: SearchDatabase,
  ranked: RankedItem[],
  filter: FilterSql,
): Promise<RankedItem[]> {
  if (ranked.length === 0 || filter.visibility === null) return ranked;
  const ids = ranked.map((item) => item.id);
  const visible = await sql<{ id: number }>`
    select f.item_id as id from item_search_facts f ${filter.joins}
    where f.item_id in (${sql.join(ids)}) and ${filter.visibility}`.execute(db);
  const visibleIds = new Set(visible.rows.map((row) => Number(row.id)));
  return ranked.filter((item) => visibleIds.has(item.id));
}

function joinFacts(filter: FilterSql): RawBuilder<unknown> {
  return filter.conditions.length > 0
    ? sql`join item_search_facts f on f.item_id = item_search.rowid ${filter.joins}`
    : sql``;
}

function afterRowid(cutoff: number): RawBuilder<unknown> {
  return cutoff > 0 ? sql` and item_search.rowid > ${cutoff}` : sql``;
}

/**
 * The rowid above which matches are scored; 0 to score them all. How many items match is
 * estimated from the newest `sampleSpan` rowids, which FTS5 reaches by a rowid range without
 * walking the rest of the matches.
 */
async function findRowidCutoff(
  db: SearchDatabase,
  search: ExpandedSearch,
  expression: string,
  isDecisionOnly: boolean,
  filter: FilterSql,
): Promise<number> {
  const newest = await db
    .selectFrom('item_search_facts')
    .select((eb) => eb.fn.max('item_id').as('id'))
    .executeTakeFirst();
  const highestId = Number(newest?.id ?? 0);
  if (highestId <= rankingWindow) return 0;
  const sampleStart = Math.max(0, highestId - sampleSpan);
  const sample = await sql<{ count: number }>`
    select count(*) as count from (
      select item_search.rowid from item_search ${joinFacts(filter)}
      where item_search match ${expression}${afterRowid(sampleStart)}${andConditions(filter)})`.execute(
    db,
  );
  const sampled = Number(sample.rows[0]?.count ?? 0);
  if (sampled === 0) return 0;
  const estimatedMatches = (sampled * highestId) / (highestId - sampleStart);
  if (estimatedMatches <= rankingWindow * 1.5) return 0;
  let cutoff = Math.max(
    0,
    Math.floor(highestId - (rankingWindow * (highestId - sampleStart)) / sampled),
  );
  for (const group of search.groups.length + search.phrases.length > 1 ? search.groups : []) {
    const match = restrictToDecision(buildGroupExpression(group), isDecisionOnly);
    const counted = await sql<{ matches: number; first: number | null }>`
      select count(*) as matches, min(rowid) as first
      from (select rowid from item_search where item_search match ${match}
            order by rowid limit ${selectiveMatches + 1})`.execute(db);
    const row = counted.rows[0];
    if (row && row.first !== null && Number(row.matches) <= selectiveMatches)
      cutoff = Math.min(cutoff, Number(row.first) - 1);
  }
  return cutoff;
}

/** The bench compares search with a bare MATCH of the same expression. */
export { buildMatchExpression } from './sqlite-match-expression.ts';
