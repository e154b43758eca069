import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowupView } from '../src/core/api-contract/followups.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import {
  confirmFollowup,
  getMeetingFollowups,
  updateFollowup,
} from '../src/services/followup-tracking-service.ts';
import {
  type FollowupReminderSettings,
  reminderDaysFromEnvironment,
  sendDueFollowupReminders,
} from '../src/services/followups/followup-reminder-worker.ts';
import { createForum, saveForum } from '../src/services/forum-service.ts';
import { createMailTransport, type MailTransport } from '../src/services/mail/mail-transport.ts';
import { deliverDueEvents } from '../src/services/outbox/outbox-worker.ts';
import { testAdministrator } from './support/actors.ts';
import { testDatabases } from './support/databases.ts';
import { publishDecidedMeeting, sicknessDecisions } from './support/followup-meeting.ts';
import { findPart, parseMime, textOf } from './support/mime-message.ts';
import { type SmtpSink, startSmtpSink } from './support/smtp-sink.ts';

const publicUrl = 'https://referat.albertslund.example';
const rikkeAddress = 'rikke@albertslund.example';

/** A moment on a Copenhagen day (08:00 there, summer time). */
const on = (date: string): Date => new Date(`${date}T06:00:00Z`);

/**
 * Reminders of follow-ups to a real SMTP server in this process, with the clock in the test's
 * hand: three days before the deadline and the day after it, each once, to the owner who is a
 * member with an address; nobody else; "try later" tried again, a refusal not.
 */
