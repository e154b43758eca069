import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { danishMonthNames } from '../danish-date.ts';
import { addDays, weekdayIndexOf } from './calendar-days.ts';
import { findDueDate } from './danish-due-date.ts';
import { weekdayNames } from './due-date-terms.ts';

const meeting = { meetingDate: '2017-06-14' };

function dueOf(text: string, context: Parameters<typeof findDueDate>[1] = meeting) {
  return findDueDate(text, context).due;
}

describe('findDueDate: days', () => {
  it.each([
    ['Cheferne skal indsende deres forslag til Bente Poulsen senest d. 21.juni.', '2017-06-21'],
    ['d. 21. juni', '2017-06-21'],
    ['21/6', '2017-06-21'],
    ['De skal være på plads inden næste budgetmøde d. 26.juni 2017.', '2017-06-26'],
    ['med udgangen af onsdag d. 14.juni', '2017-06-14'],
    ['senest 21.6.2017', '2017-06-21'],
    ['senest d. 21.6', '2017-06-21'],
    ['inden 2017-07-01', '2017-07-01'],
  ])('%s → %s', (text, date) => {
    expect(dueOf(text)).toEqual({ from: date, to: date });
  });

  it('infers the year forward: a day before the meeting is next year', () => {
    expect(dueOf('senest 10/6')).toEqual({ from: '2018-06-10', to: '2018-06-10' });
    expect(dueOf('d. 14. juni')).toEqual({ from: '2017-06-14', to: '2017-06-14' });
    expect(dueOf('d. 3. januar', { meetingDate: '2017-12-20' })).toEqual({
      from: '2018-01-03',
      to: '2018-01-03',
    });
  });

  it('warns and does not guess when a weekday misses its date', () => {
    const finding = findDueDate('Notatet sendes onsdag d. 15. juni.', meeting);
    expect(finding.due).toBeUndefined();
    expect(finding.warnings).toEqual([
      '15. juni 2017 er en torsdag, ikke en onsdag; fristen er ikke sat',
    ]);
  });

  it('prefers the deadline to other dates in the sentence', () => {
    expect(dueOf('Referatet fra d. 1. juni rettes senest d. 21. juni.')).toEqual({
      from: '2017-06-21',
      to: '2017-06-21',
    });
    expect(dueOf('Statistikken for 1. kvartal forelægges igen primo september.')).toEqual({
      from: '2017-09-01',
      to: '2017-09-10',
    });
  });

  it('reads neither fractions, journal numbers nor numbered points as dates', () => {
    for (const text of [
      '1/3 af budgettet',
      'sag 15/13392',
      '2.11 – Strategisk forum',
      '20. mio. kr.',
    ])
      expect(findDueDate(text, meeting)).toEqual({ warnings: [] });
  });
});

