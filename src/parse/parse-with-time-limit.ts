import { Worker } from 'node:worker_threads';
import type { ParseResult } from './minutes-parser.ts';
import { ParseError } from './parse-error.ts';

/** Default bound on the time spent on one file. */
export const defaultParseTimeoutMs = 60_000;

type WorkerReply =
  | { ok: true; result: ParseResult }
  | { ok: false; isUserError: boolean; message: string }
  | { progress: string };

/**
 * Parses a file in a worker thread and stops it when the time limit runs out, so that a
 * pathological document can never hang the command: a timer on the main thread cannot
 * interrupt synchronous work, but terminating a worker can. The limit is for the time without
 * progress: long work that reports each step (OCR, page by page) starts the limit over.
 */
export function parseFileWithTimeLimit(
  path: string,
  options: {
    timeoutMs?: number;
    maxFileBytes?: number;
    onProgress?: (message: string) => void;
  } = {},
): Promise<ParseResult> {
  const timeoutMs = options.timeoutMs ?? defaultParseTimeoutMs;
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
    workerData: { path, maxFileBytes: options.maxFileBytes },
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
  return new Promise<ParseResult>((resolve, reject) => {
    const giveUp = (): void => {
      void worker.terminate();
      reject(
        new ParseError(
          `opgivet efter ${Math.round(timeoutMs / 1000)} s: dokumentet tager for lang tid at læse`,
        ),
      );
    };
    let timer = setTimeout(giveUp, timeoutMs);
    const finish = (): void => clearTimeout(timer);
    worker.on('message', (reply: WorkerReply) => {
      if ('progress' in reply) {
        finish();
        timer = setTimeout(giveUp, timeoutMs);
        options.onProgress?.(reply.progress);
        return;
      }
      finish();
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(reply.isUserError ? new ParseError(reply.message) : new Error(reply.message));
    });
    worker.once('error', (error) => {
      finish();
      reject(
        /memory/iu.test(error.message)
          ? new ParseError('dokumentet kræver for meget hukommelse at læse')
          : new Error(error.message.split('\n')[0]),
      );
    });
    worker.once('exit', (code) => {
      finish();
      reject(new Error(`læseren stoppede uventet (kode ${code})`));
    });
  });
}
