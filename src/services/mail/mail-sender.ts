import type { SendMailOptions } from 'nodemailer';
import { claimMailRecipient, markMailFailed, markMailSent } from '../../store/mail-store.ts';
import { type RenderedDocument, renderPublication } from '../document-service.ts';
import { buildInvitation } from './mail-invitation.ts';
import { composeMail } from './mail-messages.ts';
import { mailReader, type Recipient } from './mail-recipients.ts';
import { describeMailFailure, isPermanentFailure } from './mail-transport.ts';
import type { MailContext, MailPlan } from './mail-types.ts';

/**
 * How long a recipient may stand as "sending" before its worker counts as dead. Longer than a
 * send can take (the SMTP timeouts add up to well under this), so a live worker is never
 * mistaken for a dead one.
 */
const staleSendingMs = 15 * 60 * 1000;

/**
 * Sends the plan's mail to each recipient at most once for this event: the recipient is
 * claimed in the database before the mail goes to the server (the unique key lets one worker
 * have it), and marked sent or failed after. Recipients already sent are skipped, so a
 * delivery handed out again (after a crash, or after its lease ran out) sends nothing twice.
 * Throws when some recipient may succeed later, so the outbox retries with back-off.
 */
export async function sendMailPlan(
  context: MailContext,
  eventId: number,
  plan: MailPlan,
): Promise<void> {
  const db = context.archive.database.db;
  const transport = await context.transport();
  let document: Promise<RenderedDocument> | null = null;
  const renderOnce = (pdf: NonNullable<MailPlan['pdf']>): Promise<RenderedDocument> => {
    document ??= renderPublication(
      context.archive,
      mailReader(plan.forumId),
      plan.meetingId,
      pdf.kind,
      pdf.number,
    );
    return document;
  };
  const later: string[] = [];
  for (const recipient of plan.recipients) {
    const mail = composeMail(plan.content, plan.meeting, recipient);
    const now = new Date();
    const outcome = await claimMailRecipient(
      db,
      {
        eventId,
        meetingId: plan.meetingId,
        kind: plan.kind,
        publicationNumber: plan.publicationNumber,
        recipientName: recipient.name,
        email: recipient.email,
        role: recipient.role,
        subject: mail.subject,
        hasInvitation: plan.invitation !== null && plan.invitation.method === 'REQUEST',
      },
      { now, staleBefore: new Date(now.getTime() - staleSendingMs) },
    );
    if (outcome === 'busy') later.push(`${recipient.email}: sendes af en anden proces`);
    if (outcome !== 'claimed') continue;
    try {
      const attachments = plan.pdf ? [pdfAttachment(await renderOnce(plan.pdf))] : [];
      await transport.send({
        from: context.settings.from,
        to: { name: recipient.name, address: recipient.email },
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments,
        ...invitationOf(context, plan, recipient, now),
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      await markMailSent(db, eventId, recipient.email, new Date());
    } catch (error) {
      const description = describeMailFailure(error);
      const canRetry = !isPermanentFailure(error);
      await markMailFailed(db, eventId, recipient.email, description, canRetry);
      if (canRetry) later.push(`${recipient.email}: ${description}`);
    }
  }
  if (later.length > 0)
    throw new Error(
      `E-mail til ${later.length === 1 ? 'én modtager' : `${later.length} modtagere`} prøves igen senere (${later.join('; ')})`,
    );
}

function pdfAttachment(document: RenderedDocument) {
  return {
    filename: document.fileName,
    content: Buffer.from(document.bytes),
    contentType: 'application/pdf',
  };
}

/**
 * The calendar part: nodemailer's icalEvent puts it in the message as an alternative
 * `text/calendar; method=…` part, where Outlook and the other clients look for an invitation.
 */
function invitationOf(
  context: MailContext,
  plan: MailPlan,
  recipient: Recipient,
  stamp: Date,
): Pick<SendMailOptions, 'icalEvent'> {
  if (!plan.invitation) return {};
  const { method } = plan.invitation;
  return {
    icalEvent: {
      method,
      filename: method === 'CANCEL' ? 'aflysning.ics' : 'invitation.ics',
      content: buildInvitation(method, plan.meeting, {
        meetingId: plan.meetingId,
        uid: plan.invitation.uid,
        sequence: plan.invitation.sequence,
        durationMinutes: plan.invitation.durationMinutes,
        organizer: { name: context.settings.from.name, email: context.settings.from.address },
        attendee: { name: recipient.name, email: recipient.email },
        stamp,
      }),
    },
  };
}
