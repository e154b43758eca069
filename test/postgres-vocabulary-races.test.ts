import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../src/core/meeting.ts';
import { createSearchProvider } from '../src/search/index.ts';
import { meetingIndexTexts } from '../src/search/indexable-items.ts';
import { prepareTsvectors, takeTsvectorEntries } from '../src/search/prepared-tsvectors.ts';
import type { SearchProvider } from '../src/search/search-provider.ts';
import { withSearchTables } from '../src/search/search-schema.ts';
import type { Database } from '../src/store/database.ts';
import { saveMeetingDocument } from '../src/store/meeting-writer.ts';
import { migrateToLatest, storeMigrations } from '../src/store/migrator.ts';
import { testDatabases } from './support/databases.ts';
import { makeItem, makeMeeting } from './support/meeting-factory.ts';

/**
 * The vocabulary with transactions in flight at once, as an import on PostgreSQL runs them: a
 * term one transaction added must not be counted on by another until it is committed, and
 * terms prepared before a write are there whether the write succeeds or not.
 */
const postgres = testDatabases().filter(([name]) => name === 'postgres');

describe.skipIf(postgres.length === 0)('vocabulary with concurrent writes on PostgreSQL', () => {
  let database: Database;
  let provider: SearchProvider;
  beforeAll(async () => {
    const open = postgres[0]?.[1];
    if (!open) return;
    database = await open();
    provider = createSearchProvider(database.engine);
    await migrateToLatest(database, { ...storeMigrations(database), ...provider.migrations() });
  });
  afterAll(async () => {
    await database?.close();
  });

  const meetingWith = (date: string, title: string): Meeting =>
    makeMeeting([makeItem(1, { title })], { forum: 'Direktionen', date });

  async function find(text: string): Promise<string[]> {
    const hits = await provider.search(database.db, { text, filters: { scope: { kind: 'all' } } });
    return hits.map((hit) => hit.meeting.date);
  }

  it('keeps a term whose first writer rolled back while a second was in flight', async () => {
    let releaseFirst = () => {};
    const firstMayEnd = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstIndexed = () => {};
    const firstHasIndexed = new Promise<void>((resolve) => {
      firstIndexed = resolve;
    });
    const first = database.db.transaction().execute(async (transaction) => {
      const saved = await saveMeetingDocument(
        transaction,
        meetingWith('2021-01-04', 'Isfuglebestanden'),
      );
      await provider.indexItems(transaction, saved.itemIds);
      firstIndexed();
      await firstMayEnd;
      throw new Error('afbrudt');
    });
    await firstHasIndexed;
    // The second writer meets the same new term while the first still holds it.
    const second = database.db.transaction().execute(async (transaction) => {
      const saved = await saveMeetingDocument(
        transaction,
        meetingWith('2021-01-05', 'Isfuglebestanden igen'),
      );
      await provider.indexItems(transaction, saved.itemIds);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseFirst();
    await expect(first).rejects.toThrow('afbrudt');
    await second;
    // Found by a part of the compound: the vocabulary has the term from the second writer.
    expect(await find('isfugl')).toEqual(['2021-01-05']);
    const later = meetingWith('2021-01-06', 'Isfuglebestanden tredje gang');
    await database.db.transaction().execute(async (transaction) => {
      const saved = await saveMeetingDocument(transaction, later);
      await provider.indexItems(transaction, saved.itemIds);
    });
    expect((await find('isfugl')).sort()).toEqual(['2021-01-05', '2021-01-06']);
  });

  it('prepares texts ahead: the same entries as built in place, their stems in the vocabulary', async () => {
    const meeting = meetingWith('2021-02-01', 'Vandløbsrestaureringen');
    const texts = meetingIndexTexts(meeting);
    await prepareTsvectors(database.db, texts);
    const terms = await withSearchTables(database.db)
      .selectFrom('search_terms')
      .select('term')
      .execute();
    expect(terms.map((row) => row.term)).toContain('vandløbsrestaurering');
    const [prepared] = takeTsvectorEntries(texts);
    expect(prepared?.isInVocabulary).toBe(true);
    // Taken once: the next request for the same text builds it in place, with the same result.
    const [built] = takeTsvectorEntries(texts);
    expect(built?.isInVocabulary).toBe(false);
    expect(built?.tsvector).toBe(prepared?.tsvector);
    expect(built?.distinctStems).toBe(prepared?.distinctStems);
    // A text changed after it was prepared is never served the old entry.
    await prepareTsvectors(database.db, texts);
    const changed = [{ ...texts[0], title: 'Vandløbsrestaureringen udsat' }];
    const [fresh] = takeTsvectorEntries(changed as typeof texts);
    expect(fresh?.isInVocabulary).toBe(false);
    expect(fresh?.tsvector).toContain("'udsat'");
  });
});
