import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Meeting, meetingSchema } from '../src/core/meeting.ts';
import { createSearchProvider } from '../src/search/index.ts';
import type { SearchFilters, SearchProvider } from '../src/search/search-provider.ts';
import type { Database } from '../src/store/database.ts';
import { saveMeetingDocument } from '../src/store/meeting-writer.ts';
import { migrateToLatest, storeMigrations } from '../src/store/migrator.ts';
import { testDatabases } from './support/databases.ts';
import { readRealMeeting, realMeetingNames } from './support/meeting-fixtures.ts';

interface JudgedQuery {
  query: string;
  filters?: SearchFilters;
  expected: Array<{ date: string; number: number }>;
  note?: string;
}

const judged: { queries: JudgedQuery[] } = JSON.parse(
  readFileSync(new URL('fixtures/search/judged-queries.json', import.meta.url), 'utf8'),
);
const compoundMeetings: Meeting[] = JSON.parse(
  readFileSync(new URL('fixtures/search/compound-meetings.json', import.meta.url), 'utf8'),
).meetings.map((meeting: unknown) => meetingSchema.parse(meeting));
const cutoff = 5;
/** Expansion treats a word in more than this share of the items (and 2 items) as common. */
const rareShare = 0.01;

/**
 * Recall@5 over judged questions to the three real minutes and two made in their style:
 * every expected item must be among the first five hits, on every backend. Misses are listed
 * so that a ranking change that loses one says which question it broke.
 */
describe.each(testDatabases())('search relevance on %s', (name, openDatabase) => {
  let database: Database;
  let provider: SearchProvider;
  beforeAll(async () => {
    database = await openDatabase();
    provider = createSearchProvider(database.engine);
    await migrateToLatest(database, { ...storeMigrations(database), ...provider.migrations() });
    for (const meeting of [...realMeetingNames.map(readRealMeeting), ...compoundMeetings]) {
      await database.db.transaction().execute(async (transaction) => {
        const saved = await saveMeetingDocument(transaction, meeting);
        await provider.indexItems(transaction, saved.itemIds);
      });
    }
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('holds budget, ledelse and sygefravær as common words, so their judged compounds test common words', async () => {
    const items = await database.db
      .selectFrom('agenda_items')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    const commonFrom = Math.max(2, Math.ceil(Number(items.count) * rareShare));
    // A quoted word is matched as written: no compounds.
    for (const word of ['budget', 'ledelse', 'sygefravær']) {
      const exact = await provider.search(database.db, { text: `"${word}"`, limit: 200 });
      expect(exact.length, word).toBeGreaterThan(commonFrom);
    }
  });

  it(`finds every judged item within the first ${cutoff} hits`, async () => {
    expect(judged.queries.length).toBeGreaterThanOrEqual(25);
    let found = 0;
    let expected = 0;
    const misses: string[] = [];
    for (const judgement of judged.queries) {
      const hits = await provider.search(database.db, {
        text: judgement.query,
        filters: judgement.filters,
        limit: cutoff,
      });
      const keys = hits.map((hit) => `${hit.meeting.date} #${hit.item.number}`);
      for (const item of judgement.expected) {
        expected += 1;
        if (keys.includes(`${item.date} #${item.number}`)) found += 1;
        else
          misses.push(
            `"${judgement.query}": ${item.date} #${item.number} (got ${keys.join(', ')})`,
          );
      }
    }
    const recall = found / expected;
    console.log(
      `recall@${cutoff} on ${name}: ${(recall * 100).toFixed(1)}% (${found}/${expected} items, ${judged.queries.length} questions)`,
    );
    expect(misses).toEqual([]);
    expect(recall).toBe(1);
  });
});
