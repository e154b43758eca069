import { isValidCalendarDate } from '../../core/danish-date.ts';

/** A date and a clock time from an export's date field. */
export interface ExportDateTime {
  date: string;
  time: string | null;
}

const pad = (value: string): string => value.padStart(2, '0');

/**
 * Reads the date fields of the exports: "15-05-2013 16:30:00" (SBSYS, eDoc), "02-05-2017 10:00"
 * (Fujitsu), "2013-06-20 10:30" (Acadre), with "." or "/" as well. Local Danish time without a
 * zone, as written. "01-01-0001 00:00" (Fujitsu's "no date") and anything else give null.
 */
export function parseExportDateTime(value: string): ExportDateTime | null {
  const text = value.trim();
  const dayFirst =
    /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?::\d{2})?)?/u.exec(text);
  const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2})[:.](\d{2})(?::\d{2})?)?/u.exec(
    text,
  );
  const parts = dayFirst
    ? {
        year: dayFirst[3],
        month: dayFirst[2],
        day: dayFirst[1],
        hour: dayFirst[4],
        minute: dayFirst[5],
      }
    : yearFirst
      ? {
          year: yearFirst[1],
          month: yearFirst[2],
          day: yearFirst[3],
          hour: yearFirst[4],
          minute: yearFirst[5],
        }
      : null;
  if (!parts?.year || !parts.month || !parts.day) return null;
  const year = Number(parts.year);
  if (year < 1900 || !isValidCalendarDate(year, Number(parts.month), Number(parts.day)))
    return null;
  const hour = parts.hour === undefined ? null : Number(parts.hour);
  const time =
    hour === null || hour > 23 || Number(parts.minute) > 59
      ? null
      : `${pad(String(hour))}:${pad(parts.minute ?? '0')}`;
  return { date: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`, time };
}
