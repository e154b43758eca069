import {
  addDays,
  isoDateOf,
  lastDayOfMonth,
  partsOfIsoDate,
  weekdayIndexOf,
} from './calendar-days.ts';
import {
  type DueRange,
  forwardRange,
  untilDate,
  weekdayIndexOfName,
  weekdayPattern,
} from './due-date-terms.ts';
import type { DueDateContext, DueExpression } from './due-expression.ts';

/**
 * The due-date expressions that name a period rather than a day: seasons, holidays, the
 * turn of the year, years, quarters, weeks relative to the meeting, weekdays without a date and
 * the forum's next meeting. The ranges are documented in the table in `danish-due-date.ts`.
 */

const before = '(?<![\\p{L}\\d])';
const after = '(?![\\p{L}])';

type YearlyRange = (year: number) => DueRange;

const seasons: Record<string, YearlyRange> = {
  foråret: (year) => ({ from: isoDateOf(year, 3, 1), to: isoDateOf(year, 5, 31) }),
  sommeren: (year) => ({ from: isoDateOf(year, 6, 1), to: isoDateOf(year, 8, 31) }),
  sommer: (year) => ({ from: isoDateOf(year, 6, 1), to: isoDateOf(year, 8, 31) }),
  efteråret: (year) => ({ from: isoDateOf(year, 9, 1), to: isoDateOf(year, 11, 30) }),
  vinteren: (year) => ({
    from: isoDateOf(year, 12, 1),
    to: isoDateOf(year + 1, 2, lastDayOfMonth(year + 1, 2)),
  }),
};

const summerHolidays: YearlyRange = (year) => ({
  from: isoDateOf(year, 8, 1),
  to: isoDateOf(year, 8, 31),
});

/** A range that runs from the meeting to a yearly day, the first such day not passed. */
function untilYearly(
  context: DueDateContext,
  month: number,
  day: number,
  yearText?: string,
): DueRange | null {
  if (yearText) return untilDate(context.meetingDate, isoDateOf(Number(yearText), month, day));
  return forwardRange(context.meetingDate, (year) =>
    untilDate(context.meetingDate, isoDateOf(year, month, day)),
  );
}

function yearly(context: DueDateContext, rangeOf: YearlyRange, yearText?: string) {
  return {
    range: yearText ? rangeOf(Number(yearText)) : forwardRange(context.meetingDate, rangeOf),
  };
}

const seasonExpression: DueExpression = {
  pattern: new RegExp(
    `${before}(?:(i løbet af|i|hen over|henover|gennem|til|inden udgangen af|inden|før)\\s+)?(foråret|sommeren|efteråret|vinteren|sommer)${after}(?:\\s+(\\d{4})(?!\\d))?`,
    'giu',
  ),
  resolve: (match, context) => {
    const prefix = (match[1] ?? '').toLowerCase();
    const season = (match[2] ?? '').toLowerCase();
    const rangeOf = seasons[season];
    if (!rangeOf) return null;
    // A bare "sommer" is too often part of other words' company ("sommer og vinter").
    if (season === 'sommer' && !['i', 'til', 'inden', 'før'].includes(prefix)) return null;
    if (season.startsWith('sommer') && (prefix === 'inden' || prefix === 'før'))
      return { range: untilYearly(context, 6, 30) };
    const range = yearly(context, rangeOf, match[3]).range;
    if (!range) return null;
    if (prefix === 'inden udgangen af') return { range: untilDate(context.meetingDate, range.to) };
    if (prefix === 'inden' || prefix === 'før')
      return { range: untilDate(context.meetingDate, addDays(range.from, -1)) };
    return { range };
  },
};

const yearAfter = '(?:\\s+(\\d{4})(?!\\d))?';

