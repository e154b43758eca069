/**
 * Checks for text people type into Referat: characters that no document may hold, text that
 * only looks filled in, and dates that only look like dates. Pure; the server refuses such input
 * before any service runs, and the services' zod schemas say the same in Danish.
 */
import { z } from 'zod';

/**
 * Whether text holds a NUL character or a lone UTF-16 surrogate (half of a character). Neither
 * can be stored in PostgreSQL text, written to a PDF or DOCX, or shown, so both are refused.
 */
export function hasForbiddenCharacters(text: string): boolean {
  return text.includes('\u0000') || !text.isWellFormed();
}

/**
 * Characters that show nothing on their own: white space, control and format characters (zero
 * width space and joiners, word joiner, byte order mark, soft hyphen, bidi controls), marks
 * that combine with nothing, other default-ignorable code points (Hangul fillers) and the
 * blank Braille pattern.
 */
const invisibleCharacters =
  '\\p{White_Space}\\p{Cc}\\p{Cf}\\p{Mn}\\p{Me}\\p{Default_Ignorable_Code_Point}\\u2800';
const visibleCharacter = new RegExp(`[^${invisibleCharacters}]`, 'u');

/**
 * Whether text shows at least one character. False for "", "   " and for text made only of
 * invisible characters such as U+200B, which would give an item a title nobody can see.
 */
export function isVisibleText(text: string): boolean {
  return visibleCharacter.test(text);
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/u;

/**
 * Whether text is a real calendar date written as YYYY-MM-DD: 2028-02-29 is, 2027-02-29 and
 * 2027-02-30 are not (Gregorian leap years: every fourth year, but not centuries unless
 * divisible by 400).
 */
export function isRealIsoDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const isoDateMessage = 'skal være en gyldig dato som 2026-12-03';

/** A real calendar date as YYYY-MM-DD, with a Danish message. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, { error: isoDateMessage, abort: true })
  .refine(isRealIsoDate, isoDateMessage);

/**
 * Trimmed text of at most `max` characters that shows something: refused with `emptyMessage`
 * when empty or made only of invisible characters, and refused when it holds a NUL or half a
 * character. For titles and names.
 */
export function visibleTextSchema(max: number, emptyMessage: string) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((text) => !hasForbiddenCharacters(text), {
      error: 'indeholder et tegn, der ikke er tilladt',
      abort: true,
    })
    .refine(isVisibleText, emptyMessage);
}

/** A clock time from 00:00 to 23:59, with a Danish message. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'skal være et klokkeslæt som 09:00');
