import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../src/core/meeting.ts';
import { stemWord } from '../src/search/danish-words.ts';
import {
  createSearchContext,
  type PostgresSearchTuning,
} from '../src/search/postgres-match-counts.ts';
import { createPostgresSearchProvider } from '../src/search/postgres-search-provider.ts';
import type { SearchFilters, SearchProvider } from '../src/search/search-provider.ts';
import { withSearchTables } from '../src/search/search-schema.ts';
import type { Database } from '../src/store/database.ts';
import { saveMeetingDocument } from '../src/store/meeting-writer.ts';
import { migrateToLatest, storeMigrations } from '../src/store/migrator.ts';
import { testDatabases } from './support/databases.ts';
import { makeItem, makeMeeting } from './support/meeting-factory.ts';

/**
 * PostgreSQL's search on a large archive: common words counted from ANALYZE's statistics,
 * only the newest matches ranked, a rare word's every match ranked, and a search with the
 * user's own filters ranked among the newest items within them. The sizes at which it changes
 * course are made small (tuning), so that 240 items reach the paths 100,000 items take.
 */
const tuning: PostgresSearchTuning = {
  exactlyCountedItems: 100,
  rankingWindow: 10,
  selectiveMatches: 3,
};
const meetingCount = 40;

function meetingDate(index: number): string {
  const date = new Date(Date.UTC(2015, 0, 7 + index * 14));
  return date.toISOString().slice(0, 10);
}

/** Six items a meeting, five of them about the budget; one old item about sewers too. */
function makeArchive(): Meeting[] {
  return Array.from({ length: meetingCount }, (_, index) => {
    const year = meetingDate(index).slice(0, 4);
    return makeMeeting(
      [
        makeItem(1, {
          title: `Budget ${year} opfølgning`,
          background: 'Økonomien følges tæt i alle centre.',
        }),
        makeItem(2, {
          title: 'Orientering fra centrene',
          background:
            index === 0
              ? 'Status på kloakrenovering i Vridsløselille: budget og tidsplan holder.'
              : 'Centrene orienterede om netværk, budget og ledelse.',
        }),
        makeItem(3, {
          title: 'Personale',
          background: 'Rekruttering og budget for vikarer.',
          decision:
            index % 4 === 0 ? 'Budgettet for vikarer blev godkendt.' : 'Taget til efterretning.',
        }),
        makeItem(4, { title: 'Netværk', background: 'Netværkene mødes og drøfter budget.' }),
        makeItem(5, {
          title: 'Ledelse',
          background: 'Ledelsesinformation om budget og sygefravær.',
        }),
        makeItem(6, { title: 'Eventuelt', background: 'Intet at bemærke.' }),
      ],
      { date: meetingDate(index) },
    );
  });
}

const postgresDatabases = testDatabases().filter(([name]) => name !== 'sqlite');

describe.each(postgresDatabases)('search of a large archive on %s', (_name, openDatabase) => {
  let database: Database;
  let provider: SearchProvider;
  beforeAll(async () => {
    database = await openDatabase();
    provider = createPostgresSearchProvider(tuning);
    await migrateToLatest(database, { ...storeMigrations(database), ...provider.migrations() });
    for (const meeting of makeArchive())
      await database.db.transaction().execute(async (transaction) => {
        const saved = await saveMeetingDocument(transaction, meeting);
        await provider.indexItems(transaction, saved.itemIds);
      });
    // What autovacuum does after a large import: the statistics the counts come from.
    await sql`analyze item_search`.execute(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function find(text: string, filters: SearchFilters = {}, limit = 10) {
    return provider.search(database.db, { text, filters, limit });
  }

  it('counts a common word from the statistics, and the archive from its estimate', async () => {
    const statistics = await createSearchContext(
      withSearchTables(database.db),
      tuning,
    ).statistics();
    expect(statistics.total).toBe(meetingCount * 6);
    const share = statistics.commonLexemes.get(stemWord('budget'));
    // Five of six items hold the word; ANALYZE read every row of so small a table.
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.9);
    // So small a table has every lexeme in its statistics, the rare one at its true count.
    const rare = statistics.commonLexemes.get(stemWord('kloakrenovering')) ?? 0;
    expect(Math.round(rare * statistics.total)).toBe(1);
  });

  it('ranks only the newest matches of a common word, best first', async () => {
    const hits = await find('budget');
    expect(hits).toHaveLength(10);
    expect(hits[0]?.item.title).toBe(
      `Budget ${meetingDate(meetingCount - 1).slice(0, 4)} opfølgning`,
    );
    expect(hits[0]?.meeting.date).toBe(meetingDate(meetingCount - 1));
    const newest = new Set([1, 2, 3, 4].map((back) => meetingDate(meetingCount - back)));
    expect(hits.map((hit) => hit.meeting.date).filter((date) => !newest.has(date))).toEqual([]);
  });

  it('ranks every match of a rare word, however old', async () => {
    const hits = await find('budget kloakrenovering');
    expect(hits[0]?.meeting.date).toBe(meetingDate(0));
    expect(hits[0]?.item.title).toBe('Orientering fra centrene');
  });

  it('ranks the newest matches within the user’s own filters, however old they are', async () => {
    const hits = await find('budget', { to: meetingDate(1) });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.meeting.date <= meetingDate(1))).toBe(true);
    expect(hits[0]?.item.title).toMatch(/^Budget 2015/u);
    // A filter that lets every meeting through reads, like no filter, only the newest items.
    const broad = await find('budget', { from: meetingDate(0) });
    const newest = new Set([1, 2, 3, 4].map((back) => meetingDate(meetingCount - back)));
    expect(broad).toHaveLength(10);
    expect(broad.map((hit) => hit.meeting.date).filter((date) => !newest.has(date))).toEqual([]);
  });

  it('checks phrases and decisions on the tsvector itself', async () => {
    const phrase = await find('"status på kloakrenovering"');
    expect(phrase.map((hit) => hit.meeting.date)).toEqual([meetingDate(0)]);
    expect(await find('"kloakrenovering status"')).toEqual([]);
    const decisions = await find('budget', { isDecisionOnly: true }, 50);
    expect(decisions.length).toBeGreaterThan(0);
    expect(decisions.every((hit) => hit.item.title === 'Personale')).toBe(true);
  });

  it('leaves the planner as it was when searching inside a transaction', async () => {
    await database.db.transaction().execute(async (transaction) => {
      const hits = await provider.search(transaction, { text: 'budget', limit: 3 });
      expect(hits).toHaveLength(3);
      const setting = await sql<{ value: string }>`
        select current_setting('enable_seqscan') as value`.execute(transaction);
      expect(setting.rows[0]?.value).toBe('on');
    });
  });
});
