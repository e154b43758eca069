import { formatDanishDate } from '../../core/danish-date.ts';
import { addDays } from '../../core/followups/calendar-days.ts';
import { formatDueRange, type ReminderKind } from '../../core/followups/followup-tracking.ts';
import type { ComposedMail } from './mail-messages.ts';
import { type MailBlock, renderMailHtml, renderMailText } from './mail-messages.ts';
import type { MailSettings } from './mail-settings.ts';
import { describeMailFailure, isPermanentFailure, type MailTransport } from './mail-transport.ts';

/*
 * The follow-up reminders' mail: a few days before a deadline, and once it is overdue, to the
 * owner when the owner is a forum member with an address. Danish, plain text and HTML from the
 * same blocks as the other mails.
 */

/** What a reminder tells about its follow-up. */
export interface ReminderFacts {
  title: string;
  /** The sentence of the decision. */
  text: string;
  due: { from: string; to: string };
  forumName: string;
  meetingDate: string;
  itemNumber: number;
  itemTitle: string;
}

/** One reminder to one owner. */
export interface FollowupReminder {
  kind: ReminderKind;
  facts: ReminderFacts;
  recipient: { name: string; email: string };
  /** Today in Copenhagen, which says "i dag", "om 3 dage" or "i går". */
  today: string;
  /** The page of one's follow-ups in Referat. */
  url: string;
}

/** The reminder's subject, text and HTML. */
export function composeFollowupReminder(reminder: FollowupReminder): ComposedMail {
  const { facts, kind } = reminder;
  const subject =
    kind === 'overdue'
      ? `Fristen er overskredet: ${facts.title}`
      : `Påmindelse: ${facts.title} – frist ${formatDanishDate(facts.due.to)}`;
  const blocks: MailBlock[] = [
    { type: 'paragraph', text: `Kære ${reminder.recipient.name}` },
    { type: 'paragraph', text: `${deadlineSentence(reminder)} Du står som ansvarlig for den.` },
    {
      type: 'list',
      items: [
        `Opfølgning: ${facts.title}`,
        `Frist: ${formatDueRange(facts.due)}`,
        `Fra: ${facts.forumName} ${formatDanishDate(facts.meetingDate)}, punkt ${facts.itemNumber}: ${facts.itemTitle}`,
        `Beslutningen: »${facts.text}«`,
      ],
    },
    {
      type: 'paragraph',
      text: 'Er opfølgningen klaret, kan sekretariatet markere den som udført i Referat.',
    },
    { type: 'link', label: 'Se dine opfølgninger i Referat:', url: reminder.url },
    { type: 'paragraph', text: 'Med venlig hilsen\nReferat' },
    {
      type: 'paragraph',
      text: `Du får denne e-mail fra Referat, fordi du står som ansvarlig for en opfølgning i ${facts.forumName}.`,
    },
  ];
  return { subject, text: renderMailText(blocks), html: renderMailHtml(subject, blocks) };
}

function deadlineSentence({ kind, facts, today }: FollowupReminder): string {
  const deadline = facts.due.to;
  if (kind === 'overdue')
    return deadline === addDays(today, -1)
      ? 'Fristen for en opfølgning var i går, og den er ikke markeret som udført.'
      : `Fristen for en opfølgning var ${formatDanishDate(deadline)}, og den er ikke markeret som udført.`;
  if (deadline === today) return 'Fristen for en opfølgning er i dag.';
  const days = daysBetween(today, deadline);
  return `Fristen for en opfølgning er om ${days === 1 ? 'én dag' : `${days} dage`}, ${formatDanishDate(deadline)}.`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How one reminder went: sent, failed for good, or to be tried again at a later check. */
export type ReminderOutcome = 'sent' | 'failed' | 'retry';

/** Sends one reminder through the mail's transport; never throws. */
export async function sendFollowupReminder(
  transport: MailTransport,
  settings: Pick<MailSettings, 'from'>,
  reminder: FollowupReminder,
): Promise<{ outcome: ReminderOutcome; error: string | null }> {
  const mail = composeFollowupReminder(reminder);
  try {
    await transport.send({
      from: settings.from,
      to: { name: reminder.recipient.name, address: reminder.recipient.email },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return { outcome: 'sent', error: null };
  } catch (error) {
    return {
      outcome: isPermanentFailure(error) ? 'failed' : 'retry',
      error: describeMailFailure(error),
    };
  }
}
