import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/databases.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import {
  readGeneratedMeetings,
  readRealMeeting,
  realMeetingNames,
} from '../../test/support/meeting-fixtures.ts';
import type { Database } from './database.ts';
import {
  findCaseTimeline,
  listMeetingIdsInOrder,
  listMeetingSummaries,
  loadMeetingDocuments,
} from './meeting-reader.ts';
import { saveMeetingDocument } from './meeting-writer.ts';
import { migrateToLatest, storeMigrations } from './migrator.ts';

describe.each(testDatabases())('the meeting store on %s', (_name, openDatabase) => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase();
    await migrateToLatest(database, storeMigrations(database));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('saves and loads real and generated meetings unchanged', async () => {
    const meetings = [
      ...realMeetingNames.map(readRealMeeting),
      ...readGeneratedMeetings().slice(0, 3),
    ];
    for (const meeting of meetings) {
      await database.db
        .transaction()
        .execute((transaction) => saveMeetingDocument(transaction, meeting));
    }
    const ids = await listMeetingIdsInOrder(database.db);
    const loaded = await loadMeetingDocuments(database.db, ids);
    const byDate = (list: typeof meetings) =>
      [...list].sort((left, right) => left.date.localeCompare(right.date));
    expect(byDate(loaded)).toEqual(byDate(meetings).map(normalized));
  });

  it('updates a meeting imported twice instead of duplicating it, and records both revisions', async () => {
    const before = (await listMeetingSummaries(database.db)).length;
    const meeting = makeMeeting(
      [makeItem(1, { title: 'Første udgave', caseNumber: '00.01.00-A00-9-17' })],
      {
        date: '2017-09-01',
      },
    );
    const first = await database.db
      .transaction()
      .execute((transaction) => saveMeetingDocument(transaction, meeting));
    const changed = { ...meeting, items: [makeItem(1, { title: 'Anden udgave' }), makeItem(2)] };
    const second = await database.db
      .transaction()
      .execute((transaction) => saveMeetingDocument(transaction, changed));
    expect(second.meetingId).toBe(first.meetingId);
    expect(second.isNew).toBe(false);
    expect(second.removedItemIds).toEqual(first.itemIds);
    expect((await listMeetingSummaries(database.db)).length).toBe(before + 1);
    const [loaded] = await loadMeetingDocuments(database.db, [first.meetingId]);
    expect(loaded?.items.map((item) => item.title)).toEqual(['Anden udgave', 'Punkt nummer 2']);
    const revisions = await database.db
      .selectFrom('revisions')
      .select(['action', 'data'])
      .where('entity_id', '=', first.meetingId)
      .where('entity_type', '=', 'meeting')
      .orderBy('id')
      .execute();
    expect(revisions.map((revision) => revision.action)).toEqual(['create', 'update']);
    // Each revision keeps what the change replaced: nothing for the creation, then the first text.
    expect(JSON.parse(revisions[0]?.data ?? '{}').before).toBeNull();
    expect(JSON.parse(revisions[1]?.data ?? '{}').before.items[0].title).toBe('Første udgave');
  });

  it('rolls a failed meeting back whole', async () => {
    const before = await listMeetingSummaries(database.db);
    const broken = makeMeeting([makeItem(1)], { date: '2017-10-01' });
    await expect(
      database.db.transaction().execute(async (transaction) => {
        await saveMeetingDocument(transaction, broken);
        throw new Error('afbrudt');
      }),
    ).rejects.toThrow('afbrudt');
    expect(await listMeetingSummaries(database.db)).toEqual(before);
  });

  it('gives a case timeline across meetings in date order', async () => {
    const timeline = await findCaseTimeline(database.db, '15/13392');
    expect(timeline.map((entry) => [entry.date, entry.number])).toEqual([
      ['2015-11-05', 2],
      ['2015-11-05', 6],
    ]);
  });
});

/** What the store gives back for a document: absent roles and optional fields made explicit. */
function normalized(meeting: ReturnType<typeof readRealMeeting>) {
  return {
    ...meeting,
    start: meeting.start ?? null,
    location: meeting.location ?? null,
    items: meeting.items.map((item) => ({
      ...item,
      durationMinutes: item.durationMinutes ?? null,
      absent: item.absent.map((absence) => ({ name: absence.name, role: absence.role ?? null })),
      attachments: item.attachments.map((attachment) =>
        attachment.file
          ? { title: attachment.title, file: attachment.file }
          : { title: attachment.title },
      ),
    })),
  };
}
