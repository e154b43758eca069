import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoWeekOf, partsOfIsoDate, weekdayIndexOf } from './followups/calendar-days.ts';
import {
  formatWeekList,
  type MeetingSeriesRule,
  nthWeekdayOfMonth,
  parseWeekList,
  seriesDates,
  seriesRuleProblem,
  type WeekdayIndex,
  type WeekdayOrdinal,
} from './meeting-series.ts';

const thursday: WeekdayIndex = 3;

const dayCount = (from: string, to: string): number =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** A span of up to a year and a half, starting anywhere in 2020–2035. */
const spans = fc
  .tuple(fc.integer({ min: 0, max: 16 * 365 }), fc.integer({ min: 0, max: 550 }))
  .map(([start, length]) => {
    const from = addDays('2020-01-01', start);
    return { from, to: addDays(from, length) };
  });
const weekdays = fc.constantFrom<WeekdayIndex>(0, 1, 2, 3, 4, 5, 6);
const weekLists = fc.uniqueArray(fc.integer({ min: 1, max: 53 }), { maxLength: 12 });

describe('seriesDates', () => {
  it('gives every second Thursday, skipping winter holiday, summer and Christmas', () => {
    const { dates, skipped } = seriesDates({
      pattern: { kind: 'weekly', weekday: thursday, intervalWeeks: 2 },
      from: '2027-01-04',
      to: '2027-12-31',
      skipWeeks: [7, 29, 30, 31, 52],
    });
    expect(dates.slice(0, 4)).toEqual(['2027-01-07', '2027-01-21', '2027-02-04', '2027-03-04']);
    expect(skipped).toEqual([
      { date: '2027-02-18', week: 7 },
      { date: '2027-07-22', week: 29 },
      { date: '2027-08-05', week: 31 },
    ]);
    // The rhythm holds across the summer break: 8 July before it, 19 August after it.
    expect(dates).toContain('2027-07-08');
    expect(dates).toContain('2027-08-19');
    expect(dates.at(-1)).toBe('2027-12-23');
    expect(dates).toHaveLength(23);
    const weekly = seriesDates({
      pattern: { kind: 'weekly', weekday: thursday, intervalWeeks: 1 },
      from: '2027-12-01',
      to: '2027-12-31',
      skipWeeks: [52],
    });
    expect(weekly.dates).toEqual(['2027-12-02', '2027-12-09', '2027-12-16', '2027-12-23']);
    expect(weekly.skipped).toEqual([{ date: '2027-12-30', week: 52 }]);
  });

  it('gives the first Tuesday and the last Friday of each month', () => {
    const first = seriesDates({
      pattern: { kind: 'monthly', weekday: 1, ordinal: 1 },
      from: '2027-01-01',
      to: '2027-04-30',
      skipWeeks: [],
    });
    expect(first.dates).toEqual(['2027-01-05', '2027-02-02', '2027-03-02', '2027-04-06']);
    const last = seriesDates({
      pattern: { kind: 'monthly', weekday: 4, ordinal: -1 },
      from: '2027-01-01',
      to: '2027-03-31',
      skipWeeks: [],
    });
    expect(last.dates).toEqual(['2027-01-29', '2027-02-26', '2027-03-26']);
  });

  it('keeps a weekly series inside its span, on its weekday, in its rhythm, and complete', () => {
    fc.assert(
      fc.property(
        spans,
        weekdays,
        fc.integer({ min: 1, max: 6 }),
        weekLists,
        ({ from, to }, weekday, intervalWeeks, skipWeeks) => {
          const rule: MeetingSeriesRule = {
            pattern: { kind: 'weekly', weekday, intervalWeeks },
            from,
            to,
            skipWeeks,
          };
          const { dates, skipped } = seriesDates(rule);
          const all = [...dates, ...skipped.map((entry) => entry.date)].sort();
          for (const date of dates) {
            expect(date >= from && date <= to).toBe(true);
            expect(weekdayIndexOf(date)).toBe(weekday);
            expect(skipWeeks).not.toContain(isoWeekOf(date).week);
          }
          for (const entry of skipped) expect(skipWeeks).toContain(entry.week);
          expect(new Set(dates).size).toBe(dates.length);
          expect([...dates].sort()).toEqual(dates);
          // The first candidate is the first such weekday; each next one n weeks on.
          if (all[0] !== undefined) expect(dayCount(from, all[0])).toBeLessThan(7);
          for (let index = 1; index < all.length; index++)
            expect(dayCount(all[index - 1] ?? from, all[index] ?? to)).toBe(7 * intervalWeeks);
          const next = addDays(all.at(-1) ?? addDays(from, -7 * intervalWeeks), 7 * intervalWeeks);
          if (all.length > 0) expect(next > to).toBe(true);
        },
      ),
    );
  });

  it('gives a monthly series at most once a month, on the asked weekday of that month', () => {
    fc.assert(
      fc.property(
        spans,
        weekdays,
        fc.constantFrom<WeekdayOrdinal>(1, 2, 3, 4, -1),
        weekLists,
        ({ from, to }, weekday, ordinal, skipWeeks) => {
          const { dates, skipped } = seriesDates({
            pattern: { kind: 'monthly', weekday, ordinal },
            from,
            to,
            skipWeeks,
          });
          const all = [...dates, ...skipped.map((entry) => entry.date)];
          const months = all.map((date) => date.slice(0, 7));
          expect(new Set(months).size).toBe(months.length);
          for (const date of all) {
            expect(date >= from && date <= to).toBe(true);
            const { year, month } = partsOfIsoDate(date);
            expect(date).toBe(nthWeekdayOfMonth(year, month, weekday, ordinal));
          }
          for (const date of dates) expect(skipWeeks).not.toContain(isoWeekOf(date).week);
        },
      ),
    );
  });

  it('finds the nth weekday by counting from the month’s start or end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        weekdays,
        fc.constantFrom<WeekdayOrdinal>(1, 2, 3, 4, -1),
        (year, month, weekday, ordinal) => {
          const date = nthWeekdayOfMonth(year, month, weekday, ordinal);
          expect(date).not.toBeNull();
          if (date === null) return;
          const { day, month: found } = partsOfIsoDate(date);
          expect(found).toBe(month);
          expect(weekdayIndexOf(date)).toBe(weekday);
          if (ordinal === -1) expect(partsOfIsoDate(addDays(date, 7)).month).not.toBe(month);
          else expect(Math.ceil(day / 7)).toBe(ordinal);
        },
      ),
    );
  });
});

