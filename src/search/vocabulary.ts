import type { SearchDatabase } from './search-schema.ts';

/**
 * The vocabulary of indexed stems (`search_terms`), which the trigram index searches for
 * compounds. Looking every stem of every item up in the database would cost more than the rest
 * of indexing together (an item has ~300 distinct stems), so each process remembers which
 * terms a database already has and inserts only new ones.
 *
 * The memory is per database (`search_metadata.database_id`), synced by id with terms other
 * processes added, and dropped when the highest id went down (a rolled-back transaction). What
 * it cannot see is a rollback in one process hidden by inserts from another; then a compound
 * can be missing from expansion until the process restarts. Terms are never removed when
 * items are: the vocabulary may hold stems no item has any more, which costs nothing but a
 * useless alternative in a query.
 */

interface KnownTerms {
  terms: Set<string>;
  highestId: number;
}

const knownTermsByDatabase = new Map<string, KnownTerms>();
const insertChunkSize = 500;

/** Adds the stems the vocabulary does not have yet. Runs in the caller's transaction. */
export async function addToVocabulary(
  db: SearchDatabase,
  stemLists: ReadonlyArray<readonly string[]>,
): Promise<void> {
  const known = await syncKnownTerms(db);
  const unknown = new Set<string>();
  for (const stems of stemLists)
    for (const stem of stems) if (!known.terms.has(stem)) unknown.add(stem);
  const newTerms: string[] = [];
  for (const stem of unknown) {
    if (isWorthKnowing(stem)) newTerms.push(stem);
    // Remembered as known, so that the next batch skips the test.
    else known.terms.add(stem);
  }
  for (let start = 0; start < newTerms.length; start += insertChunkSize) {
    const chunk = newTerms.slice(start, start + insertChunkSize);
    const inserted = await db
      .insertInto('search_terms')
      .values(chunk.map((term) => ({ term })))
      .onConflict((conflict) => conflict.column('term').doNothing())
      .returning('id')
      .execute();
    for (const term of chunk) known.terms.add(term);
    for (const row of inserted) known.highestId = Math.max(known.highestId, Number(row.id));
  }
}

/**
 * Only stems that can be a compound or a spelling variant of a query word: four letters or
 * more, no digits (numbers, amounts and dates would otherwise fill the vocabulary).
 */
function isWorthKnowing(stem: string): boolean {
  return stem.length >= 4 && !/\p{N}/u.test(stem);
}

async function syncKnownTerms(db: SearchDatabase): Promise<KnownTerms> {
  const state = await db
    .selectFrom('search_metadata')
    .select((eb) => [
      'value',
      eb
        .selectFrom('search_terms')
        .select((terms) => terms.fn.max('id').as('highest'))
        .as('highestId'),
    ])
    .where('name', '=', 'database_id')
    .executeTakeFirstOrThrow();
  const highestId = Number(state.highestId ?? 0);
  let known = knownTermsByDatabase.get(state.value);
  if (!known || highestId < known.highestId) {
    known = { terms: new Set(), highestId: 0 };
    knownTermsByDatabase.set(state.value, known);
  }
  if (highestId > known.highestId) {
    const rows = await db
      .selectFrom('search_terms')
      .select('term')
      .where('id', '>', known.highestId)
      .execute();
    for (const row of rows) known.terms.add(row.term);
    known.highestId = highestId;
  }
  return known;
}
