import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The XML library `feed` writes with; here it reads the feed back.
import { type Element, xml2js } from 'xml-js';
import { anonymousActor } from '../src/core/actor.ts';
import { formatDanishDate } from '../src/core/danish-date.ts';
import { buildApp } from '../src/server/app.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { getForumCalendar, getPublicationFeed } from '../src/services/feed-service.ts';
import { createForum } from '../src/services/forum-service.ts';
import { storeMeeting } from '../src/services/import-service.ts';
import { addItem, updateItem } from '../src/services/item-service.ts';
import {
  cancelMeeting,
  createMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
  updateMeetingDetails,
} from '../src/services/meeting-flow-service.ts';
import { getWorkspace } from '../src/services/workspace-service.ts';
import { testAdministrator, userWithRole } from './support/actors.ts';
import { testDatabases } from './support/databases.ts';
import { makeItem, makeMeeting } from './support/meeting-factory.ts';
import { signInAs } from './support/signed-in.ts';

/** A date this many days from today (UTC), so that "future" and "last two years" hold. */
function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** What a reader without rights must never see. */
const closedTitle = 'Fortrolig personalesag om Åse';
const openTitle = 'Budget 2027 – status; økonomi & <plan>';

interface AtomEntryView {
  id: string;
  title: string;
  updated: string;
  links: Array<Record<string, string>>;
  content: string;
  author: string;
}

/** The feed as an XML reader sees it: strictly parsed, with its entries in order. */
function readAtom(xml: string): { title: string; self: string; entries: AtomEntryView[] } {
  // Only the characters XML 1.0 allows (the parser below does not check them).
  expect(xml).not.toMatch(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u);
  const document = xml2js(xml, { compact: false }) as Element;
  const feed = document.elements?.find((element) => element.name === 'feed');
  if (!feed) throw new Error('no <feed>');
  expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
  const children = feed.elements ?? [];
  const text = (element: Element | undefined): string =>
    (element?.elements ?? []).map((part) => String(part.text ?? part.cdata ?? '')).join('');
  const child = (parent: Element, name: string) =>
    (parent.elements ?? []).find((element) => element.name === name);
  const entries = children
    .filter((element) => element.name === 'entry')
    .map((entry) => ({
      id: text(child(entry, 'id')),
      title: text(child(entry, 'title')),
      updated: text(child(entry, 'updated')),
      links: (entry.elements ?? [])
        .filter((element) => element.name === 'link')
        .map((element) => element.attributes as Record<string, string>),
      content: text(child(entry, 'content')),
      author: text(child(child(entry, 'author') ?? {}, 'name')),
    }));
  const self = children.find(
    (element) => element.name === 'link' && element.attributes?.rel === 'self',
  );
  return {
    title: text(children.find((element) => element.name === 'title')),
    self: String(self?.attributes?.href ?? ''),
    entries,
  };
}

/** The calendar as ical.js reads it, with the calendar's own time zone registered. */
function readCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((entry) => new ICAL.Event(entry));
  return { calendar, events };
}

