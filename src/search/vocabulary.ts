import { sql } from 'kysely';
import type { SearchDatabase } from './search-schema.ts';

/**
 * The vocabulary of indexed stems (`search_terms`), which the trigram index searches for
 * compounds. Looking every stem of every item up in the database would cost more than the rest
 * of indexing together (an item has ~300 distinct stems), so each process remembers which
 * terms a database already has and inserts only new ones.
 *
 * What the process remembers is only what it has seen committed, so a rollback can never leave
 * it believing in a term the database lacks:
 * - terms other transactions committed are read by id, above the highest id seen so far;
 * - terms this process inserted are remembered by id until a later transaction sees them (their
 *   transaction committed, perhaps after others with higher ids); until then the process does
 *   not count on them, and a transaction that meets such a term inserts it again (a no-op, or a
 *   short wait while the first transaction ends);
 * - within one transaction, its own inserts are skipped.
 * The memory is per database (`search_metadata.database_id`), and starts over when the highest
 * id went down (the database was restored). Terms are never removed when items are: the
 * vocabulary may hold stems no item has any more, which costs nothing but a useless
 * alternative in a query.
 */

interface KnownTerms {
  /** Terms seen committed. */
  terms: Set<string>;
  /** The highest id among them, read from the database. */
  highestId: number;
  /** Ids this process inserted and has not yet seen committed, with their terms. */
  unconfirmed: Map<number, string>;
}

/** What one transaction inserted, so that it neither inserts nor learns its own terms twice. */
interface OwnInserts {
  terms: Set<string>;
  ids: Set<number>;
}

const knownTermsByDatabase = new Map<string, KnownTerms>();
/** By the transaction's executor, which every view of one transaction shares. */
const ownInsertsByTransaction = new WeakMap<object, OwnInserts>();
const insertChunkSize = 500;
/** Unconfirmed ids checked at most: beyond it the oldest are dropped (their writes failed). */
const maximumUnconfirmed = 1000;

/** Adds the stems the vocabulary does not have yet. Runs in the caller's transaction. */
export async function addToVocabulary(
  db: SearchDatabase,
  stemLists: ReadonlyArray<readonly string[]>,
): Promise<void> {
  const own = ownInsertsOf(db);
  const known = await syncKnownTerms(db, own);
  const unknown = new Set<string>();
  for (const stems of stemLists)
    for (const stem of stems) if (!known.terms.has(stem) && !own.terms.has(stem)) unknown.add(stem);
  const newTerms: string[] = [];
  for (const stem of unknown) {
    if (isWorthKnowing(stem)) newTerms.push(stem);
    // Never inserted, so safe to remember at once: the next batch skips the test.
    else known.terms.add(stem);
  }
  // One order for every transaction, so that two inserting the same new terms wait for each
  // other rather than deadlock.
  newTerms.sort();
  for (let start = 0; start < newTerms.length; start += insertChunkSize) {
    const chunk = newTerms.slice(start, start + insertChunkSize);
    const inserted = await db
      .insertInto('search_terms')
      .values(chunk.map((term) => ({ term })))
      .onConflict((conflict) => conflict.column('term').doNothing())
      .returning(['id', 'term'])
      .execute();
    if (!db.isTransaction) {
      // Each statement committed alone: the terms are in the database now.
      for (const term of chunk) known.terms.add(term);
      continue;
    }
    for (const term of chunk) own.terms.add(term);
    for (const row of inserted) {
      own.ids.add(Number(row.id));
      known.unconfirmed.set(Number(row.id), row.term);
    }
  }
  while (known.unconfirmed.size > maximumUnconfirmed)
    known.unconfirmed.delete(known.unconfirmed.keys().next().value ?? 0);
}

/**
 * Only stems that can be a compound or a spelling variant of a query word: four letters or
 * more, no digits (numbers, amounts and dates would otherwise fill the vocabulary).
 */
function isWorthKnowing(stem: string): boolean {
  return stem.length >= 4 && !/\p{N}/u.test(stem);
}

function ownInsertsOf(db: SearchDatabase): OwnInserts {
  const executor = db.getExecutor();
  let own = ownInsertsByTransaction.get(executor);
  if (!own) {
    own = { terms: new Set(), ids: new Set() };
    // Outside a transaction every statement commits alone: nothing to keep.
    if (db.isTransaction) ownInsertsByTransaction.set(executor, own);
  }
  return own;
}

async function syncKnownTerms(db: SearchDatabase, own: OwnInserts): Promise<KnownTerms> {
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
    known = { terms: new Set(), highestId: 0, unconfirmed: new Map() };
    knownTermsByDatabase.set(state.value, known);
  }
  const unconfirmed = [...known.unconfirmed.keys()].filter((id) => !own.ids.has(id));
  if (highestId <= known.highestId && unconfirmed.length === 0) return known;
  const seenIds = unconfirmed.length > 0 ? sql`or id in (${sql.join(unconfirmed)})` : sql`or false`;
  const rows = await sql<{ id: number; term: string }>`
    select id, term from search_terms where id > ${known.highestId} ${seenIds}`.execute(db);
  for (const row of rows.rows) {
    const id = Number(row.id);
    // This transaction's own rows are not committed yet: it may still roll back.
    if (own.ids.has(id)) continue;
    known.terms.add(row.term);
    known.unconfirmed.delete(id);
    if (id > known.highestId) known.highestId = id;
  }
  return known;
}
