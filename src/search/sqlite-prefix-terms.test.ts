import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { storeMeeting } from '../services/import-service.ts';
import { openSqliteFile } from '../store/database.ts';
import { stemWord } from './danish-words.ts';
import { withSearchTables } from './search-schema.ts';
import { maximumNamedPrefixTerms, maximumPrefixTerms } from './search-settings.ts';
import { findTermsBeginningOnSqlite } from './sqlite-prefix-terms.ts';

/**
 * A prefix that begins too many stems for an FTS5 prefix term: glued words from a bad PDF
 * ("budgetqb", "budgetqc", …, each in one item) besides the compounds the minutes use.
 */
const letters = 'bcdfhjklmnpqrtvwxz';
const gluedWords = [...letters].flatMap((first) =>
  [...letters].filter((second) => second !== first).map((second) => `budgetq${first}${second}`),
);

describe('compound prefixes on SQLite', () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchiveOn(await openSqliteFile(':memory:'));
    const items = [
      ...gluedWords.map((word, index) => makeItem(index + 1, { title: `Punkt ${word}` })),
      // Four items of twenty: common, but in fewer than half the items.
      ...[1, 2, 3, 4].map((number) =>
        makeItem(gluedWords.length + number, {
          title: 'Budgetopfølgningen for kvartalet',
          background: 'Budgetopfølgningen viser et mindreforbrug.',
        }),
      ),
      makeItem(gluedWords.length + 5, { title: 'Sygefraværsstatistikken' }),
      // The word itself in more items than a rare word is in, so that it takes no compounds
      // from the trigram vocabulary (which would find the glued words).
      ...[6, 7, 8, 9, 10, 11].map((number) =>
        makeItem(gluedWords.length + number, {
          title: `Orientering ${number}`,
          background: 'Afdelingen holder sit budget.',
        }),
      ),
    ];
    await storeMeeting(archive, testAdministrator, makeMeeting(items, { date: '2019-03-07' }));
    await archive.search.flush(archive.database.db);
  });
  afterAll(async () => {
    await archive?.close();
  });

  function findBeginning(prefix: string) {
    return findTermsBeginningOnSqlite(withSearchTables(archive.database.db), prefix);
  }

  it('matches a prefix that begins few stems as one prefix term', async () => {
    expect(await findBeginning('sygefravær')).toBeNull();
  });

  it('names a prefix that begins too many stems by its most frequent ones', async () => {
    expect(new Set(gluedWords.map(stemWord)).size).toBeGreaterThan(maximumPrefixTerms);
    const named = await findBeginning('budge');
    // The glued words, in one item each, would outweigh the compound in bm25: left out.
    expect(named).toEqual([stemWord('budgetopfølgningen')]);
    expect(named?.length).toBeLessThanOrEqual(maximumNamedPrefixTerms);
    // The same answer again, from memory, until the vocabulary grows.
    expect(await findBeginning('budge')).toEqual(named);
  });

  it('finds the compounds of a common word through the named stems', async () => {
    const hits = await archive.search.search(archive.database.db, { text: 'budget', limit: 20 });
    const titles = hits.map((hit) => hit.item.title);
    expect(titles.filter((title) => title.startsWith('Budgetopfølgningen'))).toHaveLength(4);
    expect(titles.filter((title) => title.startsWith('Orientering'))).toHaveLength(6);
    expect(titles).toHaveLength(10);
    const compound = hits.find((hit) => hit.item.title.startsWith('Budgetopfølgningen'));
    expect(compound?.snippet).toBe('[[Budgetopfølgningen]] viser et mindreforbrug.');
  });
});
