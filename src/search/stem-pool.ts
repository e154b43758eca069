import { Worker } from 'node:worker_threads';
import { type IndexableText, type StemmedBatch, stemBatch } from './indexable-items.ts';

let worker: Worker | null = null;
let isWorkerBroken = false;
let nextBatch = 0;
const waiting = new Map<number, (batch: StemmedBatch) => void>();

/**
 * Stems item texts in a worker thread, so that the main thread can store the next meetings
 * meanwhile. Stemming is pure, so when no worker can run it happens in place instead.
 */
export function stemInBackground(texts: IndexableText[]): Promise<StemmedBatch> {
  const stemmer = startWorker();
  if (!stemmer) return Promise.resolve(stemBatch(texts));
  const batch = nextBatch++;
  return new Promise((resolve) => {
    waiting.set(batch, resolve);
    stemmer.ref();
    stemmer.postMessage({ batch, texts });
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
  worker.on('message', (reply: { batch: number } & StemmedBatch) => {
    waiting.get(reply.batch)?.({ items: reply.items, distinctStems: reply.distinctStems });
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
  for (const resolve of waiting.values()) resolve({ items: [], distinctStems: [] });
  waiting.clear();
}