describe.each(testDatabases())('feeds and calendars on %s', (_name, openDatabase) => {
  let archive: Archive;
  let app: FastifyInstance;
  let publicApp: FastifyInstance;
  let forumId: number;
  let internalForumId: number;
  /** Meetings by role in the story. */
  const meeting = {
    upcoming: 0,
    held: 0,
    draft: 0,
    old: 0,
    cancelled: 0,
    allDay: 0,
    internal: 0,
    imported: 0,
  };
  const dates = {
    upcoming: daysFromToday(30),
    held: daysFromToday(-60),
    draft: daysFromToday(45),
    old: daysFromToday(-3 * 365),
    cancelled: daysFromToday(20),
    allDay: daysFromToday(90),
    internal: daysFromToday(25),
    imported: daysFromToday(-100),
  };
  const admin = testAdministrator;

  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    forumId = (
      await createForum(archive, admin, {
        name: 'Chefforum',
        abbreviation: 'CF',
        visibility: 'public',
      })
    ).id;
    internalForumId = (
      await createForum(archive, admin, {
        name: 'Direktionen',
        abbreviation: 'DIR',
        visibility: 'internal',
      })
    ).id;
    const create = async (forum: number, date: string, start: string | null = '13:00') =>
      (
        await createMeeting(archive, admin, {
          forumId: forum,
          date,
          start,
          location: 'Mødelokale 2',
        })
      ).id;

    // Published last year, more than two years back: in the Atom feed, not in the calendar.
    meeting.old = await create(forumId, dates.old);
    await publishAgenda(archive, admin, meeting.old);

    // Held, with minutes: an agenda and then minutes.
    meeting.held = await create(forumId, dates.held);
    await addItem(archive, admin, meeting.held, { title: 'Evaluering af årshjulet' });
    await publishAgenda(archive, admin, meeting.held);
    await startMeeting(archive, admin, meeting.held);
    await finishMeeting(archive, admin, meeting.held);
    await publishMinutes(archive, admin, meeting.held);

    // Upcoming, with a closed item, its agenda published twice, then moved an hour.
    meeting.upcoming = await create(forumId, dates.upcoming);
    await addItem(archive, admin, meeting.upcoming, {
      title: closedTitle,
      closed: true,
      durationMinutes: 40,
    });
    const open = await addItem(archive, admin, meeting.upcoming, {
      title: 'Budget 2027',
      durationMinutes: 45,
    });
    await publishAgenda(archive, admin, meeting.upcoming);
    await updateItem(archive, admin, open.id, open.version, { title: openTitle });
    await publishAgenda(archive, admin, meeting.upcoming);
    const before = await getWorkspace(archive, admin, meeting.upcoming);
    await updateMeetingDetails(archive, admin, meeting.upcoming, before.version, {
      start: '14:00',
    });
    // Saved again without a change of place or time: not a new version of the event.
    const after = await getWorkspace(archive, admin, meeting.upcoming);
    await updateMeetingDetails(archive, admin, meeting.upcoming, after.version, {
      start: '14:00',
      location: 'Mødelokale 2',
    });

    // A draft: in neither feed.
    meeting.draft = await create(forumId, dates.draft);

    // Cancelled after its agenda went out.
    meeting.cancelled = await create(forumId, dates.cancelled);
    await publishAgenda(archive, admin, meeting.cancelled);
    await cancelMeeting(archive, admin, meeting.cancelled, 'For få punkter');

    // No time: an all-day event.
    meeting.allDay = await create(forumId, dates.allDay, null);
    await publishAgenda(archive, admin, meeting.allDay);

    // An internal forum's meeting: in no public feed.
    meeting.internal = await create(internalForumId, dates.internal);
    await addItem(archive, admin, meeting.internal, { title: 'Direktionens hemmelige punkt' });
    await publishAgenda(archive, admin, meeting.internal);

    // Imported from the archive, then imported again with another room.
    const imported = makeMeeting([makeItem(1, { title: 'Importeret punkt' })], {
      date: dates.imported,
    });
    meeting.imported = (await storeMeeting(archive, admin, imported)).meetingId;
    await storeMeeting(archive, admin, { ...imported, location: 'Byrådssalen' });

    app = await buildApp({ archive, auth: { publicUrl: null, oidc: null } });
    publicApp = await buildApp({
      archive,
      auth: { publicUrl: new URL('https://referat.albertslund.dk'), oidc: null },
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await publicApp?.close();
    await archive?.close();
  });

  describe('GET /feed.xml', () => {
    it('answers with an Atom feed of every publication, newest first', async () => {
      const response = await app.inject({ method: 'GET', url: '/feed.xml' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const feed = readAtom(response.body);
      expect(feed.title).toBe('Dagsordener og referater');
      expect(feed.self).toBe('http://localhost/feed.xml');
      expect(feed.entries.map((entry) => entry.title)).toEqual([
        `Dagsorden: Chefforum ${formatDanishDate(dates.allDay)}`,
        `Dagsorden: Chefforum ${formatDanishDate(dates.cancelled)}`,
        `Dagsorden: Chefforum ${formatDanishDate(dates.upcoming)} (version 2)`,
        `Dagsorden: Chefforum ${formatDanishDate(dates.upcoming)}`,
        `Referat: Chefforum ${formatDanishDate(dates.held)}`,
        `Dagsorden: Chefforum ${formatDanishDate(dates.held)}`,
        `Dagsorden: Chefforum ${formatDanishDate(dates.old)}`,
      ]);
      const times = feed.entries.map((entry) => entry.updated);
      expect([...times].sort().reverse()).toEqual(times);
      expect(new Set(feed.entries.map((entry) => entry.id)).size).toBe(feed.entries.length);
    });

    it('shows no draft, no internal forum and no closed item', async () => {
      const { body } = await app.inject({ method: 'GET', url: '/feed.xml' });
      expect(body).not.toContain('Fortrolig');
      expect(body).not.toContain('Direktionen');
      expect(body).not.toContain('hemmelige');
      expect(body).not.toContain(`/moeder/${meeting.draft}"`);
      expect(body).not.toContain(`/moeder/${meeting.internal}"`);
      // The imported archive document was never published here.
      expect(body).not.toContain('Importeret punkt');
    });

    it('sums each version up: its items, closed ones as "Lukket punkt", escaped', async () => {
      const feed = readAtom((await app.inject({ method: 'GET', url: '/feed.xml' })).body);
      const latest = feed.entries[2];
      expect(latest?.author).toBe('Chefforum');
      expect(latest?.content).toContain('<li>Punkt 2: Lukket punkt</li>');
      expect(latest?.content).toContain(
        '<li>Punkt 3: Budget 2027 – status; økonomi &amp; &lt;plan&gt;</li>',
      );
      expect(latest?.content).toContain('Dagsorden for mødet i Chefforum');
      expect(feed.entries[3]?.content).toContain('<li>Punkt 3: Budget 2027</li>');
    });

    it('links each entry to the meeting in the app and to its PDF, which anyone may fetch', async () => {
      const feed = readAtom((await app.inject({ method: 'GET', url: '/feed.xml' })).body);
      const entry = feed.entries[2];
      const pdfPath = `/api/meetings/${meeting.upcoming}/publications/agenda/2/document.pdf`;
      expect(entry?.links).toEqual([
        { href: `http://localhost/moeder/${meeting.upcoming}` },
        {
          rel: 'enclosure',
          href: `http://localhost${pdfPath}`,
          title: 'Dagsorden som PDF',
          type: 'application/pdf',
        },
      ]);
      expect(entry?.id).toBe(`http://localhost${pdfPath}`);
      const pdf = await app.inject({ method: 'GET', url: pdfPath });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
    }, 60_000);

    it('takes its links from REFERAT_PUBLIC_URL when it is set', async () => {
      const feed = readAtom((await publicApp.inject({ method: 'GET', url: '/feed.xml' })).body);
      expect(feed.self).toBe('https://referat.albertslund.dk/feed.xml');
      expect(feed.entries[0]?.links[0]).toEqual({
        href: `https://referat.albertslund.dk/moeder/${meeting.allDay}`,
      });
    });
  });

  describe('GET /fora/:id/feed.xml', () => {
    it('gives one public forum’s publications', async () => {
      const response = await app.inject({ method: 'GET', url: `/fora/${forumId}/feed.xml` });
      expect(response.statusCode).toBe(200);
      const feed = readAtom(response.body);
      expect(feed.title).toBe('Chefforum: dagsordener og referater');
      expect(feed.self).toBe(`http://localhost/fora/${forumId}/feed.xml`);
      expect(feed.entries).toHaveLength(7);
    });

    it('answers 404 in Danish for an internal forum, as for one that does not exist', async () => {
      for (const id of [internalForumId, 999_999]) {
        const response = await app.inject({ method: 'GET', url: `/fora/${id}/feed.xml` });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual({ error: 'Forummet findes ikke.' });
      }
      const refusals = await archive.database.db
        .selectFrom('audit_log')
        .select(['target_id'])
        .where('action', '=', 'forum.read')
        .where('outcome', '=', 'refused')
        .execute();
      expect(refusals.map((row) => row.target_id)).toContain(String(internalForumId));
    });

    it('stays public for a signed-in member: the feed is the same for everyone', async () => {
      const headers = await signInAs(app, archive, {
        username: `medlem-${internalForumId}`,
        forumRoles: [{ forumId: internalForumId, role: 'member' }],
      });
      const response = await app.inject({
        method: 'GET',
        url: `/fora/${internalForumId}/feed.xml`,
        headers,
      });
      expect(response.statusCode).toBe(404);
      const all = await app.inject({ method: 'GET', url: '/feed.xml', headers });
      expect(all.body).not.toContain('Direktionen');
    });

    it('refuses an id that is not a number', async () => {
      const response = await app.inject({ method: 'GET', url: '/fora/abc/feed.xml' });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toMatch(/^Ugyldig forespørgsel/u);
    });
  });

  describe('GET /fora/:id/kalender.ics', () => {
    async function calendarOf(target = app) {
      const response = await target.inject({ method: 'GET', url: `/fora/${forumId}/kalender.ics` });
      expect(response.statusCode).toBe(200);
      return { response, ...readCalendar(response.body) };
    }
    const eventOf = (events: ICAL.Event[], meetingId: number) => {
      const found = events.find((entry) => entry.uid === `meeting-${meetingId}@localhost`);
      if (!found) throw new Error(`no event for meeting ${meetingId}`);
      return found;
    };

    it('answers with a published calendar of the meetings of the last two years and to come', async () => {
      const { response, calendar, events } = await calendarOf();
      expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
      expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Albertslund Kommune//Referat//DA');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Chefforum – møder');
      expect(events.map((entry) => entry.uid).sort()).toEqual(
        [meeting.imported, meeting.held, meeting.cancelled, meeting.upcoming, meeting.allDay]
          .map((id) => `meeting-${id}@localhost`)
          .sort(),
      );
    });

    it('gives the time in Copenhagen, the place, the link and the time plan the public sees', async () => {
      const { events } = await calendarOf();
      const upcoming = eventOf(events, meeting.upcoming);
      expect(upcoming.summary).toBe('Chefforum – møde');
      expect(upcoming.location).toBe('Mødelokale 2');
      expect(upcoming.component.getFirstPropertyValue('url')).toBe(
        `http://localhost/moeder/${meeting.upcoming}`,
      );
      expect(upcoming.startDate.toString()).toBe(`${dates.upcoming}T14:00:00`);
      expect(upcoming.startDate.zone?.tzid).toBe('Europe/Copenhagen');
      // The closed item's 40 minutes are part of what the public may not see.
      const workspace = await getWorkspace(archive, admin, meeting.upcoming);
      const publicMinutes = workspace.items
        .filter((item) => !item.closed)
        .reduce((sum, item) => sum + (item.durationMinutes ?? 0), 0);
      expect(upcoming.duration.toSeconds()).toBe(publicMinutes * 60);
      expect(eventOf(events, meeting.imported).duration.toString()).toBe('PT2H');
    });

    it('raises SEQUENCE when date, time or place change, and only then', async () => {
      const { events } = await calendarOf();
      expect(eventOf(events, meeting.upcoming).sequence).toBe(1);
      expect(eventOf(events, meeting.held).sequence).toBe(0);
      // Imported again with another room.
      expect(eventOf(events, meeting.imported).sequence).toBe(1);
      expect(eventOf(events, meeting.imported).location).toBe('Byrådssalen');
    });

    it('keeps a cancelled meeting, cancelled, with a higher sequence', async () => {
      const { events } = await calendarOf();
      const cancelled = eventOf(events, meeting.cancelled);
      expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(cancelled.summary).toBe('Aflyst: Chefforum – møde');
      expect(cancelled.sequence).toBe(1);
    });

    it('makes a meeting without a time an all-day event', async () => {
      const { events } = await calendarOf();
      const allDay = eventOf(events, meeting.allDay);
      expect(allDay.startDate.isDate).toBe(true);
      expect(allDay.startDate.toString()).toBe(dates.allDay);
    });

    it('keeps the UID of a meeting the same from one fetch to the next', async () => {
      const first = (await calendarOf()).events.map((entry) => entry.uid);
      const second = (await calendarOf()).events.map((entry) => entry.uid);
      expect(second).toEqual(first);
    });

    it('names the UIDs and links after REFERAT_PUBLIC_URL when it is set', async () => {
      const { events } = await calendarOf(publicApp);
      const upcoming = events.find(
        (entry) => entry.uid === `meeting-${meeting.upcoming}@referat.albertslund.dk`,
      );
      expect(upcoming?.component.getFirstPropertyValue('url')).toBe(
        `https://referat.albertslund.dk/moeder/${meeting.upcoming}`,
      );
    });

    it('answers 404 in Danish for an internal forum', async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/fora/${internalForumId}/kalender.ics`,
      });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: 'Forummet findes ikke.' });
    });
  });

  describe('the feed service', () => {
    const site = { baseUrl: 'https://referat.albertslund.dk' };

    it('reaches two years back from the day it is asked', async () => {
      const threeYearsAgo = new Date(`${dates.old}T12:00:00Z`);
      threeYearsAgo.setUTCFullYear(threeYearsAgo.getUTCFullYear() + 1);
      const calendar = await getForumCalendar(archive, anonymousActor, forumId, {
        ...site,
        now: threeYearsAgo,
      });
      expect(calendar).toContain(`UID:meeting-${meeting.old}@referat.albertslund.dk`);
      const today = await getForumCalendar(archive, anonymousActor, forumId, site);
      expect(today).not.toContain(`UID:meeting-${meeting.old}@`);
    });

    it('shows a forum’s members what the read model lets them see', async () => {
      const member = userWithRole(internalForumId, 'member');
      const feed = readAtom(
        await getPublicationFeed(archive, member, { ...site, forumId: internalForumId }),
      );
      expect(feed.entries.map((entry) => entry.title)).toEqual([
        `Dagsorden: Direktionen ${formatDanishDate(dates.internal)}`,
      ]);
      expect(feed.entries[0]?.content).toContain('Direktionens hemmelige punkt');
    });

    it('holds at most 50 entries', async () => {
      for (let count = 0; count < 45; count++) await publishAgenda(archive, admin, meeting.allDay);
      const feed = readAtom(await getPublicationFeed(archive, anonymousActor, site));
      expect(feed.entries).toHaveLength(50);
      expect(feed.entries[0]?.title).toBe(
        `Dagsorden: Chefforum ${formatDanishDate(dates.allDay)} (version 46)`,
      );
    }, 120_000);
  });
});
