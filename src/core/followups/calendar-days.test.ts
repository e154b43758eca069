import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  isoDateOf,
  isoWeekOf,
  isoWeeksInYear,
  lastDayOfMonth,
  mondayOfIsoWeek,
  weekdayIndexOf,
} from './calendar-days.ts';

const isoDates = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));

describe('calendar days', () => {
  it('counts Monday as the first day of the week', () => {
    expect(weekdayIndexOf('2017-06-12')).toBe(0);
    expect(weekdayIndexOf('2017-06-14')).toBe(2);
    expect(weekdayIndexOf('2017-06-18')).toBe(6);
  });

  it('knows the ISO weeks that cross New Year', () => {
    expect(isoWeekOf('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeekOf('2019-12-30')).toEqual({ year: 2020, week: 1 });
    expect(mondayOfIsoWeek(2017, 36)).toBe('2017-09-04');
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2021)).toBe(52);
  });

  it('knows month lengths and leap years', () => {
    expect(lastDayOfMonth(2016, 2)).toBe(29);
    expect(lastDayOfMonth(2017, 2)).toBe(28);
    expect(lastDayOfMonth(2017, 6)).toBe(30);
    expect(addDays('2017-12-31', 1)).toBe('2018-01-01');
    expect(isoDateOf(2017, 6, 1)).toBe('2017-06-01');
  });

  it('puts every date in the week that its ISO week number names', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        const { year, week } = isoWeekOf(date);
        const monday = mondayOfIsoWeek(year, week);
        expect(weekdayIndexOf(monday)).toBe(0);
        expect(monday <= date && date <= addDays(monday, 6)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
