import { z } from 'zod';
import {
  followupOwnerKinds,
  followupStates,
  followupStatuses,
} from '../followups/followup-tracking.ts';
import { isoDateSchema, visibleTextSchema } from '../text-input.ts';
import { enumOf } from './enum-of.ts';

/**
 * The API's follow-ups (opfølgninger): what it takes (confirming, editing, rejecting) and what
 * it answers (a meeting's suggestions and confirmed ones, the lists per user, forum and case).
 * Follow-ups are the forum's internal working data: only its members and staff read them.
 */

/** A task (who does what by when) or an item that comes back to the forum. */
export const followupKindSchema = z.enum(['task', 'return']);

/** Suggestion, confirmed or rejected. */
export const followupStateSchema = enumOf(followupStates);

/** Open, done or cancelled. */
export const followupStatusSchema = enumOf(followupStatuses);

/** A due range, both ends included. */
export const followupDueSchema = z.object({
  from: z.string().meta({ description: 'Første dag (ISO-dato)' }),
  to: z.string().meta({ description: 'Sidste dag: fristen (ISO-dato)' }),
});

/** Who owns it: a member of the forum, or a unit (afdeling, gruppe) by name. */
export const followupOwnerSchema = z.object({
  name: z.string(),
  kind: enumOf(followupOwnerKinds),
});

/** A note on a follow-up: who wrote what, when. */
export const followupNoteSchema = z.object({
  at: z.string().meta({ description: 'Hvornår (ISO 8601)' }),
  author: z.string(),
  text: z.string(),
});

/** One follow-up, with the meeting and item it came from. */
export const followupSchema = z.object({
  id: z.number(),
  version: z.number(),
  kind: followupKindSchema,
  state: followupStateSchema,
  status: followupStatusSchema,
  title: z.string(),
  /** The sentence of the decision it was found in. */
  text: z.string(),
  owner: followupOwnerSchema.nullable(),
  due: followupDueSchema.nullable(),
  /** Confirmed, open and past its deadline. */
  isOverdue: z.boolean(),
  notes: z.array(followupNoteSchema),
  meeting: z.object({ id: z.number(), date: z.string() }),
  forum: z.object({ id: z.number(), name: z.string() }),
  item: z.object({
    id: z.number(),
    number: z.number(),
    title: z.string(),
    caseNumber: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One step of a follow-up's history: found, confirmed, edited, a status set, a note. */
export const followupHistoryEntrySchema = z.object({
  action: z.string(),
  author: z.string().nullable(),
  /** The note or reason given with the step. */
  reason: z.string().nullable(),
  createdAt: z.string(),
});

/** A follow-up with its history (`GET /api/followups/:id`). */
export const followupDetailSchema = followupSchema.extend({
  history: z.array(followupHistoryEntrySchema),
});

/**
 * A meeting's follow-ups (`GET /api/meetings/:id/followups`): the suggestions found in its
 * decisions and the rejected ones (for its secretaries), the confirmed ones, and the forum's
 * open follow-ups due on or before its date (from earlier meetings).
 */
export const meetingFollowupsSchema = z.object({
  suggestions: z.array(followupSchema),
  confirmed: z.array(followupSchema),
  rejected: z.array(followupSchema),
  dueBefore: z.array(followupSchema),
  /** Whether the user may confirm, edit and reject them. */
  canManage: z.boolean(),
  /** The forum's members by name, to choose an owner from (for those who manage). */
  members: z.array(z.string()),
});

/** A list of follow-ups (per user, forum or case). */
export const followupListSchema = z.array(followupSchema);

/** Which follow-ups a list shows: open ones (the default), only overdue ones, or all. */
export const followupFilterSchema = z.enum(['open', 'overdue', 'all']);

const ownerInputSchema = z.strictObject({
  name: visibleTextSchema(200, 'skriv hvem der har opfølgningen'),
  kind: enumOf(followupOwnerKinds),
});

const dueInputSchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((due) => due.from <= due.to, 'fristens første dag skal ligge før den sidste');

/** The fields a secretary sets when confirming or editing; each optional. */
const followupFieldsSchema = z.strictObject({
  title: visibleTextSchema(200, 'skriv en titel').optional(),
  kind: followupKindSchema.optional(),
  owner: ownerInputSchema.nullable().optional(),
  due: dueInputSchema.nullable().optional(),
});

/** Confirming a suggestion (`POST /api/followups/:id/confirm`), perhaps with edits. */
export const followupConfirmationSchema = followupFieldsSchema.extend({ version: z.int() });

/**
 * Changing a follow-up (`PATCH /api/followups/:id`): its fields, its status, and a note (with
 * the status, or alone), from the version the caller saw.
 */
export const followupChangesSchema = followupFieldsSchema.extend({
  version: z.int(),
  status: followupStatusSchema.optional(),
  note: z.string().trim().min(1, 'skriv en note').max(2000).optional(),
});

/** Rejecting a suggestion (`POST /api/followups/:id/reject`), perhaps with a reason. */
export const followupRejectionSchema = z.strictObject({
  version: z.int(),
  reason: z.string().trim().max(500).optional(),
});

export type FollowupKind = z.infer<typeof followupKindSchema>;
export type FollowupView = z.infer<typeof followupSchema>;
export type FollowupDetail = z.infer<typeof followupDetailSchema>;
export type FollowupHistoryEntry = z.infer<typeof followupHistoryEntrySchema>;
export type FollowupNote = z.infer<typeof followupNoteSchema>;
export type MeetingFollowups = z.infer<typeof meetingFollowupsSchema>;
export type FollowupFilter = z.infer<typeof followupFilterSchema>;
export type FollowupConfirmation = z.input<typeof followupConfirmationSchema>;
export type FollowupChanges = z.input<typeof followupChangesSchema>;
export type FollowupRejection = z.input<typeof followupRejectionSchema>;