const holidayExpressions: DueExpression[] = [
  {
    pattern: new RegExp(`${before}(?:før|inden)\\s+sommerferien${after}${yearAfter}`, 'giu'),
    resolve: (match, context) => ({ range: untilYearly(context, 6, 30, match[1]) }),
  },
  {
    pattern: new RegExp(`${before}efter\\s+(?:sommerferien|sommeren)${after}${yearAfter}`, 'giu'),
    resolve: (match, context) => yearly(context, summerHolidays, match[1]),
  },
  {
    pattern: new RegExp(
      `${before}(?:før|inden|til)\\s+jul(?:en|eferien)?${after}${yearAfter}`,
      'giu',
    ),
    resolve: (match, context) => ({ range: untilYearly(context, 12, 23, match[1]) }),
  },
  {
    pattern: new RegExp(`${before}efter\\s+(?:jul(?:en|eferien)?|nytår)${after}`, 'giu'),
    resolve: (_match, context) =>
      yearly(context, (year) => ({ from: isoDateOf(year, 1, 2), to: isoDateOf(year, 1, 31) })),
  },
  {
    pattern: new RegExp(
      `${before}(?:(før|inden|efter|ved|omkring|over|hen over|til)\\s+)?årsskiftet${after}`,
      'giu',
    ),
    resolve: (match, context) => {
      const prefix = (match[1] ?? '').toLowerCase();
      if (prefix === 'før' || prefix === 'inden') return { range: untilYearly(context, 12, 31) };
      if (prefix === 'efter')
        return yearly(context, (year) => ({
          from: isoDateOf(year, 1, 1),
          to: isoDateOf(year, 1, 31),
        }));
      return yearly(context, (year) => ({
        from: isoDateOf(year, 12, 15),
        to: isoDateOf(year + 1, 1, 15),
      }));
    },
  },
  {
    pattern: new RegExp(
      `${before}(?:i år|i indeværende år|inden udgangen af året|inden årets udgang|inden nytår|før nytår|i løbet af året|senere på året)${after}`,
      'giu',
    ),
    resolve: (_match, context) => ({ range: untilYearly(context, 12, 31) }),
  },
];

const yearThirds: Record<string, [number, number]> = {
  primo: [1, 4],
  medio: [5, 8],
  ultimo: [9, 12],
};

const yearExpressions: DueExpression[] = [
  {
    // "primo 2018", "ultimo næste år"
    pattern: new RegExp(`${before}(primo|medio|ultimo)\\s+(\\d{4}|næste år)(?!\\d)`, 'giu'),
    resolve: (match, context) => {
      const [first, last] = yearThirds[(match[1] ?? '').toLowerCase()] ?? [1, 12];
      const year = /^\d/u.test(match[2] ?? '')
        ? Number(match[2])
        : partsOfIsoDate(context.meetingDate).year + 1;
      return {
        range: {
          from: isoDateOf(year, first, 1),
          to: isoDateOf(year, last, lastDayOfMonth(year, last)),
        },
      };
    },
  },
  {
    pattern: new RegExp(
      `${before}(i løbet af|i|inden udgangen af|med udgangen af|udgangen af|inden|før)\\s+(\\d{4})(?!\\d|[-/.]\\d)`,
      'giu',
    ),
    resolve: (match, context) => {
      const prefix = (match[1] ?? '').toLowerCase();
      const year = Number(match[2]);
      if (year < 1990 || year > 2199) return null;
      if (prefix === 'inden' || prefix === 'før')
        return { range: untilDate(context.meetingDate, isoDateOf(year - 1, 12, 31)) };
      if (prefix.includes('udgangen')) {
        const last = isoDateOf(year, 12, 31);
        return {
          range:
            prefix === 'inden udgangen af'
              ? untilDate(context.meetingDate, last)
              : { from: last, to: last },
        };
      }
      return { range: { from: isoDateOf(year, 1, 1), to: isoDateOf(year, 12, 31) } };
    },
  },
  {
    pattern: new RegExp(`${before}(?:i\\s+)?(?:næste år|det nye år)${after}`, 'giu'),
    resolve: (_match, context) => {
      const year = partsOfIsoDate(context.meetingDate).year + 1;
      return { range: { from: isoDateOf(year, 1, 1), to: isoDateOf(year, 12, 31) } };
    },
  },
  {
    pattern: new RegExp(`${before}([1-4])\\.\\s*kvartal${after}(?:\\s+(\\d{4})(?!\\d))?`, 'giu'),
    resolve: (match, context) => {
      const quarter = Number(match[1]);
      return yearly(
        context,
        (year) => ({
          from: isoDateOf(year, quarter * 3 - 2, 1),
          to: isoDateOf(year, quarter * 3, lastDayOfMonth(year, quarter * 3)),
        }),
        match[2],
      );
    },
  },
];

