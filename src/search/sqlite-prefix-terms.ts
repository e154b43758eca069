import { sql } from 'kysely';
import type { SearchDatabase } from './search-schema.ts';
import { maximumNamedPrefixTerms, maximumPrefixTerms } from './search-settings.ts';

/**
 * How SQLite matches the stems beginning with a compound prefix (see
 * ExpansionSource.findTermsBeginning). FTS5 answers a prefix term by reading and merging the
 * item list of every indexed stem that begins with it, each time it evaluates the query, and a
 * search evaluates it several times (estimate, selectivity, ranking): fine for the few dozen
 * compounds of "sygefravær", ~0.5 s for "budge" in an archive of 100,000 items whose
 * vocabulary holds 3,000 stems beginning with it. Such a prefix is named instead by its most
 * frequent stems: the compounds people write rather than the glued words of a bad PDF, which
 * each turn up in one item.
 *
 * Counting items per stem (`item_search_terms`, an fts5vocab view) reads the same item lists,
 * once, so the choice is remembered per database and prefix until the vocabulary grows; it
 * only says which compounds to name, so counts that drifted since cost nothing but a slightly
 * different choice.
 */

const highestCharacter = String.fromCodePoint(0x10ffff);
/** A named stem is in at least a tenth as many items as the most frequent one. */
const namedFrequencyRatio = 10;
const remembered = new Map<string, { highestId: number; terms: string[] }>();
const maximumRemembered = 2000;

/** Null to match the prefix as one term, or the most frequent stems beginning with it. */
export async function findTermsBeginningOnSqlite(
  db: SearchDatabase,
  prefix: string,
): Promise<string[] | null> {
  // Every stem beginning with the prefix sorts between it and the prefix followed by the
  // highest character: SQLite compares text as UTF-8 bytes, which keeps code point order.
  const end = `${prefix}${highestCharacter}`;
  const state = await sql<{ count: number; database: string; highestId: number | null }>`
    select
      (select count(*) from (select 1 from search_terms
        where term >= ${prefix} and term < ${end} limit ${maximumPrefixTerms + 1})) as count,
      (select value from search_metadata where name = 'database_id') as database,
      (select max(id) from search_terms) as highestId`.execute(db);
  const row = state.rows[0];
  if (!row || Number(row.count) <= maximumPrefixTerms) return null;
  const key = `${row.database}\u0000${prefix}`;
  const highestId = Number(row.highestId ?? 0);
  const known = remembered.get(key);
  if (known && known.highestId === highestId) return known.terms;
  // A stem in more than half the items weighs nothing in bm25 (FTS5 clamps its idf to almost
  // zero): it would only make the query slower, and match items it cannot rank.
  const result = await sql<{ term: string; doc: number }>`
    select term, doc from item_search_terms
    where term >= ${prefix} and term < ${end}
      and doc * 2 <= (select count(*) from item_search_facts)
    order by doc desc, term limit ${maximumNamedPrefixTerms}`.execute(db);
  // Each named stem is a phrase of its own in bm25, weighed by its own rarity: a stem in one
  // item (a glued word) or in far fewer than the most frequent would outrank the compounds
  // the word is mostly found in, so only those in enough items are named.
  const fewest = Math.max(2, Number(result.rows[0]?.doc ?? 0) / namedFrequencyRatio);
  const terms = result.rows
    .filter((found) => Number(found.doc) >= fewest)
    .map((found) => found.term);
  if (remembered.size >= maximumRemembered) remembered.clear();
  remembered.set(key, { highestId, terms });
  return terms;
}
