import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnnualRule,
  annualRuleLabel,
  annualRuleSchema,
  type CycleMeeting,
  cyclePeriodOf,
  isInCyclePeriod,
  periodsOfRule,
  placeAnnualCycle,
  readCyclePeriod,
} from './annual-cycle.ts';
import { addDays } from './followups/calendar-days.ts';

const plan: CycleMeeting[] = [
  { id: 1, date: '2027-01-14' },
  { id: 2, date: '2027-02-11' },
  { id: 3, date: '2027-04-08' },
  { id: 4, date: '2027-06-03' },
  { id: 5, date: '2027-06-24' },
  { id: 6, date: '2027-09-16' },
  { id: 7, date: '2027-12-09' },
  { id: 8, date: '2028-01-13' },
];

describe('the annual cycle', () => {
  it('names the periods of each rule in Danish', () => {
    expect(periodsOfRule({ kind: 'quarterly' }).map((period) => period.label)).toEqual([
      '1. kvartal',
      '2. kvartal',
      '3. kvartal',
      '4. kvartal',
    ]);
    expect(periodsOfRule({ kind: 'spring_autumn' })).toEqual([
      { key: '3-4-5', months: [3, 4, 5], label: 'foråret' },
      { key: '9-10-11', months: [9, 10, 11], label: 'efteråret' },
    ]);
    expect(annualRuleLabel({ kind: 'months', months: [9, 6] })).toBe('i juni og september');
    expect(annualRuleLabel({ kind: 'months', months: [1, 5, 10] })).toBe(
      'i januar, maj og oktober',
    );
    expect(annualRuleLabel({ kind: 'quarterly' })).toBe('hvert kvartal');
    expect(annualRuleLabel({ kind: 'spring_autumn' })).toBe('forår og efterår');
  });

  it('puts sickness statistics, internal audit and budget status on the right meetings', () => {
    const placements = placeAnnualCycle(
      [
        { id: 10, rule: { kind: 'quarterly' } },
        { id: 11, rule: { kind: 'spring_autumn' } },
        { id: 12, rule: { kind: 'months', months: [6, 9] } },
      ],
      plan,
      2027,
    );
    const summary = placements.map(
      (entry) => `${entry.recurringItemId} ${entry.period.label}: ${entry.meeting?.date ?? '–'}`,
    );
    expect(summary).toEqual([
      '10 1. kvartal: 2027-01-14',
      '10 2. kvartal: 2027-04-08',
      '10 3. kvartal: 2027-09-16',
      '10 4. kvartal: 2027-12-09',
      // No meeting in March–May but 8 April; autumn's first is 16 September.
      '11 foråret: 2027-04-08',
      '11 efteråret: 2027-09-16',
      '12 juni: 2027-06-03',
      '12 september: 2027-09-16',
    ]);
    expect(placements[0]?.cyclePeriod).toBe('2027:1-2-3');
  });

  it('leaves a period without a meeting unplaced, to wait in the punktbank', () => {
    const [placement] = placeAnnualCycle(
      [{ id: 1, rule: { kind: 'months', months: [8] } }],
      plan,
      2027,
    );
    expect(placement).toMatchObject({ cyclePeriod: '2027:8', meeting: null });
  });

  it('always picks the first meeting of the year inside each period', () => {
    const meetings = fc.uniqueArray(
      fc.integer({ min: 0, max: 3 * 365 }).map((offset) => ({
        id: offset + 1,
        date: addDays('2026-06-01', offset),
      })),
      { selector: (meeting) => meeting.date, maxLength: 40 },
    );
    const rules = fc.oneof(
      fc.constant<AnnualRule>({ kind: 'quarterly' }),
      fc.constant<AnnualRule>({ kind: 'spring_autumn' }),
      fc
        .uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 })
        .map((months): AnnualRule => ({ kind: 'months', months })),
    );
    fc.assert(
      fc.property(meetings, rules, fc.integer({ min: 2026, max: 2028 }), (list, rule, year) => {
        const placements = placeAnnualCycle([{ id: 1, rule }], list, year);
        expect(placements).toHaveLength(periodsOfRule(rule).length);
        for (const placement of placements) {
          const inPeriod = list.filter(
            (meeting) =>
              meeting.date.startsWith(`${year}-`) &&
              placement.period.months.includes(Number(meeting.date.slice(5, 7))),
          );
          const first = inPeriod.sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
          expect(placement.meeting).toEqual(first);
          expect(readCyclePeriod(placement.cyclePeriod)).toEqual({
            year,
            firstMonth: placement.period.months[0],
          });
        }
        expect(new Set(placements.map((entry) => entry.cyclePeriod)).size).toBe(placements.length);
      }),
    );
  });

  it('refuses a rule with no month or the same month twice', () => {
    expect(annualRuleSchema.safeParse({ kind: 'months', months: [] }).success).toBe(false);
    expect(annualRuleSchema.safeParse({ kind: 'months', months: [6, 6] }).success).toBe(false);
    expect(annualRuleSchema.safeParse({ kind: 'months', months: [13] }).success).toBe(false);
    expect(annualRuleSchema.safeParse({ kind: 'quarterly' }).success).toBe(true);
    expect(readCyclePeriod('nonsense')).toBeNull();
    expect(isInCyclePeriod('2027:7-8-9', '2027-08-19')).toBe(true);
    expect(isInCyclePeriod('2027:7-8-9', '2027-10-01')).toBe(false);
    expect(isInCyclePeriod('2027:7-8-9', '2028-08-19')).toBe(false);
    expect(isInCyclePeriod('2027:6', '2027-06-30')).toBe(true);
    expect(cyclePeriodOf(2027, { key: '6', months: [6], label: 'juni' })).toBe('2027:6');
  });
});
