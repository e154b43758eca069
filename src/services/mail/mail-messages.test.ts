import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildInvitation } from './mail-invitation.ts';
import { composeMail, type MeetingFacts } from './mail-messages.ts';
import type { Recipient } from './mail-recipients.ts';
import { mailSettingsFromEnvironment } from './mail-settings.ts';

const meeting: MeetingFacts = {
  forumName: 'Chefforum',
  date: '2031-03-12',
  start: '13:00',
  location: 'Mødelokale 2',
  url: 'https://referat.albertslund.example/moeder/7',
};

const member: Recipient = {
  name: 'Jens Andersen',
  email: 'jens@albertslund.example',
  role: 'member',
  deputyFor: null,
  hasSentApologies: false,
  deputyName: null,
};

describe('the mails’ words', () => {
  it('lists what changed in a new agenda version, in text and HTML alike', () => {
    const mail = composeMail(
      {
        kind: 'agenda',
        number: 2,
        changes: [
          { number: 3, title: 'Budget <2031>', change: 'added', fields: [] },
          {
            number: 4,
            title: 'Sygefravær',
            change: 'changed',
            fields: ['Sagsfremstilling', 'Bilag'],
          },
          { number: 5, title: 'Temadrøftelse', change: 'removed', fields: [] },
        ],
      },
      meeting,
      member,
    );
    expect(mail.subject).toBe('Ny udgave af dagsordenen: Chefforum 12. marts 2031');
    expect(mail.text).toContain(
      [
        'Ændret siden den forrige udgave:',
        '',
        '- Punkt 3: Budget <2031> – nyt punkt',
        '- Punkt 4: Sygefravær – ændret (Sagsfremstilling, Bilag)',
        '- Punkt 5: Temadrøftelse – udgået',
      ].join('\n'),
    );
    // User text is escaped in the HTML part.
    expect(mail.html).toContain('<li>Punkt 3: Budget &lt;2031&gt; – nyt punkt</li>');
    expect(mail.html).not.toContain('<2031>');
  });

  it('tells a cancelled meeting’s recipients why, without a time when the meeting had none', () => {
    const mail = composeMail(
      { kind: 'cancellation', reason: 'For få punkter' },
      { ...meeting, start: null },
      member,
    );
    expect(mail.subject).toBe('Aflyst: Chefforum 12. marts 2031');
    expect(mail.text).toContain('Mødet i Chefforum onsdag d. 12. marts 2031 er aflyst.');
    expect(mail.text).toContain('Begrundelse: For få punkter');
  });
});

describe('the invitation', () => {
  const facts = {
    meetingId: 7,
    uid: 'meeting-7@referat.albertslund.example',
    sequence: 2,
    durationMinutes: 90,
    organizer: { name: 'Referat', email: 'referat@albertslund.example' },
    attendee: { name: 'Jens Andersen', email: 'jens@albertslund.example' },
    stamp: new Date('2031-03-01T08:00:00Z'),
  };
  const read = (text: string) => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevent = calendar.getFirstSubcomponent('vevent');
    if (!vevent) throw new Error('no VEVENT');
    const event = new ICAL.Event(vevent);
    return {
      method: calendar.getFirstPropertyValue('method'),
      uid: event.uid,
      sequence: event.sequence,
      start: event.startDate.toString(),
      duration: event.duration.toString(),
      status: vevent.getFirstPropertyValue('status'),
      attendee: vevent.getFirstPropertyValue('attendee'),
    };
  };

  it('invites the recipient (METHOD:REQUEST) to the meeting at its time and place', () => {
    expect(read(buildInvitation('REQUEST', meeting, facts))).toEqual({
      method: 'REQUEST',
      uid: facts.uid,
      sequence: 2,
      start: '2031-03-12T13:00:00',
      duration: 'PT1H30M',
      status: 'CONFIRMED',
      attendee: 'mailto:jens@albertslund.example',
    });
  });

  it('withdraws it with METHOD:CANCEL, the same UID and the sequence given', () => {
    expect(read(buildInvitation('CANCEL', meeting, { ...facts, sequence: 3 }))).toMatchObject({
      method: 'CANCEL',
      uid: facts.uid,
      sequence: 3,
      status: 'CANCELLED',
    });
  });
});

describe('the mail settings', () => {
  it('write files to the data folder without a mail server, and link to the public address', () => {
    expect(
      mailSettingsFromEnvironment(
        { REFERAT_PUBLIC_URL: 'https://referat.albertslund.dk/' },
        '/srv/referat',
      ),
    ).toEqual({
      smtpUrl: null,
      outboxDirectory: '/srv/referat/outbox',
      publicUrl: 'https://referat.albertslund.dk',
      from: { name: 'Referat', address: 'referat@referat.albertslund.dk' },
    });
  });

  it('read the mail server and the sender', () => {
    const settings = mailSettingsFromEnvironment({
      REFERAT_SMTP_URL: 'smtp://bruger:hemmelig@mail.albertslund.dk:587',
      REFERAT_MAIL_FROM: 'Chefforum-sekretariatet <sekretariat@albertslund.dk>',
      PORT: '8080',
    });
    expect(settings.smtpUrl).toBe('smtp://bruger:hemmelig@mail.albertslund.dk:587');
    expect(settings.from).toEqual({
      name: 'Chefforum-sekretariatet',
      address: 'sekretariat@albertslund.dk',
    });
    expect(settings.publicUrl).toBe('http://localhost:8080');
  });

  it('stop the start on a setting that cannot work, in Danish', () => {
    expect(() => mailSettingsFromEnvironment({ REFERAT_SMTP_URL: 'mail.albertslund.dk' })).toThrow(
      'REFERAT_SMTP_URL skal begynde med smtp:// eller smtps://',
    );
    expect(() => mailSettingsFromEnvironment({ REFERAT_MAIL_FROM: 'Referat' })).toThrow(
      /REFERAT_MAIL_FROM/u,
    );
  });
});
