import { z } from 'zod';
import { purposeLabel } from '../forum-practice.ts';
import { recommendationSchema } from '../meeting.ts';
import { clockTimeSchema, isoDateSchema, visibleTextSchema } from '../text-input.ts';

/**
 * What the API takes about meetings and items: the request bodies the server validates and
 * the app sends, from the same schemas.
 */

/** The editable fields of an item as the API takes them; each one optional. */
export const itemFieldsSchema = z.strictObject({
  title: visibleTextSchema(500, 'titlen må ikke være tom'),
  caseNumber: z.string().trim().max(60).nullable(),
  closed: z.boolean(),
  durationMinutes: z.int().min(1).max(600).nullable(),
  // Old clients send the keys of the three classic purposes; they mean the same words.
  purpose: z
    .string()
    .trim()
    .max(40)
    .nullable()
    .transform((purpose) => purposeLabel(purpose)),
  background: z.string().max(200_000).nullable(),
  presentation: z.string().max(500_000).nullable(),
  recommendation: recommendationSchema.nullable(),
  decision: z.string().max(200_000).nullable(),
  absent: z.array(
    z.strictObject({
      name: visibleTextSchema(200, 'skriv navnet'),
      role: z.string().max(200).nullable(),
    }),
  ),
  guests: z
    .array(
      z.strictObject({
        name: visibleTextSchema(200, 'skriv gæstens navn'),
        role: z.string().trim().max(200).nullable(),
      }),
    )
    .max(50),
  communication: z.string().trim().max(2000).nullable(),
});

/** A new item (`POST /api/meetings/:id/items`): a title, and any other field. */
export const newItemSchema = itemFieldsSchema.partial().required({ title: true });

/** Saving an item (`PATCH /api/items/:id`): the fields sent, with the version they were based on. */
export const itemSaveSchema = itemFieldsSchema.partial().extend({ version: z.int() });

/** A correction of approved minutes (`POST /api/items/:id/corrections`). */
export const itemCorrectionSchema = z.strictObject({
  version: z.int(),
  reason: z.string().trim().min(1, 'skriv en begrundelse for rettelsen').max(2000),
  changes: itemFieldsSchema.partial(),
});

const placeSchema = z.string().trim().max(200).nullable().optional();

/** A new meeting (`POST /api/meetings`): the forum, the date, and perhaps time and place. */
export const newMeetingSchema = z.strictObject({
  forumId: z.int().positive(),
  date: isoDateSchema,
  start: clockTimeSchema.nullable().optional(),
  location: placeSchema,
});

/** A meeting's date, time or place changed (`PATCH /api/meetings/:id`). */
export const meetingDetailsSchema = z.strictObject({
  version: z.int(),
  date: isoDateSchema.optional(),
  start: clockTimeSchema.nullable().optional(),
  location: placeSchema,
});

/** Cancelling a meeting, with a reason for the members (`POST /api/meetings/:id/cancel`). */
export const meetingCancellationSchema = z
  .strictObject({ reason: z.string().trim().max(500).nullable().optional() })
  .optional();

/** The items in their new order (`PUT /api/meetings/:id/order`). */
export const itemOrderSchema = z.strictObject({ itemIds: z.array(z.int().positive()).max(1000) });

/** Someone absent from the whole meeting (`POST /api/meetings/:id/absences`). */
export const meetingAbsenceSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().max(200).nullable().optional(),
});

export type ItemFieldsInput = z.input<typeof itemFieldsSchema>;
export type NewItem = z.input<typeof newItemSchema>;
export type NewMeeting = z.input<typeof newMeetingSchema>;
export type MeetingDetails = z.input<typeof meetingDetailsSchema>;
export type MeetingAbsence = z.input<typeof meetingAbsenceSchema>;
