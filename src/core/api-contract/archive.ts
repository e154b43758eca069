import { z } from 'zod';
import { meetingStatusSchema } from './meetings.ts';

/** One search hit; the snippet marks hits as `[[word]]`. */
export const searchHitSchema = z.object({
  meeting: z.object({ id: z.number(), forum: z.string(), date: z.string() }),
  item: z.object({
    id: z.number(),
    number: z.number(),
    title: z.string(),
    caseNumber: z.string().nullable(),
  }),
  score: z.number(),
  snippet: z.string(),
  /** The Bilag the match came from when the item's own text has none: "i bilag: X.pdf". */
  attachment: z
    .object({ id: z.number(), title: z.string(), fileName: z.string().nullable() })
    .nullable(),
});

/** One entry of a journal number's timeline, oldest first (`GET /api/cases/:caseNumber`). */
export const caseEntrySchema = z.object({
  meetingId: z.number(),
  forum: z.string(),
  date: z.string(),
  status: meetingStatusSchema,
  itemId: z.number(),
  itemNumber: z.number(),
  title: z.string(),
  decision: z.string().nullable(),
  /** A closed item (only ever shown to readers with rights to it). */
  closed: z.boolean(),
});

/** The journal-number check: the normalized number, or why it does not look like one. */
export const caseNumberCheckSchema = z.object({
  ok: z.boolean(),
  normalized: z.string().nullable(),
  message: z.string().nullable(),
});

export type SearchHit = z.infer<typeof searchHitSchema>;
export type CaseEntry = z.infer<typeof caseEntrySchema>;
export type CaseNumberCheck = z.infer<typeof caseNumberCheckSchema>;
