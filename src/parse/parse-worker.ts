import { parentPort, workerData } from 'node:worker_threads';
import { parseDocumentFile } from './parse-document.ts';
import { ParseError } from './parse-error.ts';

/** Worker entry: parses one file and posts progress, then the result or a one-line error. */
const { path, maxFileBytes } = workerData as { path: string; maxFileBytes?: number };
try {
  const result = await parseDocumentFile(path, {
    maxFileBytes,
    // Long work (OCR) reports each step, which also tells the parent the worker is alive.
    onProgress: (message) => parentPort?.postMessage({ progress: message }),
  });
  parentPort?.postMessage({ ok: true, result });
} catch (error) {
  const isUserError = error instanceof ParseError;
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  parentPort?.postMessage({ ok: false, isUserError, message });
}
