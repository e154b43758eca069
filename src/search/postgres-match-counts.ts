import { sql } from 'kysely';
import { buildCountingTsqueries, quoteLexeme } from './postgres-text-search.ts';
import { type ExpandedSearch, exactAlternatives, type TermGroup } from './search-query.ts';
import type { SearchDatabase } from './search-schema.ts';

/**
 * How many items match, on PostgreSQL, for expansion (rare or common?) and ranking (rarity,
 * and how many to rank). Counting a common word from the GIN index still costs ~15 ms at
 * 100,000 items, since its posting list is long, so common words take their share from
 * PostgreSQL's own statistics: ANALYZE (autovacuum) keeps the ~1,000 most common lexemes of
 * the tsvector column with their frequencies. A word not among them is rarer than all of them,
 * and the GIN index counts it from a short list. Without statistics yet (a new or small
 * archive) every count is exact.
 */

/**
 * The sizes at which PostgreSQL's search changes course; tests make them small to reach the
 * large archive's paths with a few hundred items.
 */
export interface PostgresSearchTuning {
  /** Up to this many items are counted exactly; beyond, the table statistics take over. */
  exactlyCountedItems: number;
  /** About this many of the newest matches are ranked when more match (postgres-ranking.ts). */
  rankingWindow: number;
  /** A word in at most this many items has all its matches ranked, however old. */
  selectiveMatches: number;
}

/**
 * Counting 20,000 rows costs ~2 ms. Reading and ranking an item costs ~8–10 µs, and at most
 * about twice the window is read, so 500 keeps ranking near 10 ms.
 */
export const defaultPostgresSearchTuning: PostgresSearchTuning = {
  exactlyCountedItems: 20_000,
  rankingWindow: 500,
  selectiveMatches: 500,
};

/** What a search knows of the index before it counts: its size and its most common lexemes. */
export interface IndexStatistics {
  total: number;
  /** Share of the items holding each common lexeme; empty without statistics. */
  commonLexemes: ReadonlyMap<string, number>;
}

/**
 * One search's view of the index: its tuning, and the statistics, read once when first asked
 * (expansion and ranking both ask).
 */
export interface PostgresSearchContext {
  tuning: PostgresSearchTuning;
  statistics(): Promise<IndexStatistics>;
}

/** The context of one search, on the connection or transaction the search runs in. */
export function createSearchContext(
  db: SearchDatabase,
  tuning: PostgresSearchTuning,
): PostgresSearchContext {
  let statistics: Promise<IndexStatistics> | null = null;
  return {
    tuning,
    statistics: () => {
      statistics ??= loadIndexStatistics(db, tuning.exactlyCountedItems);
      return statistics;
    },
  };
}

async function loadIndexStatistics(
  db: SearchDatabase,
  exactlyCountedItems: number,
): Promise<IndexStatistics> {
  const result = await sql<{ database: string; estimated: number | null; analyzed: unknown }>`
    select current_database() || '/' || c.oid as database, c.reltuples as estimated,
      greatest(pg_stat_get_last_analyze_time(c.oid), pg_stat_get_last_autoanalyze_time(c.oid))
        as analyzed
    from pg_class c where c.oid = 'item_search'::regclass`.execute(db);
  const row = result.rows[0];
  const estimated = Math.round(Number(row?.estimated ?? 0));
  const total =
    estimated >= exactlyCountedItems
      ? estimated
      : await countItemsExactly(db, estimated, exactlyCountedItems);
  if (total < exactlyCountedItems || !row?.analyzed) return { total, commonLexemes: new Map() };
  const key = `${row.database} ${String(row.analyzed)}`;
  let commonLexemes = commonLexemesByAnalysis.get(key);
  if (!commonLexemes) {
    commonLexemes = await loadCommonLexemes(db);
    commonLexemesByAnalysis.clear();
    commonLexemesByAnalysis.set(key, commonLexemes);
  }
  return { total, commonLexemes };
}

/**
 * The common lexemes of the last ANALYZE, remembered by database and time of analysis: they
 * change only when ANALYZE runs again, and reading 1,000 of them costs a search ~5 ms.
 */
const commonLexemesByAnalysis = new Map<string, ReadonlyMap<string, number>>();

async function loadCommonLexemes(db: SearchDatabase): Promise<ReadonlyMap<string, number>> {
  const result = await sql<{ lexemes: unknown; shares: unknown }>`
    select most_common_elems::text::text[] as lexemes, most_common_elem_freqs as shares
    from pg_stats where schemaname = current_schema() and tablename = 'item_search'
      and attname = 'document'`.execute(db);
  const row = result.rows[0];
  const lexemes = Array.isArray(row?.lexemes) ? (row.lexemes as string[]) : [];
  const shares = Array.isArray(row?.shares) ? (row.shares as unknown[]).map(Number) : [];
  // The shares list ends with three summary figures; only the lexemes' own shares are read.
  return new Map(lexemes.map((lexeme, index) => [lexeme, shares[index] ?? 0]));
}

