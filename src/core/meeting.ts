import { z } from 'zod';

/**
 * The Meeting interchange document, as zod schemas that match `spec/meeting.schema.json`.
 * `referat parse`, `referat export`, `referat import` and the API all speak this shape;
 * a test keeps the zod schema and the JSON Schema in step.
 */

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
const clockTimePattern = /^\d{2}:\d{2}$/;

/** Indstilling: who recommends, and the numbered points the forum is asked to adopt. */
export const recommendationSchema = z.strictObject({
  proposer: z.string(),
  points: z.array(z.string()),
});

/** Bilag: one attachment, with its file when the file is known. */
export const attachmentSchema = z.strictObject({
  title: z.string().min(1),
  file: z.string().nullable().optional(),
});

/** Fraværende: one absent member, with the role written in parentheses. */
export const absenceSchema = z.strictObject({
  name: z.string().min(1),
  role: z.string().nullable().optional(),
});

/** Punkt: one numbered agenda item with its sections. */
export const agendaItemSchema = z.strictObject({
  number: z.int().min(1),
  title: z.string().min(1),
  caseNumber: z.string().nullable(),
  closed: z.boolean(),
  durationMinutes: z.int().min(1).nullable().optional(),
  background: z.string().nullable(),
  presentation: z.string().nullable(),
  recommendation: recommendationSchema.nullable(),
  decision: z.string().nullable(),
  attachments: z.array(attachmentSchema),
  absent: z.array(absenceSchema),
});

/** Møde: one meeting of a forum, as an agenda (dagsorden) or as minutes (referat). */
export const meetingSchema = z.strictObject({
  forum: z.string().min(1),
  kind: z.enum(['agenda', 'minutes']),
  date: z.string().regex(isoDatePattern),
  start: z.string().regex(clockTimePattern).nullable().optional(),
  location: z.string().nullable().optional(),
  items: z.array(agendaItemSchema),
});

export type Recommendation = z.infer<typeof recommendationSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type Absence = z.infer<typeof absenceSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingKind = Meeting['kind'];

/** A new item with a number and a title and nothing else: the base of every item made in code. */
export function createEmptyItem(number: number, title: string): AgendaItem {
  return {
    number,
    title,
    caseNumber: null,
    closed: false,
    durationMinutes: null,
    background: null,
    presentation: null,
    recommendation: null,
    decision: null,
    attachments: [],
    absent: [],
  };
}
