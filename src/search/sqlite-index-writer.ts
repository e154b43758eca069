import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { isHeldByAnotherWriter } from '../store/write-conflicts.ts';
import {
  type FtsReadyItem,
  loadIndexableTexts,
  type StemmedBatch,
  saveSearchFacts,
  stemBatch,
} from './indexable-items.ts';
import { type SearchDatabase, withSearchTables } from './search-schema.ts';
import { stemInBackground } from './stem-pool.ts';
import { addToVocabulary } from './vocabulary.ts';

/**
 * Index maintenance on SQLite, in batches. FTS5 spends about a millisecond on every
 * transaction that writes to it (it flushes its pending terms into a new segment and merges
 * segments): at one meeting per transaction that is more than the indexing itself. So
 * indexItems only records the ids in `item_search_pending`, in the caller's transaction, and
 * once 500 are pending (or before any search) one batch reads them from the store, stems them
 * and writes FTS5, the filter facts, the vocabulary and its trigram index. The pending ids
 * are part of the index: a rollback or a stop loses nothing, and a search never sees a stale
 * index, because it completes the batch first.
 */

/** Pending items that make a batch worth its fixed cost. */
const pendingLimit = 500;
/** Items per multi-row insert into FTS5 (four parameters each). */
const insertChunkSize = 100;
/** Items read from the store at a time. */
const batchChunkSize = 500;

/**
 * Records items to (re)index. Once enough are pending, their text is read and sent to a worker
 * thread for stemming while the import goes on; the stems are written to FTS5 by a later call
 * (or before the next search), in that call's transaction. The pending rows stay until then,
 * so a rollback, a crash or a failed worker loses nothing: what is still pending is indexed in
 * place before any search.
 */
export async function indexItemsOnSqlite(
  db: Kysely<DatabaseSchema>,
  itemIds: readonly number[],
): Promise<void> {
  if (itemIds.length === 0) return;
  const searchDb = withSearchTables(db);
  for (let start = 0; start < itemIds.length; start += 500) {
    const ids = itemIds.slice(start, start + 500).map((id) => sql`(${id})`);
    await sql`insert or ignore into item_search_pending (item_id) values ${sql.join(ids)}`.execute(
      searchDb,
    );
  }
  const batches = await backgroundBatchesOf(searchDb);
  for (const id of itemIds) {
    // An item recorded again must be stemmed again: a batch under way has its old text.
    batches.dispatched.delete(id);
    batches.undispatched.add(id);
  }
  await writeFinishedBatches(searchDb, batches);
  if (batches.undispatched.size >= pendingLimit) await dispatchBatch(searchDb, batches);
}

/** Batches of one database being stemmed in the background, by item id. */
interface BackgroundBatches {
  /** Item id → the batch stemming it. */
  dispatched: Map<number, number>;
  /** Items recorded by this process and not yet sent to the worker. */
  undispatched: Set<number>;
  inFlight: Array<{
    token: number;
    ids: number[];
    done: Promise<void>;
    stemmed: StemmedBatch | null;
  }>;
}

const batchesByDatabase = new Map<string, BackgroundBatches>();
let nextToken = 0;

async function backgroundBatchesOf(db: SearchDatabase): Promise<BackgroundBatches> {
  const row = await db
    .selectFrom('search_metadata')
    .select('value')
    .where('name', '=', 'database_id')
    .executeTakeFirst();
  const key = row?.value ?? '';
  let batches = batchesByDatabase.get(key);
  if (!batches) {
    batches = { dispatched: new Map(), undispatched: new Set(), inFlight: [] };
    batchesByDatabase.set(key, batches);
  }
  return batches;
}

async function dispatchBatch(db: SearchDatabase, batches: BackgroundBatches): Promise<void> {
  const ids = [...batches.undispatched];
  batches.undispatched.clear();
  const token = nextToken++;
  for (const id of ids) batches.dispatched.set(id, token);
  const texts = await loadIndexableTexts(db, ids);
  const batch = { token, ids, stemmed: null as StemmedBatch | null, done: Promise.resolve() };
  batch.done = stemInBackground(texts).then((stemmed) => {
    batch.stemmed = stemmed;
  });
  batches.inFlight.push(batch);
}

/** Writes the stems of finished background batches, for items still pending as sent. */
async function writeFinishedBatches(db: SearchDatabase, batches: BackgroundBatches): Promise<void> {
  for (const batch of batches.inFlight.filter((candidate) => candidate.stemmed !== null)) {
    batches.inFlight.splice(batches.inFlight.indexOf(batch), 1);
    const current = (batch.stemmed?.items ?? []).filter(
      (item) => batches.dispatched.get(item.facts.item_id) === batch.token,
    );
    for (const id of batch.ids)
      if (batches.dispatched.get(id) === batch.token) batches.dispatched.delete(id);
    if (current.length === 0) continue;
    const stillPending = await sql<{ item_id: number }>`
      delete from item_search_pending where item_id in (${sql.join(current.map((item) => item.facts.item_id))})
      returning item_id`.execute(db);
    const pendingIds = new Set(stillPending.rows.map((row) => Number(row.item_id)));
    // The batch's distinct stems may include some of items left out; the vocabulary may hold
    // stems no item has (see vocabulary.ts), so that costs nothing but saves a pass.
    await writeIndexedItems(
      db,
      current.filter((item) => pendingIds.has(item.facts.item_id)),
      batch.stemmed?.distinctStems ?? [],
    );
  }
}

