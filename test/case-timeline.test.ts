import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/core/actor.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { findForumIdByReference } from '../src/services/auth/user-service.ts';
import { loadDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { storeMeeting } from '../src/services/import-service.ts';
import { getCaseTimeline } from '../src/services/search-service.ts';
import { anonymousReader, testAdministrator, userWithRole } from './support/actors.ts';
import { testDatabases } from './support/databases.ts';
import { makeItem, makeMeeting } from './support/meeting-factory.ts';

/**
 * A case's timeline as each reader sees it: the item to link to, the meeting's state, and a
 * last entry whose title (the case's title on the case page) is one the reader may see.
 * The demo data's case 00.30.14-S00-2-16 runs from the minutes of 14 June 2017 to the draft
 * agenda; a closed item with the same journal number is added in between.
 */
const caseNumber = '00.30.14-S00-2-16';
const closedTitle = 'Fortrolig forhandling om budgetaftalen';
const openTitle = 'Status på budgetaftalen for 2017';
const draftTitle = 'Status på budgetaftalen (30 min)';

describe.each(testDatabases())('case timeline on %s', (_name, openDatabase) => {
  let archive: Archive;
  let forumId: number;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    await loadDemoDataIfEmpty(archive, new Date('2026-11-23T10:00:00Z'));
    const closed = makeItem(1, {
      title: closedTitle,
      caseNumber,
      closed: true,
      decision: 'Aftalt.',
    });
    await storeMeeting(archive, testAdministrator, makeMeeting([closed], { date: '2019-03-07' }));
    forumId = await findForumIdByReference(archive, 'Chefforum');
  }, 60_000);
  afterAll(async () => {
    await archive?.close();
  });

  async function itemIdOf(date: string, number: number): Promise<number> {
    const row = await archive.database.db
      .selectFrom('agenda_items')
      .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
      .select(['agenda_items.id'])
      .where('meetings.date', '=', date)
      .where('agenda_items.number', '=', number)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function timelineOf(actor: Actor) {
    return getCaseTimeline(archive, actor, caseNumber);
  }

  it('gives each entry its item id and its meeting state', async () => {
    const [entry] = await timelineOf(anonymousReader);
    expect(entry).toMatchObject({
      date: '2017-06-14',
      itemNumber: 4,
      itemId: await itemIdOf('2017-06-14', 4),
      status: 'minutes_approved',
      title: openTitle,
    });
  });

  it('ends with a title the reader may see: never a closed item’s for the public', async () => {
    const entries = await timelineOf(anonymousReader);
    expect(entries.map((entry) => entry.title)).toEqual([openTitle]);
    expect(JSON.stringify(entries)).not.toContain('Fortrolig');
  });

  it('shows the forum’s members the closed item, and its secretaries the draft too', async () => {
    const member = await timelineOf(userWithRole(forumId, 'member'));
    expect(member.map((entry) => [entry.date, entry.status, entry.title])).toEqual([
      ['2017-06-14', 'minutes_approved', openTitle],
      ['2019-03-07', 'minutes_approved', closedTitle],
    ]);
    expect(member.at(-1)).toMatchObject({
      closed: true,
      itemId: await itemIdOf('2019-03-07', 1),
    });
    const secretary = await timelineOf(userWithRole(forumId, 'secretary'));
    expect(secretary.map((entry) => entry.status)).toEqual([
      'minutes_approved',
      'minutes_approved',
      'draft',
    ]);
    expect(secretary.at(-1)?.title).toBe(draftTitle);
  });
});
