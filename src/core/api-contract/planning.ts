import { z } from 'zod';
import { annualRuleSchema } from '../annual-cycle.ts';
import { editableItemSchema, meetingStatusSchema } from './meetings.ts';

/**
 * The API's answers about planning ahead: the punktbank (planned items), the year's meeting
 * plan, meeting series, the annual cycle (recurring items) and the årshjul. The server
 * declares them as its response schemas and the app reads its types from them.
 */

/** A meeting as a plan names it (only one its reader may see). */
export const planMeetingSchema = z.object({
  id: z.number(),
  date: z.string(),
  status: meetingStatusSchema,
});

/** Where a planned item comes from. */
export const plannedItemSourceSchema = z.enum(['return', 'annual', 'manual']);

/**
 * An item in the forum's punktbank: planned for a meeting, or waiting for one (`meeting`
 * null, also when the reader may not see the meeting), until it is taken into an agenda.
 */
export const plannedItemSchema = z.object({
  id: z.number(),
  forumId: z.number(),
  meeting: planMeetingSchema.nullable(),
  title: z.string(),
  caseNumber: z.string().nullable(),
  purpose: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  note: z.string().nullable(),
  /** It goes on the agenda as a closed item (lukket punkt). */
  closed: z.boolean(),
  source: plannedItemSourceSchema,
  /** The item a return comes back from: its number and meeting. */
  sourceItem: z
    .object({ id: z.number(), number: z.number(), meeting: planMeetingSchema })
    .nullable(),
  recurringItemId: z.number().nullable(),
  /** The annual cycle's period it was made for ("2027:1-2-3"). */
  cyclePeriod: z.string().nullable(),
  /** When a return is due (ISO dates, both included). */
  due: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** The agenda item it became, once taken in. */
  takenItemId: z.number().nullable(),
  isTaken: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The answer to taking a planned item into an agenda: the item as planned, and as added. */
export const takenPlannedItemSchema = z.object({
  plannedItem: plannedItemSchema,
  item: editableItemSchema,
});

/** A deleted planned or recurring item. */
export const deletedPlanEntrySchema = z.object({ deleted: z.literal(true) });

/** One date of a meeting series: new, already a meeting of the forum, or created now. */
export const seriesDateSchema = z.object({
  date: z.string(),
  week: z.number(),
  state: z.enum(['new', 'exists', 'created']),
  meetingId: z.number().nullable(),
});

/** The dates a meeting series gives (a dry run), or the meetings it created. */
export const meetingSeriesResultSchema = z.object({
  isDryRun: z.boolean(),
  dates: z.array(seriesDateSchema),
  /** Dates the pattern gives in the weeks the series skips. */
  skipped: z.array(z.object({ date: z.string(), week: z.number() })),
  createdCount: z.number(),
});

/** A meeting as the year's plan shows it, with what the reader may do with it. */
export const yearMeetingSchema = z.object({
  id: z.number(),
  date: z.string(),
  start: z.string().nullable(),
  location: z.string().nullable(),
  status: meetingStatusSchema,
  statusLabel: z.string(),
  /** For moving it: `PATCH /api/meetings/:id` names the version it starts from. */
  version: z.number(),
  /** Planned items waiting for it in the punktbank. */
  waitingItemCount: z.number(),
  permissions: z.object({
    canEditDetails: z.boolean(),
    canCancel: z.boolean(),
    canDelete: z.boolean(),
  }),
});

/** One entry of the årshjul (a meeting, a planned item or a recurring item) in its month. */
export const wheelEntrySchema = z.object({
  kind: z.enum(['meeting', 'recurring', 'planned']),
  month: z.number(),
  date: z.string().nullable(),
  title: z.string(),
  detail: z.string().nullable(),
});

/** The year at a glance: its months with their meetings, and the årshjul's entries. */
export const yearPlanSchema = z.object({
  forum: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  months: z.array(
    z.object({ month: z.number(), name: z.string(), meetings: z.array(yearMeetingSchema) }),
  ),
  wheelEntries: z.array(wheelEntrySchema),
  permissions: z.object({ canManagePlan: z.boolean(), canCreateMeetings: z.boolean() }),
});

/** A recurring item of the annual cycle. */
export const recurringItemSchema = z.object({
  id: z.number(),
  forumId: z.number(),
  title: z.string(),
  purpose: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  rule: annualRuleSchema,
  /** The rule in Danish: "hvert kvartal", "forår og efterår", "i juni og september". */
  ruleLabel: z.string(),
});

/** The forum's annual cycle: its recurring items and whether the agenda PDF shows the årshjul. */
export const annualCycleSchema = z.object({
  items: z.array(recurringItemSchema),
  showsAnnualWheel: z.boolean(),
});

/** What applying the annual cycle to a year did. */
export const annualCycleApplicationSchema = z.object({
  year: z.number(),
  /** New planned items. */
  createdCount: z.number(),
  /** Waiting items that found their meeting now. */
  placedCount: z.number(),
  /** Items already planned by an earlier application. */
  unchangedCount: z.number(),
  /** Periods with no meeting yet: their items wait in the punktbank. */
  waiting: z.array(z.object({ title: z.string(), period: z.string() })),
});

export type PlanMeeting = z.infer<typeof planMeetingSchema>;
export type PlannedItemSource = z.infer<typeof plannedItemSourceSchema>;
export type PlannedItem = z.infer<typeof plannedItemSchema>;
export type TakenPlannedItem = z.infer<typeof takenPlannedItemSchema>;
export type SeriesDate = z.infer<typeof seriesDateSchema>;
export type MeetingSeriesResult = z.infer<typeof meetingSeriesResultSchema>;
export type YearMeeting = z.infer<typeof yearMeetingSchema>;
export type WheelEntryAnswer = z.infer<typeof wheelEntrySchema>;
export type YearPlan = z.infer<typeof yearPlanSchema>;
export type RecurringItem = z.infer<typeof recurringItemSchema>;
export type AnnualCycle = z.infer<typeof annualCycleSchema>;
export type AnnualCycleApplication = z.infer<typeof annualCycleApplicationSchema>;
