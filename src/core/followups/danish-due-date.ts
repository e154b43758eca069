import { formatDanishDate } from '../danish-date.ts';
import {
  addDays,
  isoDateOf,
  isoWeeksInYear,
  lastDayOfMonth,
  mondayOfIsoWeek,
  partsOfIsoDate,
  weekdayIndexOf,
} from './calendar-days.ts';
import {
  type DueRange,
  forwardRange,
  monthNumberOf,
  monthPattern,
  rangeOfMonthPart,
  weekdayIndexOfName,
  weekdayNames,
  weekdayPattern,
} from './due-date-terms.ts';
import type { DueDateContext, DueExpression, Resolution } from './due-expression.ts';
import { periodExpressions } from './period-expressions.ts';

/**
 * Danish due dates as minutes write them, resolved against the meeting's date into a range of
 * ISO dates `{from, to}` in which the deadline (or the meeting an item comes back to) lies.
 *
 * | expression | range |
 * |---|---|
 * | `d. 21. juni`, `senest d. 21.juni`, `inden … d. 26.juni 2017`, `med udgangen af onsdag d. 14.juni`, `21/6`, `21.6.2017`, `2017-06-21` | that day (from = to); without a year the first such day on or after the meeting |
 * | `primo` / `medio` / `ultimo juni [2017]` (also `først i`, `midt i`, `sidst i`, `i starten/midten/slutningen af`) | days 1–10 / 11–20 / 21–month end |
 * | `i juni`, `i løbet af juni` | the whole month |
 * | `med udgangen af juni` / `inden udgangen af juni` | the month's last day / meeting date – the month's last day |
 * | `inden juni`, `før juni` | meeting date – the day before 1 June |
 * | `primo` / `medio` / `ultimo 2018` | Jan–Apr / May–Aug / Sep–Dec |
 * | `i 2019`, `i løbet af 2019` / `med udgangen af 2019` / `inden udgangen af 2019` | the whole year / 31 December / meeting date – 31 December |
 * | `uge 36`, `uge 36-37` [year] | Monday of the first week – Sunday of the last (ISO weeks) |
 * | `1. kvartal` [year] | the quarter |
 * | `i løbet af foråret`, `i foråret`, `til foråret` | 1 March – 31 May |
 * | `i sommer`, `i løbet af sommeren` | 1 June – 31 August |
 * | `i efteråret` | 1 September – 30 November |
 * | `i vinteren` | 1 December – end of February |
 * | `før` / `inden sommerferien`, `før sommeren` | meeting date – 30 June |
 * | `efter sommerferien`, `efter sommeren` | 1 – 31 August |
 * | `inden jul`, `før jul`, `til jul` | meeting date – 23 December |
 * | `efter jul`, `efter nytår` | 2 – 31 January |
 * | `ved årsskiftet`, `omkring årsskiftet` | 15 December – 15 January |
 * | `inden årsskiftet`, `i år`, `inden udgangen af året`, `inden nytår` | meeting date – 31 December |
 * | `efter årsskiftet` | 1 – 31 January |
 * | `næste år` | 1 January – 31 December of the next year |
 * | `i næste uge` / `i denne uge` | next ISO week / meeting date – Sunday |
 * | `inden for 14 dage`, `inden for to uger`, `inden for en måned` | meeting date – that many days later (a month is 30 days) |
 * | `i morgen` | the day after the meeting |
 * | `på fredag`, `senest fredag` (a weekday without a date) | the first such weekday after the meeting |
 * | `næste møde`, `førstkommende møde`, `næste chefforum`, `næste gang` | the forum's next meeting when its dates are known, else no due |
 *
 * A period without a year is the first one that has not ended on the meeting's date. A
 * weekday named with a date it does not fall on gives a warning and no due date.
 */
export type { DueRange } from './due-date-terms.ts';
export type { DueDateContext, DueExpression };

/** The due date found in a text, the words it came from, and warnings. */
export interface DueDateFinding {
  due?: DueRange;
  expression?: string;
  warnings: string[];
}

