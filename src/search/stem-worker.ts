import { parentPort } from 'node:worker_threads';
import { type IndexableText, stemBatch } from './indexable-items.ts';

/** Worker entry: stems batches of item texts, so that an import uses both cores. */
parentPort?.on('message', (message: { batch: number; texts: IndexableText[] }) => {
  parentPort?.postMessage({ batch: message.batch, ...stemBatch(message.texts) });
});
