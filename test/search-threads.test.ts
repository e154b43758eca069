import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchPool, searchThreadsFromEnvironment } from '../src/search/search-pool.ts';
import { SearchQueryError } from '../src/search/search-provider.ts';
import { searchSqliteIndex } from '../src/search/sqlite-search-provider.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { storeMeeting } from '../src/services/import-service.ts';
import { searchArchive } from '../src/services/search-service.ts';
import { openSqliteFile } from '../src/store/database.ts';
import { testAdministrator } from './support/actors.ts';
import { readRealMeeting, realMeetingNames } from './support/meeting-fixtures.ts';

/**
 * Searches of a SQLite file run in worker threads with their own read connections: the same
 * hits as in the main thread, the index brought up to date first, a query error still a
 * query error, and the threads gone when the archive closes.
 */
describe('search in worker threads', () => {
  let folder: string;
  let archive: Archive;
  const questions = ['sygefravær', 'budget', 'strategi', 'Hvad besluttede vi om ledelse?'];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'referat-search-threads-'));
    archive = await openArchiveOn(await openSqliteFile(join(folder, 'referat.sqlite')), {
      searchThreads: 2,
    });
    for (const meeting of realMeetingNames.map(readRealMeeting))
      await storeMeeting(archive, testAdministrator, meeting);
  }, 60_000);
  afterAll(async () => {
    await archive?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('gives the same hits as a search in the main thread', async () => {
    for (const text of questions) {
      const threaded = await searchArchive(archive, testAdministrator, { text });
      const inPlace = await searchSqliteIndex(archive.database.db, {
        text,
        filters: { scope: { kind: 'all' } },
      });
      expect(threaded.length, text).toBeGreaterThan(0);
      expect(threaded).toEqual(inPlace);
    }
  });

  it('sees what was stored just before, and runs many searches at once', async () => {
    await storeMeeting(archive, testAdministrator, {
      forum: 'Chefforum',
      kind: 'minutes',
      date: '2027-05-06',
      items: [
        {
          number: 1,
          title: 'Ladestandere til elbiler ved rådhuset',
          caseNumber: null,
          closed: false,
          background: null,
          presentation: null,
          recommendation: null,
          decision: 'Godkendt.',
          attachments: [],
          absent: [],
        },
      ],
    });
    const answers = await Promise.all(
      Array.from({ length: 40 }, () =>
        searchArchive(archive, testAdministrator, { text: 'ladestandere' }),
      ),
    );
    for (const hits of answers) expect(hits.map((hit) => hit.meeting.date)).toEqual(['2027-05-06']);
  });

  it('answers a query the user must fix as such', async () => {
    const refused = await searchArchive(archive, testAdministrator, { text: '"budget' }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SearchQueryError);
  });

  it('reads its thread count from the environment, in Danish when it is wrong', async () => {
    expect(searchThreadsFromEnvironment({ REFERAT_SEARCH_THREADS: '0' })).toBe(0);
    expect(searchThreadsFromEnvironment({ REFERAT_SEARCH_THREADS: '3' })).toBe(3);
    expect(searchThreadsFromEnvironment({})).toBeGreaterThan(0);
    expect(() => searchThreadsFromEnvironment({ REFERAT_SEARCH_THREADS: 'mange' })).toThrow(
      /^REFERAT_SEARCH_THREADS skal være et antal tråde/u,
    );
    const pool = createSearchPool(1);
    await pool.close();
  });
});
