import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Meeting, meetingSchema } from '../core/meeting.ts';
import { parseFileWithTimeLimit } from '../parse/parse-with-time-limit.ts';
import { UserError } from './user-error.ts';

/**
 * Reads the meeting a command works on: a Meeting JSON document, or any file that
 * `referat parse` reads (then parsed first).
 */
export async function readMeetingInput(path: string): Promise<Meeting> {
  if (extname(path).toLowerCase() !== '.json') return (await parseFileWithTimeLimit(path)).meeting;
  const text = await readFile(path, 'utf8').catch(() => {
    throw new UserError(`filen kan ikke læses: ${path}`);
  });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `${path} er ikke gyldig JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const result = meetingSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || 'dokumentet';
    throw new UserError(
      `${path} er ikke et gyldigt mødedokument: ${where}: ${issue?.message ?? 'ukendt fejl'}`,
    );
  }
  return result.data;
}
