import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { UserError } from './user-error.ts';

/**
 * Writes a command's output file atomically (a temporary file, then a rename), so that a
 * failed or interrupted run never leaves half a document, and never overwrites the input.
 * "-" writes to standard output.
 */
export async function writeOutputFile(
  path: string,
  content: Uint8Array,
  inputPath?: string,
): Promise<void> {
  if (path === '-') {
    process.stdout.write(content);
    return;
  }
  if (inputPath && resolve(path) === resolve(inputPath)) {
    throw new UserError('outputfilen må ikke være den samme som inputfilen');
  }
  const temporary = join(dirname(resolve(path)), `.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'ukendt fejl';
    throw new UserError(`kan ikke skrive ${path} (${reason})`);
  }
}
