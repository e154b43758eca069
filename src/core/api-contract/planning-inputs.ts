import { z } from 'zod';
import { annualRuleSchema } from '../annual-cycle.ts';
import { clockTimeSchema, isoDateSchema, visibleTextSchema } from '../text-input.ts';

/**
 * What the API takes about planning ahead: the request bodies the server validates and the
 * app sends, from the same schemas.
 */

const optionalText = (max: number) => z.string().trim().max(max).nullable();

/** A planned item's fields; a new one needs a title. */
export const plannedItemFieldsSchema = z.strictObject({
  title: visibleTextSchema(500, 'skriv en titel på punktet'),
  caseNumber: optionalText(60),
  purpose: optionalText(40),
  durationMinutes: z.int().min(1).max(600).nullable(),
  note: optionalText(2000),
  closed: z.boolean(),
  /** The meeting it is planned for; null: it waits in the punktbank. */
  meetingId: z.int().positive().nullable(),
});

/** A planned item made by hand (`POST /api/forums/:id/planned-items`). */
export const newPlannedItemSchema = plannedItemFieldsSchema.partial().required({ title: true });

/** A planned item changed or moved to another meeting (`PATCH /api/planned-items/:id`). */
export const plannedItemChangesSchema = plannedItemFieldsSchema.partial();

/** A due range, ISO dates, the first not after the last. */
export const dueRangeInputSchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((range) => range.from <= range.to, 'fristen slutter før den begynder');

/**
 * A return to plan (`POST /api/forums/:id/planned-returns`): the item it comes back from and,
 * when the decision named one, when it is due.
 */
export const plannedReturnSchema = z.strictObject({
  itemId: z.int().positive(),
  due: dueRangeInputSchema.nullable().optional(),
});

/** Taking a planned item into a meeting's agenda (`POST /api/planned-items/:id/take`). */
export const takePlannedItemSchema = z.strictObject({ meetingId: z.int().positive() });

/** Monday = 0 … Sunday = 6. */
const weekdaySchema = z.literal([0, 1, 2, 3, 4, 5, 6]);

/** How often a series meets: on a weekday every n weeks, or on the nth weekday of the month. */
export const seriesPatternSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('weekly'),
    weekday: weekdaySchema,
    intervalWeeks: z.int().min(1).max(52),
  }),
  z.strictObject({
    kind: z.literal('monthly'),
    weekday: weekdaySchema,
    /** The first to the fourth, or -1: the last. */
    ordinal: z.literal([1, 2, 3, 4, -1]),
  }),
]);

/**
 * A series of meetings (`POST /api/forums/:id/meeting-series`): the pattern, the span, the
 * weeks to skip, time and place; `dryRun` answers the dates without creating anything.
 */
export const meetingSeriesInputSchema = z.strictObject({
  pattern: seriesPatternSchema,
  from: isoDateSchema,
  to: isoDateSchema,
  skipWeeks: z.array(z.int().min(1).max(53)).max(53).default([]),
  start: clockTimeSchema.nullable().optional(),
  location: z.string().trim().max(200).nullable().optional(),
  dryRun: z.boolean().optional(),
});

/** A recurring item of the annual cycle (`POST`/`PUT` …/recurring-items). */
export const recurringItemInputSchema = z.strictObject({
  title: visibleTextSchema(500, 'skriv en titel på punktet'),
  purpose: optionalText(40).optional(),
  durationMinutes: z.int().min(1).max(600).nullable().optional(),
  rule: annualRuleSchema,
});

/** The forum's planning settings (`PUT /api/forums/:id/annual-cycle/settings`). */
export const planningSettingsSchema = z.strictObject({ showsAnnualWheel: z.boolean() });

export type NewPlannedItemInput = z.infer<typeof newPlannedItemSchema>;
export type PlannedItemChanges = z.infer<typeof plannedItemChangesSchema>;
export type PlannedReturnInput = z.infer<typeof plannedReturnSchema>;
export type SeriesPatternInput = z.infer<typeof seriesPatternSchema>;
export type MeetingSeriesInput = z.input<typeof meetingSeriesInputSchema>;
export type RecurringItemInput = z.infer<typeof recurringItemInputSchema>;
