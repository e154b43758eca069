import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/** Where streamed output goes, with the stream's back-pressure respected. */
export interface OutputSink {
  write(chunk: string | Uint8Array): Promise<void>;
}

/** The output file could not be written (missing folder, no rights, disk full): one line. */
export class OutputFileError extends Error {
  override readonly name = 'OutputFileError';
}

/**
 * Wraps a writable stream as a sink that waits when the stream's buffer is full, so that a
 * large export or backup never piles up in memory. A stream error is kept and thrown from the
 * next write instead of crashing the process as an unhandled 'error' event.
 */
export function createStreamSink(stream: Writable): OutputSink & { failure(): Error | null } {
  let failure: Error | null = null;
  stream.on('error', (error) => {
    failure ??= error;
  });
  return {
    failure: () => failure,
    async write(chunk) {
      if (failure) throw failure;
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
  };
}

/**
 * Writes a file through a sink: to a temporary file beside it, renamed over the target only
 * when everything was written, so an interrupted or failed run never leaves half a file and
 * never harms the file that was there. Gzip compresses on the way when asked.
 */
export async function writeFileAtomically<Result>(
  path: string,
  produce: (sink: OutputSink) => Promise<Result>,
  options: { isGzip?: boolean } = {},
): Promise<Result> {
  const target = resolve(path);
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const file = createWriteStream(temporary, { flags: 'wx' });
  const gzip = options.isGzip ? createGzip() : null;
  const fileSink = createStreamSink(file);
  const written = gzip ? pipeline(gzip, file) : null;
  // The pipeline's own rejection is read below; this keeps it from counting as unhandled meanwhile.
  written?.catch(() => undefined);
  const sink = gzip ? createStreamSink(gzip) : fileSink;
  try {
    const result = await produce(sink);
    if (gzip && written) {
      gzip.end();
      await written;
    } else {
      file.end();
      await once(file, 'finish');
    }
    await rename(temporary, target);
    return result;
  } catch (error) {
    file.destroy();
    gzip?.destroy();
    await rm(temporary, { force: true });
    const fileFailure = fileSink.failure();
    if (fileFailure || isFileSystemError(error)) {
      const code = codeOf(fileFailure ?? error);
      throw new OutputFileError(`kan ikke skrive ${path} (${code})`);
    }
    throw error;
  }
}

function isFileSystemError(error: unknown): boolean {
  return /^E[A-Z]+$/u.test(codeOf(error));
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : 'ukendt fejl';
}
