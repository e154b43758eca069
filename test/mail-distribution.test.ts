import { mkdirSync, writeFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { addMeetingAbsence } from '../src/services/attendance-service.ts';
import { createForum, saveForum } from '../src/services/forum-service.ts';
import { addItem, updateItem } from '../src/services/item-service.ts';
import { getMeetingMailDeliveries } from '../src/services/mail/mail-delivery-service.ts';
import { mailConsumerName } from '../src/services/mail/register-mail.ts';
import {
  approveMinutes,
  cancelMeeting,
  createMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
  updateMeetingDetails,
} from '../src/services/meeting-flow-service.ts';
import { backOffMs, deliverDueEvents } from '../src/services/outbox/outbox-worker.ts';
import { loadStoredItems } from '../src/store/item-store.ts';
import { claimDeliveries } from '../src/store/outbox-store.ts';
import { testAdministrator, userWithRole } from './support/actors.ts';
import { testDatabases } from './support/databases.ts';
import { fileNameOf, findPart, type MimePart, parseMime, textOf } from './support/mime-message.ts';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './support/smtp-sink.ts';

const publicUrl = 'https://referat.albertslund.example';

/** What a received mail says, taken apart. */
function readMail(mail: ReceivedMail) {
  const root = parseMime(mail.raw);
  const calendarPart = findPart(root, 'text/calendar');
  return {
    root,
    to: mail.to,
    subject: root.headers.get('subject') ?? '',
    text: textOf(findPart(root, 'text/plain')).replaceAll('\r\n', '\n'),
    html: textOf(findPart(root, 'text/html')).replaceAll('\r\n', '\n'),
    pdf: findPart(root, 'application/pdf'),
    calendarPart,
    calendar: calendarPart ? readCalendar(textOf(calendarPart)) : null,
  };
}

/** The invitation as a calendar client reads it (ical.js). */
function readCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    start: event.startDate.toString(),
    timeZone: vevent.getFirstProperty('dtstart')?.getParameter('tzid'),
    location: event.location,
    status: vevent.getFirstPropertyValue('status'),
    attendees: vevent.getAllProperties('attendee').map((property) => property.getFirstValue()),
    organizer: vevent.getFirstPropertyValue('organizer'),
  };
}

/** Every mail to an address, oldest first. */
function mailsTo(sink: SmtpSink, address: string) {
  return sink.messages.filter((mail) => mail.to.includes(address)).map(readMail);
}

function pdfName(part: MimePart | undefined): string | null {
  return part ? fileNameOf(part) : null;
}

/**
 * Publishing sends mail through the outbox to a real SMTP server in this process: who gets
 * what, in Danish, with the PDF and the calendar invitation; nothing twice; a moved meeting
 * raises the invitation's SEQUENCE; a cancelled one withdraws it.
 */
