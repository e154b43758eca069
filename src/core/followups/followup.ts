import { z } from 'zod';
import { isoDatePattern } from './calendar-days.ts';

/**
 * A follow-up (opfølgning) found in minutes: a task (who does what by when) or a return (an
 * item that must come back to the forum). `text` is the sentence it came from, so the
 * secretary can judge it; the owner, recipient and due range are read from that sentence.
 */

/** A due date as a range of ISO dates, both ends included. */
export const dueRangeSchema = z.strictObject({
  from: z.string().regex(isoDatePattern),
  to: z.string().regex(isoDatePattern),
});

/** One follow-up, as `referat followups --json` prints it. */
export const followupSchema = z.strictObject({
  item: z.int().min(1),
  kind: z.enum(['task', 'return']),
  owner: z.string().min(1).optional(),
  recipient: z.string().min(1).optional(),
  due: dueRangeSchema.optional(),
  text: z.string().min(1),
});

export type Followup = z.infer<typeof followupSchema>;
export type FollowupKind = Followup['kind'];
