import {
  addDays,
  isoDateOf,
  isoWeekOf,
  lastDayOfMonth,
  partsOfIsoDate,
  weekdayIndexOf,
} from './followups/calendar-days.ts';

/**
 * The dates of a series of meetings, the way a secretary plans a year: "every second Thursday
 * at 9:00 in Mødelokale 1 from 7 January to 16 December, skipping weeks 7, 29–31 and 52" or
 * "the first Tuesday of every month". Pure: the same rule always gives the same dates.
 */

/** Monday = 0 … Sunday = 6, the Danish way of counting a week. */
export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Danish weekday names, Monday first. */
export const danishWeekdayNames = [
  'mandag',
  'tirsdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lørdag',
  'søndag',
] as const;

/** Which weekday of the month: the first to the fourth, or the last (-1). */
export type WeekdayOrdinal = 1 | 2 | 3 | 4 | -1;

/** How often the series meets. */
export type SeriesPattern =
  /** On one weekday every `intervalWeeks` weeks (1: weekly, 2: every second week …). */
  | { kind: 'weekly'; weekday: WeekdayIndex; intervalWeeks: number }
  /** On the nth weekday of every month ("den første tirsdag i måneden"). */
  | { kind: 'monthly'; weekday: WeekdayIndex; ordinal: WeekdayOrdinal };

/** A series: its pattern, the span it runs over (both ends included) and the weeks it skips. */
export interface MeetingSeriesRule {
  pattern: SeriesPattern;
  from: string;
  to: string;
  /** ISO week numbers (1–53) with no meeting: winter holiday, summer, Christmas. */
  skipWeeks: readonly number[];
}

/** A date the pattern gives but the series skips, and the week that made it skip. */
export interface SkippedDate {
  date: string;
  week: number;
}

/** The dates of a series, in order, and those it skipped. */
export interface SeriesDates {
  dates: string[];
  skipped: SkippedDate[];
}

/** The most meetings one series may create: a weekly year with room to spare. */
export const maximumSeriesMeetings = 60;

/** The longest span a series may cover, in days (two years). */
export const maximumSeriesDays = 731;

/**
 * The dates a series gives, in order, with the skipped ones apart. A weekly series counts its
 * weeks from its first date, so a skipped week does not shift the rhythm: "every second
 * Thursday" stays on the same Thursdays after the summer break.
 */
export function seriesDates(rule: MeetingSeriesRule): SeriesDates {
  const skipWeeks = new Set(rule.skipWeeks);
  const candidates =
    rule.pattern.kind === 'weekly'
      ? weeklyDates(rule.pattern, rule.from, rule.to)
      : monthlyDates(rule.pattern, rule.from, rule.to);
  const dates: string[] = [];
  const skipped: SkippedDate[] = [];
  for (const date of candidates) {
    const { week } = isoWeekOf(date);
    if (skipWeeks.has(week)) skipped.push({ date, week });
    else dates.push(date);
  }
  return { dates, skipped };
}

/** What is wrong with a rule, in Danish, or null when it can be used. */
export function seriesRuleProblem(rule: MeetingSeriesRule): string | null {
  if (rule.to < rule.from) return 'Slutdatoen ligger før startdatoen.';
  if (daysBetween(rule.from, rule.to) > maximumSeriesDays)
    return 'En mødeserie kan højst strække sig over to år.';
  if (
    rule.pattern.kind === 'weekly' &&
    (!Number.isInteger(rule.pattern.intervalWeeks) ||
      rule.pattern.intervalWeeks < 1 ||
      rule.pattern.intervalWeeks > 52)
  )
    return 'Antal uger mellem møderne skal være et helt tal fra 1 til 52.';
  if (rule.skipWeeks.some((week) => !Number.isInteger(week) || week < 1 || week > 53))
    return 'Ugenumre skal være hele tal fra 1 til 53.';
  const { dates } = seriesDates(rule);
  if (dates.length === 0) return 'Serien giver ingen møder; ret datoerne eller ugerne.';
  if (dates.length > maximumSeriesMeetings)
    return `Serien giver ${dates.length} møder; højst ${maximumSeriesMeetings} ad gangen.`;
  return null;
}