describe.each(testDatabases())('follow-up reminders on %s', (_name, openDatabase) => {
  let sink: SmtpSink;
  let archive: Archive;
  let transport: MailTransport;
  let settings: FollowupReminderSettings;
  let notat: FollowupView;

  beforeAll(async () => {
    sink = await startSmtpSink();
    archive = await openArchiveOn(await openDatabase(), { followups: true });
    settings = {
      daysBefore: 3,
      mail: {
        smtpUrl: sink.url,
        outboxDirectory: '/nonexistent',
        publicUrl,
        from: { name: 'Referat Albertslund', address: 'referat@albertslund.example' },
      },
    };
    transport = createMailTransport(settings.mail);
    const forumId = (
      await createForum(archive, testAdministrator, { name: 'Chefforum', abbreviation: 'CF' })
    ).id;
    await saveForum(archive, testAdministrator, forumId, {
      name: 'Chefforum',
      abbreviation: 'CF',
      members: [
        { name: 'Rikke Blom', role: 'Direktør BSV', email: rikkeAddress },
        { name: 'Jens Andersen', role: 'Kommunaldirektør' },
      ],
    });
    const { meetingId } = await publishDecidedMeeting(
      archive,
      testAdministrator,
      forumId,
      '2031-06-04',
      sicknessDecisions,
    );
    await deliverDueEvents(archive);
    const { suggestions } = await getMeetingFollowups(archive, testAdministrator, meetingId);
    // Rikke's own task (due 18 June); the chiefs' task given to Jens, who has no address; a
    // unit's; all confirmed.
    for (const suggestion of suggestions) {
      const isChiefs = suggestion.text.startsWith('Cheferne');
      const confirmed = await confirmFollowup(archive, testAdministrator, suggestion.id, {
        version: suggestion.version,
        ...(isChiefs ? { owner: { name: 'Jens Andersen', kind: 'member' as const } } : {}),
        ...(suggestion.due ? {} : { due: { from: '2031-06-18', to: '2031-06-18' } }),
      });
      if (suggestion.text.startsWith('Rikke Blom')) notat = confirmed;
    }
  });
  afterAll(async () => {
    await archive?.close();
    await sink?.close();
  });

  const check = (date: string) => sendDueFollowupReminders(archive, settings, transport, on(date));
  const received = () =>
    sink.messages.map((mail) => {
      const root = parseMime(mail.raw);
      return {
        to: mail.to,
        subject: root.headers.get('subject') ?? '',
        text: textOf(findPart(root, 'text/plain')).replaceAll('\r\n', '\n'),
        html: textOf(findPart(root, 'text/html')),
      };
    });

  it('reads the days before from REFERAT_FOLLOWUP_REMINDER_DAYS, 3 unless set', () => {
    expect(reminderDaysFromEnvironment({})).toBe(3);
    expect(reminderDaysFromEnvironment({ REFERAT_FOLLOWUP_REMINDER_DAYS: '7' })).toBe(7);
    expect(() => reminderDaysFromEnvironment({ REFERAT_FOLLOWUP_REMINDER_DAYS: 'tre' })).toThrow(
      /REFERAT_FOLLOWUP_REMINDER_DAYS/u,
    );
  });

  it('sends nothing before the reminder days, then reminds the owner once, three days before', async () => {
    expect(await check('2031-06-14')).toEqual({ sent: 0, failed: 0, later: 0 });
    expect(sink.messages).toHaveLength(0);
    expect(await check('2031-06-15')).toEqual({ sent: 1, failed: 0, later: 0 });
    const [mail] = received();
    expect(mail?.to).toEqual([rikkeAddress]);
    expect(mail?.subject).toBe(
      'Påmindelse: Rikke Blom udarbejder et notat om sygefraværet senest d. 18. juni – frist 18. juni 2031',
    );
    expect(mail?.text).toContain('Kære Rikke Blom');
    expect(mail?.text).toContain('Fristen for en opfølgning er om 3 dage, 18. juni 2031.');
    expect(mail?.text).toContain('Fra: Chefforum 4. juni 2031, punkt 2: Sygefravær 1. kvartal');
    expect(mail?.text).toContain(`${publicUrl}/opfoelgning`);
    expect(mail?.html).toContain('<html lang="da">');
    // Later the same day, and from two workers at once: nothing twice.
    expect(await check('2031-06-15')).toMatchObject({ sent: 0 });
    const [first, second] = await Promise.all([check('2031-06-16'), check('2031-06-16')]);
    expect((first?.sent ?? 0) + (second?.sent ?? 0)).toBe(0);
    expect(await check('2031-06-18')).toMatchObject({ sent: 0 });
    expect(sink.messages).toHaveLength(1);
  });

  it('reminds once more the day after the deadline, and never a member without an address', async () => {
    expect(await check('2031-06-19')).toEqual({ sent: 1, failed: 0, later: 0 });
    const overdue = received()[1];
    expect(overdue?.to).toEqual([rikkeAddress]);
    expect(overdue?.subject).toBe(
      'Fristen er overskredet: Rikke Blom udarbejder et notat om sygefraværet senest d. 18. juni',
    );
    expect(overdue?.text).toContain(
      'Fristen for en opfølgning var i går, og den er ikke markeret som udført.',
    );
    expect(await check('2031-06-20')).toMatchObject({ sent: 0 });
    expect(await check('2031-06-22')).toMatchObject({ sent: 0 });
    expect(sink.messages.map((mail) => mail.to[0])).toEqual([rikkeAddress, rikkeAddress]);
  });

  it('reminds again of a moved deadline, tries a server that says "later" again, and not a done one', async () => {
    // Sending reminders leaves the follow-up's version as it was.
    const moved = await updateFollowup(archive, testAdministrator, notat.id, {
      version: notat.version,
      due: { from: '2031-06-30', to: '2031-06-30' },
    });
    sink.refusals.set(rikkeAddress, 451);
    expect(await check('2031-06-28')).toEqual({ sent: 0, failed: 0, later: 1 });
    sink.refusals.clear();
    expect(await check('2031-06-28')).toEqual({ sent: 1, failed: 0, later: 0 });
    expect(received().at(-1)?.text).toContain(
      'Fristen for en opfølgning er om 2 dage, 30. juni 2031.',
    );
    await updateFollowup(archive, testAdministrator, notat.id, {
      version: moved.version,
      status: 'done',
    });
    const before = sink.messages.length;
    expect(await check('2031-07-01')).toMatchObject({ sent: 0 });
    expect(sink.messages).toHaveLength(before);
  });
});
