import { z } from 'zod';
import { danishMonthNames } from './danish-date.ts';

/**
 * The forum's annual cycle (årshjul): items that come back every year at the same time, such
 * as the sickness statistics each quarter, internal audit in spring and autumn, budget status
 * in June and September. Each rule names periods of the year; the item goes on the first
 * meeting of the year's plan in each period. Pure: the same plan always gives the same places.
 */

/** When a recurring item comes: every quarter, in given months, or in spring and autumn. */
export const annualRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('quarterly') }),
  z.strictObject({ kind: z.literal('spring_autumn') }),
  z.strictObject({
    kind: z.literal('months'),
    months: z
      .array(z.int().min(1).max(12))
      .min(1, 'vælg mindst én måned')
      .max(12)
      .refine((months) => new Set(months).size === months.length, 'en måned står to gange'),
  }),
]);

/** A recurring item's rule. */
export type AnnualRule = z.infer<typeof annualRuleSchema>;

/** A part of the year an item comes once in: a quarter, a season, or one month. */
export interface AnnualPeriod {
  /** Stable within a rule: "1-3" for the first quarter, "6" for June. */
  key: string;
  /** The months (1–12) of the period, in order. */
  months: number[];
  /** Danish: "1. kvartal", "foråret", "juni". */
  label: string;
}

/** Spring is March to May and autumn September to November, as the seasons are counted. */
const springMonths = [3, 4, 5];
const autumnMonths = [9, 10, 11];

/** The periods a rule names, in the order of the year. */
export function periodsOfRule(rule: AnnualRule): AnnualPeriod[] {
  switch (rule.kind) {
    case 'quarterly':
      return [1, 2, 3, 4].map((quarter) => {
        const months = [1, 2, 3].map((offset) => (quarter - 1) * 3 + offset);
        return { key: months.join('-'), months, label: `${quarter}. kvartal` };
      });
    case 'spring_autumn':
      return [
        { key: springMonths.join('-'), months: springMonths, label: 'foråret' },
        { key: autumnMonths.join('-'), months: autumnMonths, label: 'efteråret' },
      ];
    case 'months':
      return [...rule.months]
        .sort((a, b) => a - b)
        .map((month) => ({ key: String(month), months: [month], label: monthName(month) }));
    default: {
      const unknown: never = rule;
      return unknown;
    }
  }
}

/** The rule in Danish words: "hvert kvartal", "forår og efterår", "i juni og september". */
export function annualRuleLabel(rule: AnnualRule): string {
  switch (rule.kind) {
    case 'quarterly':
      return 'hvert kvartal';
    case 'spring_autumn':
      return 'forår og efterår';
    case 'months':
      return `i ${joinDanish(periodsOfRule(rule).map((period) => period.label))}`;
    default: {
      const unknown: never = rule;
      return unknown;
    }
  }
}

/** A recurring item as the placing needs it. */
export interface RecurringRule {
  id: number;
  rule: AnnualRule;
}

/** A meeting of the year's plan that can still take items. */
export interface CycleMeeting {
  id: number;
  date: string;
}

/** Where one recurring item goes in one period of the year: a meeting, or none yet. */
export interface CyclePlacement {
  recurringItemId: number;
  period: AnnualPeriod;
  /** The year and the period, "2027:1-3": what keeps applying the cycle twice from doubling. */
  cyclePeriod: string;
  meeting: CycleMeeting | null;
}

/**
 * Places each recurring item on the first meeting of `year` in each of its periods. A period
 * without a meeting gives a placement without one, so that the item still waits in the
 * punktbank and finds its meeting when the plan has one.
 */
export function placeAnnualCycle(
  items: readonly RecurringRule[],
  meetings: readonly CycleMeeting[],
  year: number,
): CyclePlacement[] {
  const inYear = meetings
    .filter((meeting) => meeting.date.startsWith(`${year}-`))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  return items.flatMap((item) =>
    periodsOfRule(item.rule).map((period) => ({
      recurringItemId: item.id,
      period,
      cyclePeriod: cyclePeriodOf(year, period),
      meeting: inYear.find((meeting) => period.months.includes(monthOf(meeting.date))) ?? null,
    })),
  );
}

/** The key of a period in a year, "2027:1-3", as planned items store it. */
export function cyclePeriodOf(year: number, period: AnnualPeriod): string {
  return `${year}:${period.key}`;
}

/** The year and first month of a stored cycle period, or null when it cannot be read. */
export function readCyclePeriod(value: string): { year: number; firstMonth: number } | null {
  const match = /^(\d{4}):(\d{1,2})(?:-\d{1,2})*$/u.exec(value);
  if (!match) return null;
  return { year: Number(match[1]), firstMonth: Number(match[2]) };
}

/** Whether a date falls in a stored cycle period ("2027:7-8-9" holds 2027-08-19). */
export function isInCyclePeriod(cyclePeriod: string, isoDate: string): boolean {
  const [year, months = ''] = cyclePeriod.split(':');
  if (isoDate.slice(0, 4) !== year) return false;
  return months.split('-').map(Number).includes(monthOf(isoDate));
}

/** The Danish name of a month (1–12). */
export function monthName(month: number): string {
  return danishMonthNames[month - 1] ?? '';
}

function monthOf(isoDate: string): number {
  return Number(isoDate.slice(5, 7));
}

/** "a", "a og b", "a, b og c". */
function joinDanish(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} og ${words.at(-1)}`;
}