interface FoundExpression extends Resolution {
  start: number;
  end: number;
  text: string;
  isDeadline: boolean;
  /** "statistikken for 1. kvartal", "referatet fra d. 1. juni": names a period, sets no due. */
  isLabel: boolean;
}

const before = '(?<![\\p{L}\\d])';
const dayPrefix = `(?:(${weekdayPattern})\\s+)?(?:(?:d\\.|den)\\s*)?`;

/** The year for a day and month without one: this year, or next when it has passed. */
function resolveDayMonth(
  day: number,
  month: number,
  yearText: string | undefined,
  weekdayText: string | undefined,
  context: DueDateContext,
): Resolution | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  let year = yearText ? normalizeYear(Number(yearText)) : partsOfIsoDate(context.meetingDate).year;
  if (day > lastDayOfMonth(year, month)) return null;
  if (!yearText && isoDateOf(year, month, day) < context.meetingDate) {
    year += 1;
    if (day > lastDayOfMonth(year, month)) return null;
  }
  const date = isoDateOf(year, month, day);
  if (weekdayText) {
    const named = weekdayIndexOfName(weekdayText);
    const actual = weekdayIndexOf(date);
    if (named !== actual)
      return {
        range: null,
        warning: `${formatDanishDate(date)} er en ${weekdayNames[actual]}, ikke en ${weekdayNames[named]}; fristen er ikke sat`,
      };
  }
  return { range: { from: date, to: date } };
}

function normalizeYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

const fractionAfter = /^\s*(?:af|dele?|kr|mio|%|procent)(?![\p{L}])/iu;

const dateExpressions: DueExpression[] = [
  {
    // "onsdag d. 14.juni", "d. 21. juni 2017", "21 juni"
    pattern: new RegExp(
      `${before}${dayPrefix}(\\d{1,2})\\.?\\s*(${monthPattern})(?![\\p{L}])\\.?(?:,?\\s+(\\d{4})(?!\\d))?`,
      'giu',
    ),
    resolve: (match, context) =>
      resolveDayMonth(
        Number(match[2]),
        monthNumberOf(match[3] ?? '') ?? 0,
        match[4],
        match[1],
        context,
      ),
  },
  {
    // "21/6", "d. 21/6-2017", "21/6 2017"; "1/3 af budgettet" is a fraction, not a date
    pattern: new RegExp(
      `${before}${dayPrefix}(?<![\\d/.,])(\\d{1,2})\\/(\\d{1,2})(?:[-/.](\\d{4}|\\d{2})|\\s(\\d{4}))?(?![\\d/])`,
      'giu',
    ),
    resolve: (match, context) => {
      const following = match.input.slice(match.index + match[0].length);
      if (fractionAfter.test(following)) return null;
      return resolveDayMonth(
        Number(match[2]),
        Number(match[3]),
        match[4] ?? match[5],
        match[1],
        context,
      );
    },
  },
  {
    // "21.6.2017", "21-06-17"
    pattern: new RegExp(
      `${before}${dayPrefix}(?<![\\d.])(\\d{1,2})[.-](\\d{1,2})[.-](\\d{4}|\\d{2})(?![\\d])`,
      'giu',
    ),
    resolve: (match, context) =>
      resolveDayMonth(Number(match[2]), Number(match[3]), match[4], match[1], context),
  },
  {
    // "d. 21.6" without a year: only after "d." or "den", so "2.11 – Strategisk …" is no date
    pattern: new RegExp(
      `${before}(?:(${weekdayPattern})\\s+)?(?:d\\.|den)\\s*(\\d{1,2})\\.(\\d{1,2})\\.?(?![\\d.])`,
      'giu',
    ),
    resolve: (match, context) =>
      resolveDayMonth(Number(match[2]), Number(match[3]), undefined, match[1], context),
  },
  {
    pattern: /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu,
    resolve: (match, context) =>
      resolveDayMonth(Number(match[3]), Number(match[2]), match[1], undefined, context),
  },
  {
    // "primo juni", "sidst i august 2018", "i løbet af juni", "med udgangen af juni"
    pattern: new RegExp(
      `${before}(primo|medio|ultimo|i starten af|starten af|i begyndelsen af|først i|i midten af|midt i|i slutningen af|slutningen af|sidst i|inden udgangen af|med udgangen af|udgangen af|i løbet af|inden|før|i)\\s+(${monthPattern})(?![\\p{L}])(?:\\s+(\\d{4})(?!\\d))?`,
      'giu',
    ),
    resolve: (match, context) => {
      const month = monthNumberOf(match[2] ?? '');
      if (!month) return null;
      return rangeOfMonthPart((match[1] ?? '').toLowerCase(), month, match[3], context.meetingDate);
    },
  },
  {
    // "uge 36", "uge 36-37", "uge 2, 2018"
    pattern: new RegExp(
      `${before}uge\\s*(\\d{1,2})(?:\\s*(?:-|–|/|og|til)\\s*(?:uge\\s*)?(\\d{1,2}))?(?:,?\\s+(?:i\\s+)?(\\d{4})(?!\\d))?(?![\\d])`,
      'giu',
    ),
    resolve: (match, context) => {
      const first = Number(match[1]);
      const last = match[2] ? Number(match[2]) : first;
      const rangeOf = (year: number): DueRange | null => {
        if (first < 1 || last < first || last > isoWeeksInYear(year)) return null;
        return { from: mondayOfIsoWeek(year, first), to: addDays(mondayOfIsoWeek(year, last), 6) };
      };
      if (match[3]) return { range: rangeOf(Number(match[3])) };
      return { range: forwardRange(context.meetingDate, rangeOf) };
    },
  },
];