/** Waits for the batches under way and writes them: before a search, everything is indexed. */
async function settleBackgroundBatches(db: SearchDatabase): Promise<void> {
  const batches = await backgroundBatchesOf(db);
  await Promise.all(batches.inFlight.map((batch) => batch.done));
  await writeFinishedBatches(db, batches);
  batches.undispatched.clear();
}

async function writeIndexedItems(
  db: SearchDatabase,
  items: readonly FtsReadyItem[],
  distinctStems: readonly string[],
): Promise<void> {
  if (items.length === 0) return;
  for (let offset = 0; offset < items.length; offset += insertChunkSize) {
    const rows = items.slice(offset, offset + insertChunkSize).map(toFtsRow);
    // "or replace" re-indexes an item in one statement; contentless_delete allows it.
    await sql`insert or replace into item_search (rowid, title, body, decision)
      values ${sql.join(rows)}`.execute(db);
  }
  await saveSearchFacts(db, [...items.map((item) => item.facts)]);
  await addToVocabulary(db, [distinctStems]);
  await indexNewTerms(db);
}

/** Removes items from the index, pending or indexed. */
export async function removeItemsOnSqlite(
  db: Kysely<DatabaseSchema>,
  itemIds: readonly number[],
): Promise<void> {
  const searchDb = withSearchTables(db);
  const batches = await backgroundBatchesOf(searchDb);
  for (const id of itemIds) {
    batches.dispatched.delete(id);
    batches.undispatched.delete(id);
  }
  for (let start = 0; start < itemIds.length; start += 500) {
    const ids = itemIds.slice(start, start + 500);
    await sql`delete from item_search_pending where item_id in (${sql.join(ids)})`.execute(
      searchDb,
    );
    await removeFromIndex(searchDb, ids);
  }
}

/**
 * Indexes the pending items so that a search sees everything; one small query when nothing is
 * pending. Inside a caller's transaction it joins it; otherwise it takes its own, and when
 * another process holds the write lock it leaves the batch to that process or a later search.
 */
export async function makeIndexCurrent(db: Kysely<DatabaseSchema>): Promise<void> {
  const searchDb = withSearchTables(db);
  const state = await sql<{ hasPending: number }>`
    select exists (select 1 from item_search_pending) as hasPending`.execute(searchDb);
  if (!state.rows[0]?.hasPending) return;
  const indexEverything = async (transaction: SearchDatabase): Promise<void> => {
    await settleBackgroundBatches(transaction);
    await indexPendingItems(transaction);
  };
  if (searchDb.isTransaction) return indexEverything(searchDb);
  try {
    await searchDb.transaction().execute(indexEverything);
  } catch (error) {
    if (!isHeldByAnotherWriter(error)) throw error;
  }
}

async function indexPendingItems(db: SearchDatabase): Promise<void> {
  const pending = await sql<{ id: number }>`
    select item_id as id from item_search_pending order by item_id`.execute(db);
  const ids = pending.rows.map((row) => Number(row.id));
  for (let start = 0; start < ids.length; start += batchChunkSize) {
    const chunk = ids.slice(start, start + batchChunkSize);
    const { items, distinctStems } = stemBatch(await loadIndexableTexts(db, chunk));
    // Items deleted since they were recorded leave the index instead.
    const found = new Set(items.map((item) => item.facts.item_id));
    await removeFromIndex(
      db,
      chunk.filter((id) => !found.has(id)),
    );
    await writeIndexedItems(db, items, distinctStems);
    await sql`delete from item_search_pending where item_id in (${sql.join(chunk)})`.execute(db);
  }
}

/** Adds the vocabulary's new terms to its trigram index. */
async function indexNewTerms(db: SearchDatabase): Promise<void> {
  await sql`insert into search_terms_trigram (rowid, term)
    select id, term from search_terms
    where id > (select cast(value as integer) from search_metadata
                where name = 'trigram_indexed_through')`.execute(db);
  await sql`update search_metadata
    set value = (select coalesce(max(id), 0) from search_terms)
    where name = 'trigram_indexed_through'`.execute(db);
}

async function removeFromIndex(db: SearchDatabase, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`delete from item_search where rowid in (${sql.join([...ids])})`.execute(db);
  await db.deleteFrom('item_search_facts').where('item_id', 'in', ids).execute();
}

function toFtsRow(item: FtsReadyItem) {
  return sql`(${item.facts.item_id}, ${item.title}, ${item.body}, ${item.decision})`;
}
