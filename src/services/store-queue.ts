import { isRetryableConflict } from '../store/write-conflicts.ts';

/**
 * Runs an import's writes with several transactions in flight, for PostgreSQL, where a meeting's
 * transaction spends most of its time waiting for round trips that others can fill. Two writes
 * with the same key (one meeting, by forum and date) run in the order they were added, so the
 * later line of a file still wins; different keys overlap.
 */
export interface StoreQueue {
  /**
   * Starts a task once fewer than `concurrency` are running (and its key's earlier task has
   * ended), and resolves when it has started. The task handles its own outcome: the queue
   * never rejects.
   */
  add(key: string, task: () => Promise<void>): Promise<void>;
  /** Waits for every task added so far. */
  drain(): Promise<void>;
}

/** Creates a queue; a concurrency of 1 runs each task to its end before the next starts. */
export function createStoreQueue(concurrency: number): StoreQueue {
  const running = new Set<Promise<void>>();
  const lastByKey = new Map<string, Promise<void>>();
  return {
    async add(key, task) {
      while (running.size >= Math.max(1, concurrency)) await Promise.race(running);
      const previous = lastByKey.get(key);
      const run: Promise<void> = (previous ?? Promise.resolve())
        .then(task)
        .catch(() => {})
        .finally(() => {
          running.delete(run);
          if (lastByKey.get(key) === run) lastByKey.delete(key);
        });
      running.add(run);
      lastByKey.set(key, run);
    },
    async drain() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}

/** Times a write is tried when it keeps losing races with concurrent ones. */
const attempts = 4;

/**
 * Runs a write, again when it lost a race with a concurrent transaction (see
 * isRetryableConflict): its transaction was rolled back whole, so running it again is safe.
 * The last attempt's error is the one that counts.
 */
export async function retryConflicts<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error)) throw error;
      // A short, growing pause lets the transaction that won finish first.
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt * Math.random()));
    }
  }
}