function weeklyDates(
  pattern: Extract<SeriesPattern, { kind: 'weekly' }>,
  from: string,
  to: string,
): string[] {
  const first = addDays(from, (pattern.weekday - weekdayIndexOf(from) + 7) % 7);
  const step = 7 * Math.max(1, Math.floor(pattern.intervalWeeks));
  const dates: string[] = [];
  for (let date = first; date <= to; date = addDays(date, step)) dates.push(date);
  return dates;
}

function monthlyDates(
  pattern: Extract<SeriesPattern, { kind: 'monthly' }>,
  from: string,
  to: string,
): string[] {
  const dates: string[] = [];
  let { year, month } = partsOfIsoDate(from);
  const end = partsOfIsoDate(to);
  while (year < end.year || (year === end.year && month <= end.month)) {
    const date = nthWeekdayOfMonth(year, month, pattern.weekday, pattern.ordinal);
    if (date !== null && date >= from && date <= to) dates.push(date);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return dates;
}

/**
 * The nth weekday of a month ("den anden torsdag"), or its last with ordinal -1. Every month
 * has at least four of each weekday, so only a fifth would be missing, and none is asked for.
 */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: WeekdayIndex,
  ordinal: WeekdayOrdinal,
): string | null {
  if (ordinal === -1) {
    const last = isoDateOf(year, month, lastDayOfMonth(year, month));
    return addDays(last, -((weekdayIndexOf(last) - weekday + 7) % 7));
  }
  const first = isoDateOf(year, month, 1);
  const date = addDays(first, ((weekday - weekdayIndexOf(first) + 7) % 7) + (ordinal - 1) * 7);
  return partsOfIsoDate(date).month === month ? date : null;
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** The result of reading a list of weeks: the weeks in order, or what is wrong in Danish. */
export type WeekListResult = { ok: true; weeks: number[] } | { ok: false; problem: string };

/**
 * Reads weeks as a secretary writes them, "7, 29–31, 52" or "uge 7 og 29-31" (a hyphen or a
 * dash for a range; commas, semicolons, spaces or "og" between), into the sorted, distinct
 * week numbers 1–53.
 */
export function parseWeekList(text: string): WeekListResult {
  const weeks = new Set<number>();
  const parts = text
    .replace(/\buger?\b|\bog\b/giu, ' ')
    .replace(/\s*([–—-])\s*/gu, '$1')
    .split(/[,;\s]+/u)
    .filter((part) => part !== '');
  for (const part of parts) {
    const match = /^(\d{1,2})(?:[–—-](\d{1,2}))?$/iu.exec(part);
    if (!match) return { ok: false, problem: `"${part}" er ikke et ugenummer eller et interval.` };
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (first < 1 || last > 53 || first > 53 || last < 1)
      return { ok: false, problem: `Uge ${part} findes ikke; ugerne går fra 1 til 53.` };
    if (last < first)
      return { ok: false, problem: `Intervallet ${part} skal gå fra den laveste uge.` };
    for (let week = first; week <= last; week++) weeks.add(week);
  }
  return { ok: true, weeks: [...weeks].sort((a, b) => a - b) };
}

/** Weeks written back the way a secretary reads them: [7, 29, 30, 31, 52] → "7, 29–31, 52". */
export function formatWeekList(weeks: readonly number[]): string {
  const sorted = [...new Set(weeks)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const week of [...sorted.slice(1), Number.NaN]) {
    if (start === undefined || previous === undefined) break;
    if (week === previous + 1) {
      previous = week;
      continue;
    }
    ranges.push(start === previous ? String(start) : `${start}–${previous}`);
    start = week;
    previous = week;
  }
  return ranges.join(', ');
}