describe('seriesRuleProblem', () => {
  const weekly = (from: string, to: string, intervalWeeks = 1): MeetingSeriesRule => ({
    pattern: { kind: 'weekly', weekday: thursday, intervalWeeks },
    from,
    to,
    skipWeeks: [],
  });

  it('says in Danish what is wrong with a rule', () => {
    expect(seriesRuleProblem(weekly('2027-01-01', '2027-12-31', 2))).toBeNull();
    expect(seriesRuleProblem(weekly('2027-02-01', '2027-01-01'))).toMatch(/før startdatoen/u);
    expect(seriesRuleProblem(weekly('2027-01-01', '2030-01-01', 4))).toMatch(/to år/u);
    expect(seriesRuleProblem(weekly('2027-01-01', '2027-12-31', 0))).toMatch(/1 til 52/u);
    expect(seriesRuleProblem(weekly('2027-01-01', '2028-06-30'))).toMatch(/højst 60/u);
    // 1 January 2027 is a Friday: no Thursday that day.
    expect(seriesRuleProblem(weekly('2027-01-01', '2027-01-01'))).toMatch(/ingen møder/u);
    expect(seriesRuleProblem({ ...weekly('2027-01-01', '2027-03-01'), skipWeeks: [54] })).toMatch(
      /1 til 53/u,
    );
  });
});

describe('parseWeekList and formatWeekList', () => {
  it('reads weeks as a secretary writes them', () => {
    expect(parseWeekList('7, 29–31, 52')).toEqual({ ok: true, weeks: [7, 29, 30, 31, 52] });
    expect(parseWeekList('uge 7 og 29 - 31; 52')).toEqual({
      ok: true,
      weeks: [7, 29, 30, 31, 52],
    });
    expect(parseWeekList('  ')).toEqual({ ok: true, weeks: [] });
    expect(parseWeekList('7, 54')).toMatchObject({ ok: false, problem: /1 til 53/u });
    expect(parseWeekList('31-29')).toMatchObject({ ok: false, problem: /laveste uge/u });
    expect(parseWeekList('sommer')).toMatchObject({ ok: false, problem: /"sommer"/u });
  });

  it('writes any list of weeks back so that it reads the same', () => {
    fc.assert(
      fc.property(weekLists, (weeks) => {
        const text = formatWeekList(weeks);
        expect(parseWeekList(text)).toEqual({ ok: true, weeks: [...weeks].sort((a, b) => a - b) });
      }),
    );
    expect(formatWeekList([52, 7, 30, 29, 31])).toBe('7, 29–31, 52');
  });
});
