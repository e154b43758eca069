import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousReader, testAdministrator } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { readRealMeeting } from '../../test/support/meeting-fixtures.ts';
import type { Actor } from '../core/actor.ts';
import type { Meeting } from '../core/meeting.ts';
import { closedItemTitle } from '../core/policies/read-model.ts';
import { buildApp } from '../server/app.ts';
import { openSqliteFile } from '../store/database.ts';
import { updateMeetingStatus } from '../store/meeting-state.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { setForumVisibility } from './forum-service.ts';
import { storeMeeting } from './import-service.ts';
import type { MeetingView } from './meeting-service.ts';
import { createMeetingViewCache, type MeetingViewCache } from './meeting-view-cache.ts';

/** The 2017 minutes with item 2 closed: its title must never reach a public reader. */
function meetingWithClosedItem(titleOfItem2: string): Meeting {
  const meeting = readRealMeeting('chefforum-2017-06-14');
  return {
    ...meeting,
    items: meeting.items.map((item) =>
      item.number === 2 ? { ...item, title: titleOfItem2, closed: true } : item,
    ),
  };
}

async function read(
  cache: MeetingViewCache,
  meetingId: number,
  actor: Actor,
  serialized: string[] = [],
): Promise<{ etag: string; view: MeetingView }> {
  const stamp = await cache.stamp(meetingId, actor);
  if (!stamp) throw new Error(`no meeting ${meetingId}`);
  const answer = await cache.answer(stamp, (view) => {
    const body = JSON.stringify(view);
    serialized.push(body);
    return body;
  });
  if (!answer) throw new Error(`meeting ${meetingId} vanished`);
  return { etag: answer.etag, view: JSON.parse(answer.body.toString('utf8')) };
}

describe.each(testDatabases().slice(0, 2))(
  'the meeting view cache on %s',
  (_name, openDatabase) => {
    let archive: Archive;
    let meetingId: number;
    beforeAll(async () => {
      archive = await openArchiveOn(await openDatabase());
      ({ meetingId } = await storeMeeting(
        archive,
        testAdministrator,
        meetingWithClosedItem('Omstrukturering'),
      ));
      await setForumVisibility(archive, testAdministrator, 'Chefforum', 'public');
    });
    afterAll(async () => {
      await archive?.close();
    });

    const staff = testAdministrator;
    const anyone_ = anonymousReader;

    it('loads once per version and gives the new document after a version bump', async () => {
      const cache = createMeetingViewCache(archive);
      const loads: string[] = [];
      const first = await read(cache, meetingId, staff, loads);
      const again = await read(cache, meetingId, staff, loads);
      expect(loads).toHaveLength(1);
      expect(again).toEqual(first);
      expect(first.etag).toBe(`"m${meetingId}-v${first.view.version}-staff"`);

      await storeMeeting(archive, testAdministrator, meetingWithClosedItem('Ny organisation'));
      const changed = await read(cache, meetingId, staff, loads);
      expect(loads).toHaveLength(2);
      expect(changed.view.version).toBe(first.view.version + 1);
      expect(changed.etag).not.toBe(first.etag);
      expect(changed.view.items[1]?.title).toBe('Ny organisation');

      await updateMeetingStatus(archive.database.db, meetingId, 'minutes_approved');
      const approved = await read(cache, meetingId, staff, loads);
      expect(approved.view).toMatchObject({ status: 'minutes_approved' });
      expect(approved.view.version).toBe(changed.view.version + 1);
    });

    it("never serves one access level's answer to another", async () => {
      const cache = createMeetingViewCache(archive);
      const secretary = await read(cache, meetingId, staff);
      const anyone = await read(cache, meetingId, anyone_);
      const secretaryAgain = await read(cache, meetingId, staff);
      const anyoneAgain = await read(cache, meetingId, anyone_);
      expect(secretary.view.items[1]).toMatchObject({ closed: true, title: 'Ny organisation' });
      expect(anyone.view.items[1]).toMatchObject({ closed: true, title: closedItemTitle });
      expect(JSON.stringify(anyone.view)).not.toContain('Ny organisation');
      expect(anyone.etag).toMatch(/-public"$/u);
      expect(secretary.etag).toMatch(/-staff"$/u);
      expect(secretaryAgain).toEqual(secretary);
      expect(anyoneAgain).toEqual(anyone);
      expect(cache.size).toBe(2);
    });

    it('shares one load between concurrent misses, and keeps at most maxEntries views', async () => {
      const cache = createMeetingViewCache(archive, { maxEntries: 1 });
      const loads: string[] = [];
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => read(cache, meetingId, staff, loads)),
      );
      expect(loads).toHaveLength(1);
      expect(new Set(answers.map((answer) => answer.etag)).size).toBe(1);
      await read(cache, meetingId, anyone_, loads);
      expect(cache.size).toBe(1);
      await read(cache, meetingId, staff, loads);
      expect(loads).toHaveLength(3);
    });

    it('answers null for a meeting that does not exist', async () => {
      const cache = createMeetingViewCache(archive);
      expect(await cache.stamp(999_999, staff)).toBeNull();
    });

    it('answers null (a 404) to a reader once the forum is internal', async () => {
      const cache = createMeetingViewCache(archive);
      expect(await read(cache, meetingId, anyone_)).toBeDefined();
      await setForumVisibility(archive, testAdministrator, 'Chefforum', 'internal');
      try {
        expect(await cache.stamp(meetingId, anyone_)).toBeNull();
        expect(await cache.stamp(meetingId, staff)).not.toBeNull();
      } finally {
        await setForumVisibility(archive, testAdministrator, 'Chefforum', 'public');
      }
    });
  },
);

describe('GET /api/meetings/:id with the cache', () => {
  let archive: Archive;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let meetingId: number;
  beforeAll(async () => {
    archive = await openArchiveOn(await openSqliteFile(':memory:'));
    ({ meetingId } = await storeMeeting(
      archive,
      testAdministrator,
      readRealMeeting('chefforum-2018-10-11'),
    ));
    await setForumVisibility(archive, testAdministrator, 'Chefforum', 'public');
    app = await buildApp({ archive });
  });
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  it('sends JSON with an ETag, 304 for a matching If-None-Match, and the new version after a write', async () => {
    const first = await app.inject({ url: `/api/meetings/${meetingId}` });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    const version = first.json().version;
    expect(first.headers.etag).toBe(`"m${meetingId}-v${version}-public"`);
    expect(first.json()).toMatchObject({ id: meetingId, date: '2018-10-11' });
    const cached = await app.inject({ url: `/api/meetings/${meetingId}` });
    expect(cached.body).toBe(first.body);

    const unchanged = await app.inject({
      url: `/api/meetings/${meetingId}`,
      headers: { 'if-none-match': `W/"other", ${first.headers.etag}` },
    });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect(unchanged.headers.etag).toBe(first.headers.etag);

    const meeting = readRealMeeting('chefforum-2018-10-11');
    await storeMeeting(archive, testAdministrator, { ...meeting, location: 'Byrådssalen' });
    const changed = await app.inject({
      url: `/api/meetings/${meetingId}`,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).toBe(`"m${meetingId}-v${version + 1}-public"`);
    expect(changed.json()).toMatchObject({ version: version + 1, location: 'Byrådssalen' });
  });
});