const numberWords: Record<string, number> = {
  en: 1,
  et: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  syv: 7,
  otte: 8,
  ni: 9,
  ti: 10,
  fjorten: 14,
};

const relativeExpressions: DueExpression[] = [
  {
    pattern: new RegExp(`${before}(?:i\\s+)?(næste|denne|kommende)\\s+uge${after}`, 'giu'),
    resolve: (match, context) => {
      const monday = addDays(context.meetingDate, -weekdayIndexOf(context.meetingDate));
      if ((match[1] ?? '').toLowerCase() === 'denne')
        return { range: { from: context.meetingDate, to: addDays(monday, 6) } };
      return { range: { from: addDays(monday, 7), to: addDays(monday, 13) } };
    },
  },
  {
    pattern: new RegExp(
      `${before}inden\\s+for\\s+(?:de\\s+)?(?:næste\\s+)?(\\d{1,3}|${Object.keys(numberWords).join('|')})\\s+(dage|dag|uger|uge|måneder|måned)${after}`,
      'giu',
    ),
    resolve: (match, context) => {
      const countText = (match[1] ?? '').toLowerCase();
      const count = numberWords[countText] ?? Number(countText);
      const unit = (match[2] ?? '').toLowerCase();
      const days = unit.startsWith('dag') ? count : unit.startsWith('uge') ? count * 7 : count * 30;
      return { range: { from: context.meetingDate, to: addDays(context.meetingDate, days) } };
    },
  },
  {
    pattern: new RegExp(`${before}i\\s+morgen${after}`, 'giu'),
    resolve: (_match, context) => {
      const day = addDays(context.meetingDate, 1);
      return { range: { from: day, to: day } };
    },
  },
  {
    // "på fredag", "senest mandag"; a weekday with a date is a date expression instead
    pattern: new RegExp(
      `${before}(?:(hver|om|alle|hverdage|mandage)\\s+)?(${weekdayPattern})${after}(?!\\s*(?:d\\.|den\\s+\\d|\\d))`,
      'giu',
    ),
    resolve: (match, context) => {
      if (match[1]) return null;
      const wanted = weekdayIndexOfName(match[2] ?? '');
      const shift = ((wanted - weekdayIndexOf(context.meetingDate) + 6) % 7) + 1;
      const day = addDays(context.meetingDate, shift);
      return { range: { from: day, to: day } };
    },
  },
  {
    // "næste møde", "førstkommende møde", "næste chefforum", "næste gang"; not "næste budgetmøde"
    pattern: new RegExp(
      `${before}(?:næste|førstkommende)\\s+(?:ordinære\\s+)?(?:møde(?:t)?|gang|\\p{L}*(?:forum|udvalg|direktion|bestyrelse)\\p{L}*)${after}`,
      'giu',
    ),
    resolve: (_match, context) => {
      const next = [...(context.futureMeetingDates ?? [])]
        .filter((date) => date > context.meetingDate)
        .sort()[0];
      return { range: next ? { from: next, to: next } : null };
    },
  },
];

/** All period expressions, for `findDueDate`. */
export const periodExpressions: DueExpression[] = [
  seasonExpression,
  ...holidayExpressions,
  ...yearExpressions,
  ...relativeExpressions,
];
