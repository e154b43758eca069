import { Worker } from 'node:worker_threads';
import {
  type IndexableText,
  type ItemText,
  type StemmedBatch,
  stemBatch,
} from './indexable-items.ts';
import { buildTsvectorEntries, type TsvectorEntry } from './postgres-text-search.ts';

let worker: Worker | null = null;
let isWorkerBroken = false;
let nextBatch = 0;
/** Batches sent, each with how to answer it and what it answers if the worker fails. */
const waiting = new Map<number, { resolve: (result: unknown) => void; failed: unknown }>();

/**
 * Stems item texts in a worker thread, so that the main thread can store the next meetings
 * meanwhile. Stemming is pure, so when no worker can run it happens in place instead.
 */
export function stemInBackground(texts: IndexableText[]): Promise<StemmedBatch> {
  return runInWorker('fts', texts, () => stemBatch(texts), { items: [], distinctStems: [] });
}

/**
 * Stems item texts and writes their tsvectors in the worker thread. If the worker fails, the
 * answer is empty and the caller builds the entries itself.
 */
export function tsvectorsInBackground(texts: ItemText[]): Promise<TsvectorEntry[]> {
  return runInWorker('tsvector', texts, () => buildTsvectorEntries(texts), []);
}

function runInWorker<T>(
  form: 'fts' | 'tsvector',
  texts: readonly ItemText[],
  inPlace: () => T,
  failed: T,
): Promise<T> {
  const stemmer = startWorker();
  if (!stemmer) return Promise.resolve(inPlace());
  const batch = nextBatch++;
  return new Promise((resolve) => {
    waiting.set(batch, { resolve: resolve as (result: unknown) => void, failed });
    stemmer.ref();
    stemmer.postMessage({ batch, form, texts });
  });
}

function startWorker(): Worker | null {
  if (worker || isWorkerBroken) return worker;
  try {
    worker = new Worker(new URL('./stem-worker.ts', import.meta.url));
  } catch {
    isWorkerBroken = true;
    return null;
  }
  worker.unref();
  worker.on('message', (reply: { batch: number; result: unknown }) => {
    waiting.get(reply.batch)?.resolve(reply.result);
    waiting.delete(reply.batch);
    // An idle worker must not keep a command from exiting.
    if (waiting.size === 0) worker?.unref();
  });
  worker.on('error', () => failWorker());
  worker.on('exit', () => failWorker());
  return worker;
}

/** A failed worker is not restarted: batches still waiting are stemmed by the caller's retry. */
function failWorker(): void {
  isWorkerBroken = true;
  worker = null;
  for (const batch of waiting.values()) batch.resolve(batch.failed);
  waiting.clear();
}
