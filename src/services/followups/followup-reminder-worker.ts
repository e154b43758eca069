import type { Kysely } from 'kysely';
import { dueReminder, isNamedOwner } from '../../core/followups/followup-tracking.ts';
import type { DatabaseSchema } from '../../store/database-schema.ts';
import {
  listFollowups,
  releaseFollowupReminder,
  reserveFollowupReminder,
  type StoredFollowup,
} from '../../store/followup-store.ts';
import { type ForumMember, listForumMembers } from '../../store/forum-store.ts';
import type { Archive } from '../archive-types.ts';
import { type FollowupReminder, sendFollowupReminder } from '../mail/followup-reminders.ts';
import type { MailSettings } from '../mail/mail-settings.ts';
import type { MailTransport } from '../mail/mail-transport.ts';
import { copenhagenToday } from '../portal-service.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * Reminders of follow-ups by e-mail: `daysBefore` days before a deadline (until the day
 * itself), and once it is overdue, to the owner when the owner is a member of the forum with
 * an address. `REFERAT_FOLLOWUP_REMINDER_DAYS` sets the days (3 unless set; 0 reminds on the
 * day only). The mail goes as the other mail does (REFERAT_SMTP_URL, or .eml files).
 */
export interface FollowupReminderSettings {
  daysBefore: number;
  mail: MailSettings;
}

/** Reads how many days before a deadline to remind; a value that cannot work stops the start. */
export function reminderDaysFromEnvironment(environment: NodeJS.ProcessEnv = process.env): number {
  const text = environment.REFERAT_FOLLOWUP_REMINDER_DAYS?.trim();
  if (!text) return 3;
  if (!/^\d{1,2}$/u.test(text))
    throw new Error(`REFERAT_FOLLOWUP_REMINDER_DAYS skal være et antal dage fra 0 til 99: ${text}`);
  return Number(text);
}

/** What one check sent: reminders sent, failed for good, and left for the next check. */
export interface ReminderSummary {
  sent: number;
  failed: number;
  later: number;
}

/**
 * Sends the reminders due now, each once: it is reserved (and so recorded as sent) in one
 * conditional write before it goes, which only one worker wins; a mail server that says
 * "later" gives the reservation back for the next check. `now` is for tests.
 */
export async function sendDueFollowupReminders(
  archive: Archive,
  settings: FollowupReminderSettings,
  transport: MailTransport,
  now = new Date(),
): Promise<ReminderSummary> {
  const db = archive.database.db;
  const today = copenhagenToday(now);
  const summary: ReminderSummary = { sent: 0, failed: 0, later: 0 };
  const rosters = new Map<number, ForumMember[]>();
  const open = await listFollowups(db, { states: ['confirmed'], statuses: ['open'] });
  for (const followup of open) {
    const kind = dueReminder(
      {
        ...followup,
        remindedBefore: followup.remindedBeforeAt !== null,
        remindedOverdue: followup.remindedOverdueAt !== null,
      },
      today,
      settings.daysBefore,
    );
    const recipient = kind ? await ownerAddress(db, followup, rosters) : null;
    if (!kind || !recipient || !followup.dueFrom || !followup.dueTo) continue;
    const at = now.toISOString();
    if (!(await reserveFollowupReminder(db, followup.id, kind, at))) continue;
    const reminder: FollowupReminder = {
      kind,
      facts: { ...followup, due: { from: followup.dueFrom, to: followup.dueTo } },
      recipient,
      today,
      url: `${settings.mail.publicUrl}/opfoelgning`,
    };
    const { outcome } = await sendFollowupReminder(transport, settings.mail, reminder);
    if (outcome === 'retry') await releaseFollowupReminder(db, followup.id, kind, at);
    summary[outcome === 'retry' ? 'later' : outcome]++;
  }
  return summary;
}

/** The owner's name and address, when the owner is a member of the forum who has one. */
async function ownerAddress(
  db: Executor,
  followup: StoredFollowup,
  rosters: Map<number, ForumMember[]>,
): Promise<{ name: string; email: string } | null> {
  if (followup.ownerKind !== 'member') return null;
  let roster = rosters.get(followup.forumId);
  if (!roster) {
    roster = await listForumMembers(db, followup.forumId);
    rosters.set(followup.forumId, roster);
  }
  const member = roster.find((entry) => isNamedOwner(followup.ownerName, [entry.name]));
  return member?.email ? { name: member.name, email: member.email } : null;
}

/** A running reminder check. */
export interface FollowupReminderWorker {
  stop(): Promise<void>;
}

/**
 * Starts the periodic check of the server (`npm start`): once now, then every `intervalMs`
 * (an hour unless set), so that a reminder goes out on its day within the hour. The mail
 * transport is made on first use. Errors of a check (the database away) wait for the next.
 */
export function startFollowupReminders(
  archive: Archive,
  settings: FollowupReminderSettings,
  options: { intervalMs?: number; transport?: MailTransport } = {},
): FollowupReminderWorker {
  let transport: Promise<MailTransport> | null = options.transport
    ? Promise.resolve(options.transport)
    : null;
  let running: Promise<unknown> | null = null;
  let isStopped = false;
  const pass = (): void => {
    if (isStopped || running) return;
    transport ??= import('../mail/mail-transport.ts').then((module) =>
      module.createMailTransport(settings.mail),
    );
    running = transport
      .then((ready) => sendDueFollowupReminders(archive, settings, ready))
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(pass, options.intervalMs ?? 60 * 60 * 1000);
  timer.unref();
  pass();
  return {
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
