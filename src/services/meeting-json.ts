import { z } from 'zod';
import { type Meeting, meetingSchema } from '../core/meeting.ts';

/** A decoded Meeting document, or why the data is not one (one Danish line). */
export type DecodedMeeting = { ok: true; meeting: Meeting } | { ok: false; reason: string };

/** Zod's Danish messages, so that a secretary can read why a document was refused. */
const danishErrors = z.locales.da().localeError;

/** Checks data against the Meeting schema; the reason names the first field that is wrong. */
export function decodeMeeting(data: unknown): DecodedMeeting {
  const result = meetingSchema.safeParse(data, { error: danishErrors });
  if (result.success) return { ok: true, meeting: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.join('.') || 'dokumentet';
  return {
    ok: false,
    reason: `ikke et gyldigt mødedokument: ${where}: ${issue?.message ?? 'ukendt fejl'}`,
  };
}

/** The outcome of reading JSON text. */
export type ParsedJson = { ok: true; data: unknown } | { ok: false; reason: string };

/** Parses JSON text; the reason is Danish and points at the character where it went wrong. */
export function parseJsonText(text: string): ParsedJson {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    const position = /position (\d+)/u.exec(error instanceof Error ? error.message : '')?.[1];
    return {
      ok: false,
      reason: position ? `ugyldig JSON ved tegn ${Number(position) + 1}` : 'ugyldig JSON',
    };
  }
}

/** Decodes one line of a JSON Lines file, or one .json file's text, as a Meeting. */
export function decodeMeetingText(text: string): DecodedMeeting {
  const parsed = parseJsonText(text);
  return parsed.ok ? decodeMeeting(parsed.data) : parsed;
}
