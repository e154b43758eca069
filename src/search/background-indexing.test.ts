import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { storeMeeting } from '../services/import-service.ts';
import { openSqliteFile } from '../store/database.ts';

/** Enough meetings that items are stemmed in the background worker, batch after batch. */
const meetingCount = 130;
const itemsPerMeeting = 10;

describe('background indexing on SQLite', () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchiveOn(await openSqliteFile(':memory:'));
    for (let index = 0; index < meetingCount; index++) {
      const date = new Date(Date.UTC(2010, 0, 1 + index * 7)).toISOString().slice(0, 10);
      const items = Array.from({ length: itemsPerMeeting }, (_, offset) =>
        makeItem(offset + 1, {
          title: `Sag ${index}-${offset}`,
          decision: `Beslutning om vejprojekt${index}x${offset}`,
        }),
      );
      await storeMeeting(archive, testAdministrator, makeMeeting(items, { date }));
    }
  });
  afterAll(async () => {
    await archive?.close();
  });

  it('indexes every item by the time anyone searches', async () => {
    const hits = await archive.search.search(archive.database.db, {
      text: 'vejprojekt42x7',
      limit: 5,
    });
    expect(hits.map((hit) => hit.item.title)).toEqual(['Sag 42-7']);
    const last = await archive.search.search(archive.database.db, {
      text: `vejprojekt${meetingCount - 1}x9`,
    });
    expect(last.map((hit) => hit.item.title)).toEqual([`Sag ${meetingCount - 1}-9`]);
  });

  it('indexes the new text of a meeting imported again while its old text was being stemmed', async () => {
    const items = Array.from({ length: itemsPerMeeting }, (_, offset) =>
      makeItem(offset + 1, { title: `Ny ${offset}`, decision: 'cykelstier' }),
    );
    await storeMeeting(archive, testAdministrator, makeMeeting(items, { date: '2010-01-01' }));
    await archive.search.flush(archive.database.db);
    expect(await archive.search.search(archive.database.db, { text: 'vejprojekt0x3' })).toEqual([]);
    expect(
      (await archive.search.search(archive.database.db, { text: 'cykelstier', limit: 50 })).length,
    ).toBe(itemsPerMeeting);
  });
});
