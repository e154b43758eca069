import type { MailKind } from '../../store/mail-store.ts';
import type { Archive } from '../archive-types.ts';
import type { MailContent, MeetingFacts } from './mail-messages.ts';
import type { Recipient } from './mail-recipients.ts';
import type { MailSettings } from './mail-settings.ts';
import type { MailTransport } from './mail-transport.ts';

/*
 * The mail's shared shapes: what sending needs and what a planned mail is. They live apart
 * from the consumer (which plans) and the sender (which sends), which both name them.
 */

/** What sending needs: the archive, the settings, and the transport (made on first use). */
export interface MailContext {
  archive: Archive;
  settings: MailSettings;
  transport: () => Promise<MailTransport>;
}

/** Everything one event's mail is: what, to whom, with which PDF and invitation. */
export interface MailPlan {
  meetingId: number;
  forumId: number;
  kind: MailKind;
  publicationNumber: number | null;
  content: MailContent;
  meeting: MeetingFacts;
  recipients: Recipient[];
  /** The published version attached as PDF, rendered once for all recipients. */
  pdf: { kind: 'agenda' | 'minutes'; number: number } | null;
  invitation: {
    method: 'REQUEST' | 'CANCEL';
    uid: string;
    sequence: number;
    durationMinutes: number;
  } | null;
}
