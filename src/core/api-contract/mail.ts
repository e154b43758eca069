import { z } from 'zod';

/** What a mail was about: a published version, a moved meeting, or a cancelled one. */
export const mailKindSchema = z.enum(['agenda', 'minutes', 'invitation', 'cancellation']);

/** One recipient's mail. */
export const mailDeliverySchema = z.object({
  id: z.number(),
  kind: mailKindSchema,
  /** The published version it carried (agenda, minutes). */
  publicationNumber: z.number().nullable(),
  recipientName: z.string(),
  email: z.string(),
  /** A deputy (stedfortræder) is invited for a member with afbud. */
  role: z.enum(['member', 'deputy']),
  subject: z.string(),
  /** 'sending' while it is with the mail server. */
  state: z.enum(['sending', 'sent', 'failed']),
  /** The mail server's answer, when it failed. */
  error: z.string().nullable(),
  attemptedAt: z.string(),
  sentAt: z.string().nullable(),
});

/**
 * A meeting's e-mail (`GET /api/meetings/:id/deliveries`): how mail goes out, what was sent to
 * whom, and what still waits.
 */
export const meetingMailDeliveriesSchema = z.object({
  /** 'files': no mail server is set up; the messages are written to `directory`. */
  transport: z.object({
    kind: z.enum(['smtp', 'files', 'none']),
    directory: z.string().nullable(),
  }),
  deliveries: z.array(mailDeliverySchema),
  /** Events whose mail has not gone out: waiting for the worker, or given up. */
  queue: z.array(
    z.object({
      eventId: z.number(),
      type: z.string(),
      status: z.enum(['pending', 'failed']),
      error: z.string().nullable(),
    }),
  ),
});

export type MailKind = z.infer<typeof mailKindSchema>;
export type MailDelivery = z.infer<typeof mailDeliverySchema>;
export type MeetingMailDeliveries = z.infer<typeof meetingMailDeliveriesSchema>;
