import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { changeUser, findUserIdByUsername } from '../src/services/auth/user-service.ts';
import { getForumCalendar } from '../src/services/feed-service.ts';
import { createForum } from '../src/services/forum-service.ts';
import { addItem } from '../src/services/item-service.ts';
import { createMeeting, publishAgenda } from '../src/services/meeting-flow-service.ts';
import {
  feedTokenTouchIntervalMs,
  getPersonalCalendar,
} from '../src/services/personal-feed-service.ts';
import { testAdministrator, userWithRole } from './support/actors.ts';
import { testDatabases } from './support/databases.ts';
import { type SignedInHeaders, signInAs } from './support/signed-in.ts';

/** A date this many days from today (UTC), so that "to come" holds. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar as ical.js reads it, with the calendar's own time zone registered. */
function readCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((entry) => new ICAL.Event(entry));
  return { calendar, events };
}

/** Each event's UID and SEQUENCE, by UID. */
function sequencesOf(events: ICAL.Event[]): Map<string, number> {
  return new Map(events.map((event) => [event.uid, event.sequence]));
}

const notFoundAnswer = { error: 'Kalenderen findes ikke.' };
const feedPath = '/api/me/calendar-feed';

describe.each(testDatabases())('personal calendar feed on %s', (_name, openDatabase) => {
  let archive: Archive;
  let app: FastifyInstance;
  let publicApp: FastifyInstance;
  const forum = { open: 0, internal: 0, other: 0 };
  const meeting = { open: 0, internal: 0, internalDraft: 0, other: 0 };
  let member: SignedInHeaders;
  const admin = testAdministrator;

  /** Makes the signed-in user a calendar address; returns the answer's body. */
  async function createFeed(headers: SignedInHeaders, target = app) {
    const response = await target.inject({ method: 'POST', url: feedPath, headers });
    expect(response.statusCode).toBe(201);
    return response.json() as { url: string; webcalUrl: string; createdAt: string };
  }

  /** Fetches a calendar address as a calendar program does: no cookie, no CSRF token. */
  function fetchCalendar(url: string) {
    return app.inject({ method: 'GET', url: new URL(url).pathname });
  }

  const uidOf = (meetingId: number) => `meeting-${meetingId}@localhost`;

  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    const make = async (name: string, visibility: 'public' | 'internal') =>
      (await createForum(archive, admin, { name, abbreviation: null, visibility })).id;
    forum.open = await make('Chefforum', 'public');
    forum.internal = await make('Direktionen', 'internal');
    forum.other = await make('Økonomiudvalget', 'public');
    const publish = async (forumId: number, days: number, isPublished = true) => {
      const id = (
        await createMeeting(archive, admin, {
          forumId,
          date: daysFromToday(days),
          start: '13:00',
          location: 'Mødelokale 2',
        })
      ).id;
      if (isPublished) await publishAgenda(archive, admin, id);
      return id;
    };
    // A closed item with a time: the member sees the whole time plan, the public not.
    meeting.open = await createMeeting(archive, admin, {
      forumId: forum.open,
      date: daysFromToday(30),
      start: '13:00',
      location: 'Mødelokale 2',
    }).then((created) => created.id);
    await addItem(archive, admin, meeting.open, {
      title: 'Fortrolig sag',
      closed: true,
      durationMinutes: 40,
    });
    await addItem(archive, admin, meeting.open, { title: 'Budget', durationMinutes: 45 });
    await publishAgenda(archive, admin, meeting.open);
    meeting.internal = await publish(forum.internal, 25);
    meeting.internalDraft = await publish(forum.internal, 40, false);
    meeting.other = await publish(forum.other, 20);

    app = await buildApp({ archive, auth: { publicUrl: null, oidc: null } });
    publicApp = await buildApp({
      archive,
      auth: { publicUrl: new URL('https://referat.albertslund.dk'), oidc: null },
    });
    member = await signInAs(app, archive, {
      username: 'medlem',
      name: 'Mette Medlem',
      forumRoles: [
        { forumId: forum.open, role: 'member' },
        { forumId: forum.internal, role: 'member' },
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await publicApp?.close();
    await archive?.close();
  });

  describe('the address', () => {
    it('answers 401 to the anonymous for every way of handling it', async () => {
      for (const method of ['GET', 'POST', 'DELETE'] as const) {
        const response = await app.inject({
          method,
          url: feedPath,
          headers: { origin: 'http://localhost' },
        });
        expect(response.statusCode).toBe(401);
        expect(response.json()).toEqual({ error: 'Log ind først.' });
      }
    });

    it('refuses a write that comes from another site (CSRF)', async () => {
      const response = await app.inject({
        method: 'POST',
        url: feedPath,
        headers: { cookie: member.cookie, origin: 'https://evil.example' },
      });
      expect(response.statusCode).toBe(403);
    });

    it('is made on request, shown once, and only its status can be read again', async () => {
      const user = await signInAs(app, archive, {
        username: 'ny-bruger',
        forumRoles: [{ forumId: forum.open, role: 'member' }],
      });
      const before = await app.inject({ method: 'GET', url: feedPath, headers: user });
      expect(before.json()).toEqual({ exists: false, createdAt: null, lastUsedAt: null });
      const created = await createFeed(user);
      expect(created.url).toMatch(/^http:\/\/localhost\/mine\/[\w-]{43}\/kalender\.ics$/u);
      expect(created.webcalUrl).toBe(created.url.replace(/^http:/u, 'webcal:'));
      const after = await app.inject({ method: 'GET', url: feedPath, headers: user });
      expect(after.statusCode).toBe(200);
      expect(after.json()).toEqual({
        exists: true,
        createdAt: created.createdAt,
        lastUsedAt: null,
      });
      expect(after.body).not.toContain(new URL(created.url).pathname.split('/')[2]);
      expect((await fetchCalendar(created.url)).statusCode).toBe(200);
      const used = (await app.inject({ method: 'GET', url: feedPath, headers: user })).json();
      expect(used.lastUsedAt).toEqual(expect.any(String));
    });

    it('is stored only as the SHA-256 of its token', async () => {
      const created = await createFeed(member);
      const token = new URL(created.url).pathname.split('/')[2] ?? '';
      const rows = await archive.database.db.selectFrom('feed_tokens').selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(token);
      const hash = createHash('sha256').update(token).digest('hex');
      expect(
        rows.filter((row) => row.token_sha256 === hash && row.revoked_at === null),
      ).toHaveLength(1);
    });

    it('takes its links from REFERAT_PUBLIC_URL when it is set', async () => {
      const created = await createFeed(member, publicApp);
      expect(created.url).toMatch(/^https:\/\/referat\.albertslund\.dk\/mine\/[\w-]{43}\//u);
      expect(created.webcalUrl).toMatch(/^webcal:\/\/referat\.albertslund\.dk\/mine\//u);
    });
  });

  describe('GET /mine/:token/kalender.ics', () => {
    it('holds the meetings of the member’s forums, the internal one’s too, and no other', async () => {
      const created = await createFeed(member);
      const response = await fetchCalendar(created.url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(response.headers['cache-control']).toBe('private, no-cache');
      expect(response.headers['x-robots-tag']).toBe('noindex');
      const { calendar, events } = readCalendar(response.body);
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(events.map((event) => event.uid).sort()).toEqual(
        [meeting.open, meeting.internal].map(uidOf).sort(),
      );
      // By date: the internal meeting comes first.
      expect(events.map((event) => event.uid)).toEqual([
        uidOf(meeting.internal),
        uidOf(meeting.open),
      ]);
      expect(response.body).not.toContain('Økonomiudvalget');
    });

    it('gives each meeting the UID and SEQUENCE of its forum’s calendar', async () => {
      const personal = readCalendar((await fetchCalendar((await createFeed(member)).url)).body);
      const publicForum = await app.inject({
        method: 'GET',
        url: `/fora/${forum.open}/kalender.ics`,
      });
      const memberActor = userWithRole(forum.internal, 'member');
      const internalForum = await getForumCalendar(archive, memberActor, forum.internal, {
        baseUrl: 'http://localhost',
      });
      const forumSequences = new Map([
        ...sequencesOf(readCalendar(publicForum.body).events),
        ...sequencesOf(readCalendar(internalForum).events),
      ]);
      expect(sequencesOf(personal.events)).toEqual(forumSequences);
    });

    it('shows the time plan as the member may see it, closed items included', async () => {
      const { events } = readCalendar((await fetchCalendar((await createFeed(member)).url)).body);
      const open = events.find((event) => event.uid === uidOf(meeting.open));
      // 40 minutes closed + 45 open; the public calendar has only the 45.
      expect(open?.duration.toSeconds()).toBe(85 * 60);
      const publicCalendar = readCalendar(
        (await app.inject({ method: 'GET', url: `/fora/${forum.open}/kalender.ics` })).body,
      );
      const publicOpen = publicCalendar.events.find((event) => event.uid === uidOf(meeting.open));
      expect(publicOpen?.duration.toSeconds()).toBe(45 * 60);
    });

    it('needs no session, and gives nothing else: the token is no sign-in', async () => {
      const created = await createFeed(member);
      const token = new URL(created.url).pathname.split('/')[2] ?? '';
      expect((await fetchCalendar(created.url)).statusCode).toBe(200);
      const asCookie = await app.inject({
        method: 'GET',
        url: feedPath,
        headers: { cookie: `referat_session=${token}` },
      });
      expect(asCookie.statusCode).toBe(401);
      const meetingRead = await app.inject({
        method: 'GET',
        url: `/api/meetings/${meeting.internal}`,
        headers: { cookie: `referat_session=${token}`, authorization: `Bearer ${token}` },
      });
      expect(meetingRead.statusCode).toBe(404);
    });

    it('stops working when a new address is made, and the new one works', async () => {
      const first = await createFeed(member);
      const second = await createFeed(member);
      const old = await fetchCalendar(first.url);
      expect(old.statusCode).toBe(404);
      expect(old.json()).toEqual(notFoundAnswer);
      expect((await fetchCalendar(second.url)).statusCode).toBe(200);
    });

    it('stops working when the address is deleted', async () => {
      const created = await createFeed(member);
      const deleted = await app.inject({ method: 'DELETE', url: feedPath, headers: member });
      expect(deleted.statusCode).toBe(204);
      const response = await fetchCalendar(created.url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(notFoundAnswer);
      const status = await app.inject({ method: 'GET', url: feedPath, headers: member });
      expect(status.json()).toEqual({ exists: false, createdAt: null, lastUsedAt: null });
      // Deleting again changes nothing.
      const again = await app.inject({ method: 'DELETE', url: feedPath, headers: member });
      expect(again.statusCode).toBe(204);
    });

    it('audits making and deleting the address, never with the token', async () => {
      const created = await createFeed(member);
      await app.inject({ method: 'DELETE', url: feedPath, headers: member });
      const userId = await findUserIdByUsername(archive, admin, 'medlem');
      const entries = await archive.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', 'in', ['user.create_calendar_feed', 'user.revoke_calendar_feed'])
        .where('target_id', '=', String(userId))
        .orderBy('id')
        .execute();
      expect(entries.map((entry) => entry.action).slice(-2)).toEqual([
        'user.create_calendar_feed',
        'user.revoke_calendar_feed',
      ]);
      expect(entries.every((entry) => entry.actor_name === 'Mette Medlem')).toBe(true);
      const token = new URL(created.url).pathname.split('/')[2] ?? '';
      expect(JSON.stringify(entries)).not.toContain(token);
    });

    it('answers 404 for a disabled user’s address, and again once they are enabled', async () => {
      const user = await signInAs(app, archive, {
        username: 'spaerres',
        forumRoles: [{ forumId: forum.open, role: 'member' }],
      });
      const created = await createFeed(user);
      const userId = await findUserIdByUsername(archive, admin, 'spaerres');
      await changeUser(archive, admin, userId, { isDisabled: true });
      const response = await fetchCalendar(created.url);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(notFoundAnswer);
      await changeUser(archive, admin, userId, { isDisabled: false });
      expect((await fetchCalendar(created.url)).statusCode).toBe(200);
    });

    it('follows the user’s roles at each fetch', async () => {
      const user = await signInAs(app, archive, {
        username: 'skifter',
        forumRoles: [{ forumId: forum.internal, role: 'member' }],
      });
      const created = await createFeed(user);
      const before = readCalendar((await fetchCalendar(created.url)).body);
      expect(before.events.map((event) => event.uid)).toEqual([uidOf(meeting.internal)]);
      const userId = await findUserIdByUsername(archive, admin, 'skifter');
      await changeUser(archive, admin, userId, {
        forumRoles: [{ forumId: forum.other, role: 'member' }],
      });
      const after = readCalendar((await fetchCalendar(created.url)).body);
      expect(after.events.map((event) => event.uid)).toEqual([uidOf(meeting.other)]);
    });

    it('holds only the forums an administrator has a role in', async () => {
      const administrator = await signInAs(app, archive, {
        username: 'admin-med-rolle',
        isAdministrator: true,
        forumRoles: [{ forumId: forum.other, role: 'secretary' }],
      });
      const { events } = readCalendar(
        (await fetchCalendar((await createFeed(administrator)).url)).body,
      );
      expect(events.map((event) => event.uid)).toEqual([uidOf(meeting.other)]);
    });

    it.each([
      ['a short token', 'abc'],
      ['a long token', 'a'.repeat(100)],
      ['a token of the right length and wrong characters', `${'a'.repeat(42)}%2F`],
      ['a well-formed token nobody has', 'A'.repeat(43)],
      ['a path trick', '..%2F..%2Fapi%2Fsession'],
    ])('answers 404 in Danish, not 500, to %s', async (_what, token) => {
      const response = await app.inject({ method: 'GET', url: `/mine/${token}/kalender.ics` });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual(notFoundAnswer);
    });

    it('answers an address segment over 100 characters as every route does: 400 in Danish', async () => {
      // Fastify's maxParamLength refuses it before any route (app.ts frameworkErrors).
      const response = await app.inject({
        method: 'GET',
        url: `/mine/${'a'.repeat(500)}/kalender.ics`,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({ error: 'Adressen er ugyldig.' });
    });
  });

  describe('the service', () => {
    it('notes the last use at most every quarter of an hour', async () => {
      const created = await createFeed(member);
      const token = new URL(created.url).pathname.split('/')[2] ?? '';
      const site = { baseUrl: 'http://localhost', address: null };
      const start = new Date(Date.now() + 60 * 60 * 1000);
      const lastUsed = async () =>
        (
          await archive.database.db
            .selectFrom('feed_tokens')
            .select('last_used_at')
            .where('revoked_at', 'is', null)
            .where('token_sha256', '=', createHash('sha256').update(token).digest('hex'))
            .executeTakeFirstOrThrow()
        ).last_used_at;
      await getPersonalCalendar(archive, token, { ...site, now: start });
      expect(await lastUsed()).toBe(start.toISOString());
      await getPersonalCalendar(archive, token, { ...site, now: new Date(start.getTime() + 1000) });
      expect(await lastUsed()).toBe(start.toISOString());
      const later = new Date(start.getTime() + feedTokenTouchIntervalMs);
      await getPersonalCalendar(archive, token, { ...site, now: later });
      expect(await lastUsed()).toBe(later.toISOString());
    });
  });
});
