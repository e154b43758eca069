/**
 * Day arithmetic on ISO dates (yyyy-mm-dd) for the due-date rules. Dates are calendar days
 * without a time of day, so plain UTC arithmetic is exact and needs no time zone.
 */

/** The shape of an ISO date, yyyy-mm-dd. */
export const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/u;

const pad = (value: number): string => String(value).padStart(2, '0');

/** The ISO date of a year, month (1–12) and day. */
export function isoDateOf(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The year, month and day of an ISO date. */
export function partsOfIsoDate(isoDate: string): { year: number; month: number; day: number } {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return { year, month, day };
}

function utcDayOf(isoDate: string): Date {
  const { year, month, day } = partsOfIsoDate(isoDate);
  return new Date(Date.UTC(year, month - 1, day));
}

function isoDateOfUtc(date: Date): string {
  return isoDateOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The ISO date `days` days after (or before, when negative) the given one. */
export function addDays(isoDate: string, days: number): string {
  const date = utcDayOf(isoDate);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDateOfUtc(date);
}

/** The last day (28–31) of a month. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Monday = 0 … Sunday = 6, the Danish way of counting a week. */
export function weekdayIndexOf(isoDate: string): number {
  return (utcDayOf(isoDate).getUTCDay() + 6) % 7;
}

/** The Monday of ISO week `week` of ISO year `year` (the week with 4 January is week 1). */
export function mondayOfIsoWeek(year: number, week: number): string {
  const fourthOfJanuary = isoDateOf(year, 1, 4);
  const mondayOfWeekOne = addDays(fourthOfJanuary, -weekdayIndexOf(fourthOfJanuary));
  return addDays(mondayOfWeekOne, (week - 1) * 7);
}

/** How many ISO weeks (52 or 53) an ISO year has: 28 December always lies in its last week. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(isoDateOf(year, 12, 28)).week;
}

/** The ISO week and ISO year of a date. */
export function isoWeekOf(isoDate: string): { year: number; week: number } {
  // The Thursday of the date's week decides the ISO year.
  const thursday = addDays(isoDate, 3 - weekdayIndexOf(isoDate));
  const { year } = partsOfIsoDate(thursday);
  const mondayOfWeekOne = mondayOfIsoWeek(year, 1);
  const days = (utcDayOf(thursday).getTime() - utcDayOf(mondayOfWeekOne).getTime()) / 86_400_000;
  return { year, week: Math.floor(days / 7) + 1 };
}
