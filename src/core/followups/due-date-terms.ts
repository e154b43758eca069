import { danishMonthNames } from '../danish-date.ts';
import { addDays, isoDateOf, lastDayOfMonth, partsOfIsoDate } from './calendar-days.ts';

/** A due date as a range of ISO dates, both ends included. */
export interface DueRange {
  from: string;
  to: string;
}

/**
 * Month names as the due-date rules read them: the full names of `danishMonthNames` and their
 * three-letter abbreviations ("sept" too). "jul" is left out: "inden jul" is Christmas.
 */
const monthNumbers = new Map<string, number>([['sept', 9]]);
danishMonthNames.forEach((name, index) => {
  monthNumbers.set(name, index + 1);
  if (name !== 'juli') monthNumbers.set(name.slice(0, 3), index + 1);
});

/** A regular-expression alternative of the month names, longest first. */
export const monthPattern = [...monthNumbers.keys()].sort((a, b) => b.length - a.length).join('|');

/** The month number (1–12) of a Danish month name or abbreviation, any case. */
export function monthNumberOf(name: string): number | undefined {
  return monthNumbers.get(name.toLowerCase());
}

/** Danish weekday names, Monday first (Monday = 0, as `weekdayIndexOf` counts). */
export const weekdayNames = [
  'mandag',
  'tirsdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lørdag',
  'søndag',
] as const;

/** The index (Monday = 0) of a Danish weekday name in any case, or -1. */
export function weekdayIndexOfName(name: string): number {
  return (weekdayNames as readonly string[]).indexOf(name.toLowerCase());
}

/** A regular-expression alternative of the weekday names. */
export const weekdayPattern = weekdayNames.join('|');

/**
 * The first of a yearly period (as `rangeOf(year)` gives it) that has not ended on the
 * meeting's date: "i foråret" said in June means next spring. The year before is tried
 * too, for periods that span New Year (winter, the turn of the year).
 */
export function forwardRange(
  meetingDate: string,
  rangeOf: (year: number) => DueRange | null,
): DueRange | null {
  const { year } = partsOfIsoDate(meetingDate);
  for (const candidate of [year - 1, year, year + 1]) {
    const range = rangeOf(candidate);
    if (range && range.to >= meetingDate) return range;
  }
  return null;
}

/** A period ending on `to`, starting on the meeting's date (or on `to` if that is earlier). */
export function untilDate(meetingDate: string, to: string): DueRange {
  return { from: meetingDate < to ? meetingDate : to, to };
}

type MonthPart = 'start' | 'middle' | 'end' | 'last-day' | 'until-end' | 'whole' | 'before';

const monthParts: Record<string, MonthPart> = {
  primo: 'start',
  'i starten af': 'start',
  'starten af': 'start',
  'i begyndelsen af': 'start',
  'først i': 'start',
  medio: 'middle',
  'i midten af': 'middle',
  'midt i': 'middle',
  ultimo: 'end',
  'i slutningen af': 'end',
  'slutningen af': 'end',
  'sidst i': 'end',
  'inden udgangen af': 'until-end',
  'med udgangen af': 'last-day',
  'udgangen af': 'last-day',
  'i løbet af': 'whole',
  i: 'whole',
  inden: 'before',
  før: 'before',
};

function monthPartRange(
  part: MonthPart,
  year: number,
  month: number,
  meetingDate: string,
): DueRange {
  const last = lastDayOfMonth(year, month);
  const day = (value: number) => isoDateOf(year, month, value);
  switch (part) {
    case 'start':
      return { from: day(1), to: day(10) };
    case 'middle':
      return { from: day(11), to: day(20) };
    case 'end':
      return { from: day(21), to: day(last) };
    case 'last-day':
      return { from: day(last), to: day(last) };
    case 'until-end':
      return untilDate(meetingDate, day(last));
    case 'whole':
      return { from: day(1), to: day(last) };
    case 'before':
      return untilDate(meetingDate, addDays(day(1), -1));
  }
}

/** The range of "primo juni", "sidst i august 2018", "i løbet af juni", "inden juni" … */
export function rangeOfMonthPart(
  prefix: string,
  month: number,
  yearText: string | undefined,
  meetingDate: string,
): { range: DueRange | null } | null {
  const part = monthParts[prefix.replace(/\s+/gu, ' ')];
  if (!part) return null;
  if (yearText) return { range: monthPartRange(part, Number(yearText), month, meetingDate) };
  return {
    range: forwardRange(meetingDate, (year) => monthPartRange(part, year, month, meetingDate)),
  };
}