/** Counts the items exactly, or up to the bound when the statistics are behind an import. */
async function countItemsExactly(
  db: SearchDatabase,
  estimated: number,
  exactlyCountedItems: number,
): Promise<number> {
  const result = await sql<{ counted: string | number }>`
    select count(*) as counted from (select 1 from item_search_facts
      limit ${exactlyCountedItems}) as bounded`.execute(db);
  return Math.max(Number(result.rows[0]?.counted ?? 0), estimated);
}

/** How many items contain a stem, counting no further than `atMost` (expansion's question). */
export async function countItemsWithStem(
  db: SearchDatabase,
  context: PostgresSearchContext,
  stem: string,
  atMost: number,
): Promise<number> {
  const statistics = await context.statistics();
  const share = statistics.commonLexemes.get(stem);
  if (share !== undefined) return Math.min(atMost, Math.round(share * statistics.total));
  const result = await sql<{ count: string | number }>`
    select count(*) as count from (select 1 from item_search
      where document @@ cast(${quoteLexeme(stem)} as tsquery) limit ${atMost}) as found`.execute(
    db,
  );
  return Number(result.rows[0]?.count ?? 0);
}

/** What ranking knows of a search's matches. */
export interface MatchCounts {
  total: number;
  highestId: number;
  lowestId: number;
  /** The items matching the search (for a phrase, those holding all its words). */
  selectionMatches: number;
  /** The items matching each part, as buildTsqueries orders the parts. */
  partMatches: number[];
}

/**
 * Counts the matches of each part of a search, and of the search as a whole, from the common
 * lexemes' shares where a part holds one, else from the GIN index; one query.
 */
export async function countMatches(
  db: SearchDatabase,
  context: PostgresSearchContext,
  search: ExpandedSearch,
): Promise<MatchCounts> {
  const statistics = await context.statistics();
  const counting = buildCountingTsqueries(search);
  const estimates = [
    ...search.phrases.map((stems) => estimatePhrase(stems, statistics)),
    ...search.groups.map((group) => estimateGroup(group, statistics)),
  ];
  const counted = counting.parts.map((part, index) =>
    estimates[index] === null
      ? sql`(select count(*) from item_search where document @@ cast(${part} as tsquery))`
      : sql`cast(null as bigint)`,
  );
  const result = await sql<{ highest: number | null; lowest: number | null; counts: unknown }>`
    select (select max(item_id) from item_search) as highest,
      (select min(item_id) from item_search) as lowest,
      array[${sql.join(counted)}]::bigint[] as counts`.execute(db);
  const row = result.rows[0];
  const counts = Array.isArray(row?.counts) ? (row.counts as unknown[]) : [];
  const partMatches = estimates.map((estimate, index) => estimate ?? Number(counts[index] ?? 0));
  return {
    total: statistics.total,
    highestId: Number(row?.highest ?? 0),
    lowestId: Number(row?.lowest ?? 0),
    selectionMatches: Math.min(
      statistics.total,
      search.phrases.length > 0
        ? Math.min(...partMatches.slice(0, search.phrases.length))
        : partMatches.reduce((sum, matches) => sum + matches, 0),
    ),
    partMatches,
  };
}

/** A phrase holding a common word: at most as many items as its rarest word. */
function estimatePhrase(stems: readonly string[], statistics: IndexStatistics): number | null {
  const shares = stems.map((stem) => statistics.commonLexemes.get(stem));
  if (shares.some((share) => share === undefined)) return null;
  return Math.round(Math.min(...(shares as number[])) * statistics.total);
}

/**
 * A word group with a common stem: the sum of its common stems' shares (the stems the prefix
 * covers included), at most every item. Overlaps make it too high, which ranks fewer items
 * rather than reading more tsvectors than planned.
 */
function estimateGroup(group: TermGroup, statistics: IndexStatistics): number | null {
  const prefix = group.prefix;
  const counted = new Set<string>();
  let share = 0;
  const add = (lexeme: string) => {
    const found = statistics.commonLexemes.get(lexeme);
    if (found === undefined || counted.has(lexeme)) return;
    counted.add(lexeme);
    share += found;
  };
  for (const stem of exactAlternatives(group)) add(stem);
  if (prefix)
    for (const lexeme of statistics.commonLexemes.keys())
      if (lexeme.startsWith(prefix)) add(lexeme);
  return counted.size > 0 ? Math.round(Math.min(1, share) * statistics.total) : null;
}