const deadlineBefore =
  /(?:senest|inden|før|udgangen af|til og med|frist(?:en)?(?:\s+er)?|deadline(?:\s+er)?)\s*(?:på\s+)?(?:d\.|den)?\s*$/iu;
const deadlineWords = /^(?:senest|inden|før|med udgangen|til og med)/iu;
const labelBefore = /(?<![\p{L}])(?:for|fra|af|siden|pr\.)\s*$/iu;

function findExpressions(text: string, context: DueDateContext): FoundExpression[] {
  const found: FoundExpression[] = [];
  for (const expression of [...dateExpressions, ...periodExpressions]) {
    for (const match of text.matchAll(expression.pattern)) {
      const resolution = expression.resolve(match, context);
      if (!resolution) continue;
      const start = match.index;
      const preceding = text.slice(Math.max(0, start - 30), start);
      found.push({
        ...resolution,
        start,
        end: start + match[0].length,
        text: match[0].trim(),
        isDeadline: deadlineBefore.test(preceding) || deadlineWords.test(match[0]),
        isLabel: labelBefore.test(preceding),
      });
    }
  }
  return withoutOverlaps(found);
}

/** Keeps the longest of overlapping expressions ("onsdag d. 14.juni" over "onsdag"). */
function withoutOverlaps(found: FoundExpression[]): FoundExpression[] {
  const byLength = [...found].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: FoundExpression[] = [];
  for (const candidate of byLength) {
    if (kept.some((other) => candidate.start < other.end && other.start < candidate.end)) continue;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Finds the due date in a sentence: the expression after a deadline word ("senest", "inden",
 * "før", "med udgangen af") when there is one, else the first date expression that is not a
 * label ("for 1. kvartal", "fra mødet d. 1. juni"), else the first. Returns no due
 * when there is none, when the forum's next meeting is not known, or when a weekday and a date
 * disagree (then with a Danish warning).
 */
export function findDueDate(text: string, context: DueDateContext): DueDateFinding {
  const found = findExpressions(text, context);
  const warnings = found.flatMap((expression) => (expression.warning ? [expression.warning] : []));
  const chosen =
    found.find((expression) => expression.isDeadline) ??
    found.find((expression) => !expression.isLabel) ??
    found[0];
  if (!chosen) return { warnings };
  if (!chosen.range || chosen.warning) return { expression: chosen.text, warnings };
  return { due: chosen.range, expression: chosen.text, warnings };
}
