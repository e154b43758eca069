import { availableParallelism } from 'node:os';
import Tinypool from 'tinypool';
import type { SearchHit, SearchQuery } from './search-provider.ts';
import { SearchQueryError } from './search-provider.ts';

/**
 * Searches on SQLite run in worker threads, each with its own read connection to the file
 * (WAL lets readers work beside the writer), so that the main thread only routes and answers:
 * a search's 7–14 ms of stemming, ranking and snippets no longer hold up every other request.
 * What a worker sends back is plain data; a query the user must fix comes back as such.
 */

/** One search for a worker: the database file and the query (its scope included). */
export interface SearchTask {
  file: string;
  query: SearchQuery;
}

/** A worker's answer: the hits, or the message of a query the user must fix. */
export type SearchTaskResult = { hits: SearchHit[] } | { queryError: string };

/** Searches waiting beyond this are refused (503) rather than queued without end. */
const maxQueue = 500;

/** The number of search threads: REFERAT_SEARCH_THREADS, else one per core. 0 = main thread. */
export function searchThreadsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): number {
  const raw = environment.REFERAT_SEARCH_THREADS?.trim();
  if (!raw) return availableParallelism();
  const threads = Number(raw);
  if (!Number.isInteger(threads) || threads < 0 || threads > 64)
    throw new Error(`REFERAT_SEARCH_THREADS skal være et antal tråde (0–64), ikke "${raw}"`);
  return threads;
}

/** Thrown when the pool's queue is full: the server answers 503. */
export class SearchBusyError extends Error {
  override readonly name = 'SearchBusyError';
}

/** A pool of search threads. */
export interface SearchPool {
  run(task: SearchTask): Promise<SearchHit[]>;
  close(): Promise<void>;
}

/** Starts a pool of `threads` search workers (started as searches arrive). */
export function createSearchPool(threads: number): SearchPool {
  const pool = new Tinypool({
    filename: new URL('./search-worker.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    maxQueue,
    // An idle worker keeps its connection and caches for a while, then goes.
    idleTimeout: 60_000,
  });
  return {
    async run(task) {
      if (pool.queueSize >= maxQueue)
        throw new SearchBusyError('Søgningen har travlt lige nu. Prøv igen om et øjeblik.');
      const result = (await pool.run(task)) as SearchTaskResult;
      if ('queryError' in result) throw new SearchQueryError(result.queryError);
      return result.hits;
    },
    close: () => pool.destroy(),
  };
}
