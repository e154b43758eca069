import { parentPort } from 'node:worker_threads';
import { type IndexableText, stemIndexableText } from './indexable-items.ts';

/** Worker entry: stems batches of item texts, so that an import uses both cores. */
parentPort?.on('message', (message: { batch: number; texts: IndexableText[] }) => {
  const items = message.texts.map(stemIndexableText);
  // The distinct stems of the batch, so the main thread checks each against the vocabulary
  // once rather than once per occurrence.
  const distinct = new Set<string>();
  for (const item of items) {
    for (const stem of item.titleStems) distinct.add(stem);
    for (const stem of item.bodyStems) distinct.add(stem);
    for (const stem of item.decisionStems) distinct.add(stem);
  }
  parentPort?.postMessage({ batch: message.batch, items, distinctStems: [...distinct] });
});
