import { parentPort } from 'node:worker_threads';
import { type IndexableText, stemBatch } from './indexable-items.ts';
import { buildTsvectorEntries } from './postgres-text-search.ts';

/**
 * Worker entry: stems batches of item texts, so that an import uses both cores. `fts` answers
 * FTS5's joined fields (SQLite), `tsvector` PostgreSQL's tsvector entries.
 */
parentPort?.on(
  'message',
  (message: { batch: number; form: 'fts' | 'tsvector'; texts: IndexableText[] }) => {
    const result =
      message.form === 'tsvector' ? buildTsvectorEntries(message.texts) : stemBatch(message.texts);
    parentPort?.postMessage({ batch: message.batch, result });
  },
);