describe.each(testDatabases())('mail on publishing, on %s', (engine, openDatabase) => {
  let sink: SmtpSink;
  let archive: Archive;
  let forumId: number;
  let meetingId: number;
  let firstInvitation: { uid: string; sequence: number };
  const deliver = (now?: Date) => deliverDueEvents(archive, now ? { now } : {});

  beforeAll(async () => {
    sink = await startSmtpSink();
    archive = await openArchiveOn(await openDatabase(), {
      mail: {
        smtpUrl: sink.url,
        outboxDirectory: '/nonexistent',
        publicUrl,
        from: { name: 'Referat Albertslund', address: 'referat@albertslund.example' },
      },
    });
    forumId = (
      await createForum(archive, testAdministrator, { name: 'Chefforum', abbreviation: 'CF' })
    ).id;
    await saveForum(archive, testAdministrator, forumId, {
      name: 'Chefforum',
      abbreviation: 'CF',
      members: [
        {
          name: 'Rikke Blom',
          role: 'Direktør BSV',
          email: 'Rikke.Blom@albertslund.example',
          deputy: { name: 'Lise Lund', email: 'lise.lund@albertslund.example' },
        },
        { name: 'Jens Andersen', role: 'Kommunaldirektør', email: 'jens@albertslund.example' },
        {
          name: 'Mette Holm',
          role: 'Chef for Økonomi',
          email: 'mette@albertslund.example',
          deputy: { name: 'Karin Krog', email: 'karin@albertslund.example' },
          receives: { agenda: false, minutes: true },
        },
        { name: 'Ole Berg', role: 'Chef for Kultur' },
      ],
    });
    const created = await createMeeting(archive, testAdministrator, {
      forumId,
      date: '2031-03-12',
      start: '13:00',
      location: 'Mødelokale 2',
    });
    meetingId = created.id;
    await addMeetingAbsence(archive, testAdministrator, meetingId, {
      name: 'Rikke Blom',
      role: 'Direktør BSV',
    });
  });
  afterAll(async () => {
    await archive?.close();
    await sink?.close();
  });

  it('commits the publication at once and leaves the mail to the worker', async () => {
    await publishAgenda(archive, testAdministrator, meetingId);
    expect(sink.messages).toHaveLength(0);
    const waiting = await getMeetingMailDeliveries(
      archive,
      userWithRole(forumId, 'secretary'),
      meetingId,
    );
    // The afbud before it has a delivery too; it sends nothing while no invitation is out.
    expect(waiting.queue.map((entry) => [entry.type, entry.status])).toEqual([
      ['absences.changed', 'pending'],
      ['agenda.published', 'pending'],
    ]);
    expect(await deliver()).toBe(2);
  });

  it('sends the agenda to each member who wants it and to the deputy of a member with afbud', async () => {
    expect(sink.messages.map((mail) => mail.to).sort()).toEqual([
      ['jens@albertslund.example'],
      ['lise.lund@albertslund.example'],
      ['rikke.blom@albertslund.example'],
    ]);
    const [jens] = mailsTo(sink, 'jens@albertslund.example');
    if (!jens) throw new Error('no mail to Jens');
    expect(jens.subject).toBe('Dagsorden: Chefforum 12. marts 2031');
    expect(jens.root.headers.get('from')).toContain('referat@albertslund.example');
    expect(jens.text).toContain('Kære Jens Andersen');
    expect(jens.text).toContain('Dagsordenen til mødet i Chefforum er udsendt.');
    expect(jens.text).toContain('Tid: Onsdag d. 12. marts 2031 kl. 13:00');
    expect(jens.text).toContain('Sted: Mødelokale 2');
    expect(jens.text).toContain(`${publicUrl}/moeder/${meetingId}`);
    expect(jens.html).toContain('<html lang="da">');
    expect(jens.html).toContain(`<a href="${publicUrl}/moeder/${meetingId}">`);
    expect(jens.html).toContain('Kære Jens Andersen');
    expect(pdfName(jens.pdf)).toBe('dagsorden-chefforum-2031-03-12-v1.pdf');
    expect(jens.pdf?.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(jens.calendarPart?.parameters.method).toBe('REQUEST');
    expect(jens.calendar).toMatchObject({
      method: 'REQUEST',
      uid: `meeting-${meetingId}@referat.albertslund.example`,
      start: '2031-03-12T13:00:00',
      timeZone: 'Europe/Copenhagen',
      location: 'Mødelokale 2',
      status: 'CONFIRMED',
      attendees: ['mailto:jens@albertslund.example'],
      organizer: 'mailto:referat@albertslund.example',
    });
    firstInvitation = { uid: jens.calendar?.uid ?? '', sequence: jens.calendar?.sequence ?? -1 };
    expect(firstInvitation.sequence).toBeGreaterThanOrEqual(0);
    if (engine === 'sqlite') {
      mkdirSync('/tmp/screens', { recursive: true });
      writeFileSync(
        '/tmp/screens/received-agenda.eml',
        sink.messages.find((mail) => mail.to.includes('jens@albertslund.example'))?.raw ?? '',
      );
    }

    const [deputy] = mailsTo(sink, 'lise.lund@albertslund.example');
    expect(deputy?.subject).toBe('Invitation som stedfortræder: Chefforum 12. marts 2031');
    expect(deputy?.text).toContain(
      'Du inviteres som stedfortræder for Rikke Blom, som har meldt afbud til mødet i Chefforum.',
    );
    expect(pdfName(deputy?.pdf)).toBe('dagsorden-chefforum-2031-03-12-v1.pdf');
    expect(deputy?.calendar).toMatchObject({ method: 'REQUEST', uid: firstInvitation.uid });

    const [withApologies] = mailsTo(sink, 'rikke.blom@albertslund.example');
    expect(withApologies?.subject).toBe('Dagsorden: Chefforum 12. marts 2031');
    expect(withApologies?.text).toContain(
      'Du har meldt afbud til mødet. Din stedfortræder, Lise Lund, er inviteret i dit sted.',
    );
  });

  it('records each recipient as sent, for the secretary to see', async () => {
    const seen = await getMeetingMailDeliveries(
      archive,
      userWithRole(forumId, 'secretary'),
      meetingId,
    );
    expect(seen.transport).toEqual({ kind: 'smtp', directory: null });
    expect(seen.queue).toEqual([]);
    expect(
      seen.deliveries.map((entry) => [entry.email, entry.role, entry.kind, entry.state]),
    ).toEqual([
      ['rikke.blom@albertslund.example', 'member', 'agenda', 'sent'],
      ['jens@albertslund.example', 'member', 'agenda', 'sent'],
      ['lise.lund@albertslund.example', 'deputy', 'agenda', 'sent'],
    ]);
    expect(seen.deliveries.every((entry) => entry.sentAt !== null)).toBe(true);
    await expect(
      getMeetingMailDeliveries(archive, userWithRole(forumId, 'member'), meetingId),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('never mails a recipient twice for one event, even when the worker dies before markDone', async () => {
    await addItem(archive, testAdministrator, meetingId, { title: 'Budgetopfølgning 2031' });
    await publishAgenda(archive, testAdministrator, meetingId);
    const consumer = archive.outbox.list().find((entry) => entry.name === mailConsumerName);
    if (!consumer) throw new Error('the mail is not registered');
    const before = sink.messages.length;
    // A worker claims the delivery and sends, then dies before it can mark the delivery done.
    const now = new Date();
    const [claimed] = await claimDeliveries(
      archive.database.db,
      archive.database.engine,
      mailConsumerName,
      { limit: 1, leaseMs: 60_000, now },
    );
    if (!claimed) throw new Error('nothing to claim');
    await consumer.handle(claimed);
    expect(sink.messages.length - before).toBe(3);
    // After the lease the delivery is handed out again: it finishes without sending anything.
    expect(await deliver(new Date(now.getTime() + 61_000))).toBe(1);
    expect(sink.messages.length - before).toBe(3);
    for (const address of ['jens@albertslund.example', 'rikke.blom@albertslund.example'])
      expect(mailsTo(sink, address).map((mail) => mail.subject)).toEqual([
        'Dagsorden: Chefforum 12. marts 2031',
        'Ny udgave af dagsordenen: Chefforum 12. marts 2031',
      ]);
    const [, second] = mailsTo(sink, 'jens@albertslund.example');
    expect(second?.text).toContain('(version 2)');
    expect(second?.text).toContain('Budgetopfølgning 2031 – nyt punkt');
    expect(pdfName(second?.pdf)).toBe('dagsorden-chefforum-2031-03-12-v2.pdf');
    // Same meeting, same place and time: the same invitation.
    expect(second?.calendar).toMatchObject(firstInvitation);
  });

  it('sends an updated invitation, SEQUENCE one up, when the meeting moves', async () => {
    const current = await currentVersion();
    const unchanged = await updateMeetingDetails(archive, testAdministrator, meetingId, current, {
      start: '13:00',
    });
    const before = sink.messages.length;
    await deliver();
    expect(sink.messages.length).toBe(before);
    await updateMeetingDetails(archive, testAdministrator, meetingId, unchanged.version, {
      start: '14:30',
      location: 'Byrådssalen',
    });
    await deliver();
    const moved = sink.messages.slice(before).map(readMail);
    expect(moved.map((mail) => mail.to[0]).sort()).toEqual([
      'jens@albertslund.example',
      'lise.lund@albertslund.example',
      'rikke.blom@albertslund.example',
    ]);
    for (const mail of moved) {
      expect(mail.subject).toBe('Ændret tid eller sted: Chefforum 12. marts 2031');
      expect(mail.text).toContain('Tid: Onsdag d. 12. marts 2031 kl. 14:30');
      expect(mail.text).toContain('Sted: Byrådssalen');
      expect(mail.pdf).toBeUndefined();
      expect(mail.calendar).toMatchObject({
        method: 'REQUEST',
        uid: firstInvitation.uid,
        sequence: firstInvitation.sequence + 1,
        start: '2031-03-12T14:30:00',
        location: 'Byrådssalen',
      });
    }
  });

  it('invites a deputy once when a member sends afbud after the agenda is out', async () => {
    const before = sink.messages.length;
    await addMeetingAbsence(archive, testAdministrator, meetingId, {
      name: 'Mette Holm',
      role: 'Chef for Økonomi',
    });
    await deliver();
    await addMeetingAbsence(archive, testAdministrator, meetingId, {
      name: 'Ole Berg',
      role: 'Chef for Kultur',
    });
    await deliver();
    const sent = sink.messages.slice(before).map(readMail);
    expect(sent.map((mail) => mail.to)).toEqual([['karin@albertslund.example']]);
    expect(sent[0]?.subject).toBe('Invitation som stedfortræder: Chefforum 12. marts 2031');
    expect(sent[0]?.text).toContain('stedfortræder for Mette Holm');
    expect(pdfName(sent[0]?.pdf)).toBe('dagsorden-chefforum-2031-03-12-v2.pdf');
    expect(sent[0]?.calendar).toMatchObject({
      uid: firstInvitation.uid,
      sequence: firstInvitation.sequence + 1,
      start: '2031-03-12T14:30:00',
    });
  });

  it('sends the minutes; a server that says "later" is retried, a refused address is not', async () => {
    await startMeeting(archive, testAdministrator, meetingId);
    await finishMeeting(archive, testAdministrator, meetingId);
    sink.refusals.set('jens@albertslund.example', 451);
    sink.refusals.set('mette@albertslund.example', 550);
    const before = sink.messages.length;
    await publishMinutes(archive, testAdministrator, meetingId);
    const now = new Date();
    expect(await deliver(now)).toBe(0);
    const firstRound = sink.messages.slice(before).map(readMail);
    expect(firstRound.map((mail) => mail.to)).toEqual([['rikke.blom@albertslund.example']]);
    expect(firstRound[0]?.subject).toBe('Referat: Chefforum 12. marts 2031');
    expect(firstRound[0]?.text).toContain('Referatet er vedhæftet som PDF.');
    expect(pdfName(firstRound[0]?.pdf)).toBe('referat-chefforum-2031-03-12-v1.pdf');
    expect(firstRound[0]?.calendarPart).toBeUndefined();
    const secretary = userWithRole(forumId, 'secretary');
    const failed = (
      await getMeetingMailDeliveries(archive, secretary, meetingId)
    ).deliveries.filter((entry) => entry.kind === 'minutes' && entry.state === 'failed');
    expect(failed.map((entry) => [entry.email, entry.error?.split(' (')[0]])).toEqual([
      ['jens@albertslund.example', 'Mailserveren bad om et nyt forsøg senere'],
      ['mette@albertslund.example', 'Mailserveren afviste e-mailen'],
    ]);
    sink.refusals.clear();
    // Not before its back-off; then once, to the one that may succeed.
    expect(await deliver(new Date(now.getTime() + 1000))).toBe(0);
    expect(await deliver(new Date(now.getTime() + backOffMs(1) + 1000))).toBe(1);
    const secondRound = sink.messages.slice(before + 1).map(readMail);
    expect(secondRound.map((mail) => mail.to)).toEqual([['jens@albertslund.example']]);
    const minutes = (await getMeetingMailDeliveries(archive, secretary, meetingId)).deliveries
      .filter((entry) => entry.kind === 'minutes')
      .map((entry) => [entry.email, entry.state]);
    expect(minutes).toEqual([
      ['rikke.blom@albertslund.example', 'sent'],
      ['jens@albertslund.example', 'sent'],
      ['mette@albertslund.example', 'failed'],
    ]);
  });

  it('sends corrected minutes with the reason to those who receive the minutes', async () => {
    await approveMinutes(archive, testAdministrator, meetingId);
    const [item] = await loadStoredItems(archive.database.db, meetingId);
    if (!item) throw new Error('no item');
    const before = sink.messages.length;
    await updateItem(
      archive,
      testAdministrator,
      item.id,
      item.version,
      { decision: 'Godkendt med den rettede dato.' },
      { reason: 'Datoen i beslutningen var forkert.', isCorrection: true },
    );
    await deliver();
    const corrected = sink.messages.slice(before).map(readMail);
    expect(corrected.map((mail) => mail.to[0]).sort()).toEqual([
      'jens@albertslund.example',
      'mette@albertslund.example',
      'rikke.blom@albertslund.example',
    ]);
    for (const mail of corrected) {
      expect(mail.subject).toBe('Rettet referat: Chefforum 12. marts 2031');
      expect(mail.text).toContain('er rettet (version 2)');
      expect(mail.text).toContain('Begrundelse: Datoen i beslutningen var forkert.');
      expect(pdfName(mail.pdf)).toBe('referat-chefforum-2031-03-12-v2.pdf');
    }
  });

  it('withdraws the invitation when a meeting is cancelled: METHOD:CANCEL, SEQUENCE one up', async () => {
    const second = await createMeeting(archive, testAdministrator, {
      forumId,
      date: '2031-04-09',
      start: '09:00',
      location: 'Mødelokale 2',
    });
    await publishAgenda(archive, testAdministrator, second.id);
    await deliver();
    const invitation = mailsTo(sink, 'jens@albertslund.example').at(-1)?.calendar;
    expect(invitation).toMatchObject({
      method: 'REQUEST',
      uid: `meeting-${second.id}@referat.albertslund.example`,
    });
    const before = sink.messages.length;
    await cancelMeeting(archive, testAdministrator, second.id, 'Budgetseminaret flytter mødet');
    await deliver();
    const cancellations = sink.messages.slice(before).map(readMail);
    expect(cancellations.map((mail) => mail.to[0]).sort()).toEqual([
      'jens@albertslund.example',
      'rikke.blom@albertslund.example',
    ]);
    for (const mail of cancellations) {
      expect(mail.subject).toBe('Aflyst: Chefforum 9. april 2031');
      expect(mail.text).toContain(
        'Mødet i Chefforum onsdag d. 09. april 2031 kl. 09:00 er aflyst.',
      );
      expect(mail.text).toContain('Begrundelse: Budgetseminaret flytter mødet');
      expect(mail.calendarPart?.parameters.method).toBe('CANCEL');
      expect(mail.calendar).toMatchObject({
        method: 'CANCEL',
        uid: invitation?.uid,
        sequence: (invitation?.sequence ?? 0) + 1,
        status: 'CANCELLED',
      });
    }
  });

  /** The meeting's version now, for the next change of its details. */
  async function currentVersion(): Promise<number> {
    const seen = await archive.database.db
      .selectFrom('meetings')
      .select('version')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    return seen.version;
  }
});