describe('findDueDate: periods', () => {
  it.each([
    ['primo juli', '2017-07-01', '2017-07-10'],
    ['medio juni 2018', '2018-06-11', '2018-06-20'],
    ['ultimo februar 2016', '2016-02-21', '2016-02-29'],
    ['ultimo juni', '2017-06-21', '2017-06-30'],
    ['primo juni', '2018-06-01', '2018-06-10'],
    ['i løbet af august', '2017-08-01', '2017-08-31'],
    ['inden udgangen af maj', '2017-06-14', '2018-05-31'],
    ['med udgangen af juni', '2017-06-30', '2017-06-30'],
    ['uge 36', '2017-09-04', '2017-09-10'],
    ['uge 2', '2018-01-08', '2018-01-14'],
    ['i uge 36-37', '2017-09-04', '2017-09-17'],
    ['i løbet af foråret', '2018-03-01', '2018-05-31'],
    ['før sommerferien', '2017-06-14', '2017-06-30'],
    ['inden sommerferien', '2017-06-14', '2017-06-30'],
    ['efter sommerferien', '2017-08-01', '2017-08-31'],
    ['i efteråret', '2017-09-01', '2017-11-30'],
    ['inden jul', '2017-06-14', '2017-12-23'],
    ['ved årsskiftet', '2017-12-15', '2018-01-15'],
    ['inden årsskiftet', '2017-06-14', '2017-12-31'],
    ['i år', '2017-06-14', '2017-12-31'],
    ['i 2019', '2019-01-01', '2019-12-31'],
    ['3. kvartal', '2017-07-01', '2017-09-30'],
    ['i næste uge', '2017-06-19', '2017-06-25'],
    ['inden for 14 dage', '2017-06-14', '2017-06-28'],
    ['på fredag', '2017-06-16', '2017-06-16'],
  ])('%s → %s – %s', (text, from, to) => {
    expect(dueOf(text)).toEqual({ from, to });
  });

  it('takes the forum’s next meeting for "næste møde", and nothing when it is not known', () => {
    const context = { ...meeting, futureMeetingDates: ['2017-08-17', '2017-06-28', '2017-05-01'] };
    expect(dueOf('på næste møde', context)).toEqual({ from: '2017-06-28', to: '2017-06-28' });
    expect(dueOf('førstkommende møde', context)).toEqual({ from: '2017-06-28', to: '2017-06-28' });
    expect(findDueDate('på næste møde', meeting)).toEqual({
      expression: 'næste møde',
      warnings: [],
    });
    expect(dueOf('inden næste budgetmøde', context)).toBeUndefined();
  });

  it('uses the year written with a season or holiday', () => {
    expect(dueOf('i efteråret 2019')).toEqual({ from: '2019-09-01', to: '2019-11-30' });
    expect(dueOf('inden jul 2018')).toEqual({ from: '2017-06-14', to: '2018-12-23' });
  });
});

describe('findDueDate: properties', () => {
  const meetingDates = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2090-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10));

  it('resolves a day and month to the first such day on or after the meeting', () => {
    fc.assert(
      fc.property(
        meetingDates,
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 11 }),
        (meetingDate, day, month) => {
          const due = findDueDate(`senest d. ${day}. ${danishMonthNames[month]}`, {
            meetingDate,
          }).due;
          expect(due?.from).toBe(due?.to);
          expect(due && due.from >= meetingDate).toBe(true);
          expect(due && due.from < addDays(meetingDate, 366)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives a week from Monday to Sunday that has not ended at the meeting', () => {
    fc.assert(
      fc.property(meetingDates, fc.integer({ min: 1, max: 52 }), (meetingDate, week) => {
        const due = findDueDate(`i uge ${week}`, { meetingDate }).due;
        expect(due).toBeDefined();
        if (!due) return;
        expect(weekdayIndexOf(due.from)).toBe(0);
        expect(due.to).toBe(addDays(due.from, 6));
        expect(due.to >= meetingDate).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never guesses when the named weekday is not the date’s', () => {
    fc.assert(
      fc.property(
        meetingDates,
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 0, max: 6 }),
        (meetingDate, day, month, weekday) => {
          const text = `${weekdayNames[weekday]} d. ${day}. ${danishMonthNames[month]}`;
          const finding = findDueDate(text, { meetingDate });
          if (finding.due) expect(weekdayIndexOf(finding.due.from)).toBe(weekday);
          else expect(finding.warnings).toHaveLength(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('always gives ranges that start before they end', () => {
    const phrases = ['primo', 'medio', 'ultimo', 'i løbet af', 'inden', 'med udgangen af'];
    fc.assert(
      fc.property(
        meetingDates,
        fc.constantFrom(...phrases),
        fc.integer({ min: 0, max: 11 }),
        (meetingDate, phrase, month) => {
          const due = findDueDate(`${phrase} ${danishMonthNames[month]}`, { meetingDate }).due;
          expect(due && due.from <= due.to).toBe(true);
          expect(due && due.to >= meetingDate).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
