/**
 * Danish dates and times as minutes write them in their headers:
 * "Onsdag d. 14. juni 2017 kl. 13:00", "Torsdag d. 05. november 2015 kl. 09:00",
 * "14-06-2017", "14.6.2017", "den 2. maj 2018 kl. 9.30". Pure functions, no time zone needed:
 * a meeting's date and clock time are wall-clock values in Europe/Copenhagen as written.
 */

const monthNumbers: Record<string, number> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  marts: 3,
  mar: 3,
  april: 4,
  apr: 4,
  maj: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

/** Danish month names, January first, for formatting. */
export const danishMonthNames = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** A date and an optional start time read from text. */
export interface DanishDateTime {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** HH:MM, or null when the text gives no time. */
  start: string | null;
}

const pad = (value: number): string => String(value).padStart(2, '0');

/** True when year, month and day form a real calendar date. */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function toIsoDate(year: number, month: number, day: number): string | null {
  const fullYear = year < 100 ? (year < 70 ? 2000 + year : 1900 + year) : year;
  if (fullYear < 1900 || fullYear > 2199) return null;
  if (!isValidCalendarDate(fullYear, month, day)) return null;
  return `${fullYear}-${pad(month)}-${pad(day)}`;
}

const monthNamePattern = Object.keys(monthNumbers).join('|');
const namedMonthDate = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s*(${monthNamePattern})\\.?,?\\s+(\\d{4})(?!\\d)`,
  'iu',
);
const numericDate = /(?<![\d.])(\d{1,2})[-./](\d{1,2})[-./](\d{4}|\d{2})(?![\d])/u;
const isoDate = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/u;
const clockTime = /\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?(?!\d)/iu;
const bareClockTime = /(?<![\d.,])(\d{1,2})[:.](\d{2})(?![\d])/u;

/** Finds the first Danish date in a text and returns it as an ISO date, or null. */
export function findDanishDate(text: string): string | null {
  const named = namedMonthDate.exec(text);
  if (named) {
    const month = monthNumbers[(named[2] ?? '').toLowerCase()];
    if (month) {
      const date = toIsoDate(Number(named[3]), month, Number(named[1]));
      if (date) return date;
    }
  }
  const iso = isoDate.exec(text);
  if (iso) {
    const date = toIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return date;
  }
  const numeric = numericDate.exec(text);
  if (numeric) {
    return toIsoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  }
  return null;
}

/** Finds a clock time ("kl. 13:00", "kl. 9.30", "kl. 9") in a text as HH:MM, or null. */
export function findClockTime(text: string): string | null {
  const match = clockTime.exec(text) ?? bareClockTime.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/**
 * Parses a header value such as "Onsdag d. 14. juni 2017 kl. 13:00" into an ISO date and a
 * start time. Returns null when the text holds no valid date.
 */
export function parseDanishDateTime(text: string): DanishDateTime | null {
  const date = findDanishDate(text);
  if (!date) return null;
  return { date, start: findClockTime(removeDates(text)) };
}

function removeDates(text: string): string {
  return text.replace(namedMonthDate, ' ').replace(isoDate, ' ').replace(numericDate, ' ');
}

/** Formats an ISO date as a Danish long date, "14. juni 2017". */
export function formatDanishDate(isoDateText: string): string {
  const [year, month, day] = isoDateText.split('-').map(Number);
  const monthName = danishMonthNames[(month ?? 1) - 1] ?? '';
  return `${day}. ${monthName} ${year}`;
}

const copenhagenLongDate = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  weekday: 'long',
  day: '2-digit',
  month: 'long',
  year: 'numeric',
});

/** Noon UTC on the date: the same calendar day in Europe/Copenhagen all year round. */
function noonOf(isoDateText: string): Date {
  return new Date(`${isoDateText}T12:00:00Z`);
}

/** "Onsdag d. 14. juni 2017", as the minutes' header writes a meeting date. */
export function formatMeetingDate(isoDateText: string): string {
  const parts = Object.fromEntries(
    copenhagenLongDate.formatToParts(noonOf(isoDateText)).map((part) => [part.type, part.value]),
  );
  const weekday = parts.weekday ?? '';
  return `${weekday.charAt(0).toUpperCase()}${weekday.slice(1)} d. ${parts.day}. ${parts.month} ${parts.year}`;
}

/** "14-06-2017", the short form used in document titles. */
export function formatShortDate(isoDateText: string): string {
  const [year, month, day] = isoDateText.split('-');
  return `${day}-${month}-${year}`;
}
