import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/databases.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { readRealMeeting, realMeetingNames } from '../../test/support/meeting-fixtures.ts';
import type { Meeting } from '../core/meeting.ts';
import type { Database } from '../store/database.ts';
import { saveMeetingDocument } from '../store/meeting-writer.ts';
import { migrateToLatest, storeMigrations } from '../store/migrator.ts';
import { createSearchProvider } from './index.ts';
import { type SearchFilters, type SearchProvider, SearchQueryError } from './search-provider.ts';

/** A meeting of another forum with items made to test one rule each. */
const direktionen = makeMeeting(
  [
    makeItem(1, { title: 'Huset er malet', background: 'Facaden på rådhuset er malet hvid.' }),
    makeItem(2, {
      title: 'Albertslundpraktik for nye ledere',
      background: 'Nye ledere kommer i praktik hos hinanden i fire uger.',
    }),
    makeItem(3, {
      title: 'Personalesag om fratrædelse',
      closed: true,
      background: 'Fortrolig fratrædelsesaftale med en afdelingsleder.',
    }),
    makeItem(4, { title: 'Parkeringspolitik' }),
    makeItem(5, {
      title: 'Status på anlæg',
      background: 'Anlæg af veje og stier. Den nye parkeringspolitik nævnes kort. Anlæg går godt.',
    }),
    makeItem(6, { title: 'Veje', background: 'Cykelstien langs Roskildevej skal renoveres.' }),
    makeItem(7, { title: 'Stier', decision: 'Direktionen besluttede at bygge cykelstien.' }),
  ],
  { forum: 'Direktionen', date: '2019-03-07' },
);

describe.each(testDatabases())('search on %s', (_name, openDatabase) => {
  let database: Database;
  let provider: SearchProvider;
  beforeAll(async () => {
    database = await openDatabase();
    provider = createSearchProvider(database.engine);
    await migrateToLatest(database, { ...storeMigrations(database), ...provider.migrations() });
    for (const meeting of [...realMeetingNames.map(readRealMeeting), direktionen])
      await saveAndIndex(meeting);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function saveAndIndex(meeting: Meeting) {
    return database.db.transaction().execute(async (transaction) => {
      const saved = await saveMeetingDocument(transaction, meeting);
      await provider.removeItems(transaction, saved.removedItemIds);
      await provider.indexItems(transaction, saved.itemIds);
      return saved;
    });
  }

  async function find(text: string, filters: SearchFilters = {}, limit = 20) {
    const hits = await provider.search(database.db, { text, filters, limit });
    return hits.map((hit) => `${hit.meeting.date}#${hit.item.number}`);
  }

  it('finds words by their stem', async () => {
    expect((await find('budgetkataloget'))[0]).toBe('2017-06-14#3');
    expect((await find('sundhedspolitikken'))[0]).toBe('2018-10-11#5');
  });

  it('keeps å apart from a: "målet" never finds "malet"', async () => {
    const målet = await find('målet');
    expect(målet).toContain('2017-06-14#2');
    expect(målet).not.toContain('2019-03-07#1');
    const malet = await find('malet');
    expect(malet[0]).toBe('2019-03-07#1');
    expect(malet).not.toContain('2017-06-14#2');
  });

  it('finds compounds by a part', async () => {
    expect((await find('fravær')).slice(0, 3)).toContain('2015-11-05#5');
    expect(await find('praktik')).toContain('2019-03-07#2');
  });

  it('weighs a match in the title more than one in the body', async () => {
    expect(await find('parkeringspolitik')).toEqual(['2019-03-07#4', '2019-03-07#5']);
  });

  it('ranks an item matching all words of a question first', async () => {
    expect((await find('Hvad blev besluttet om Aula?'))[0]).toBe('2018-10-11#3');
  });

  it('requires a quoted phrase', async () => {
    expect(await find('"fælles om målet"')).toEqual(['2017-06-14#2']);
    expect(await find('"målet fælles"')).toEqual([]);
  });

  it('filters by forum', async () => {
    expect(await find('facaden', { forum: 'Chefforum' })).toEqual([]);
    expect(await find('facaden', { forum: 'Direktionen' })).toEqual(['2019-03-07#1']);
  });

  it('filters by date range', async () => {
    const later = await find('budgetaftalen', { from: '2017-01-01' });
    expect(later).toEqual(expect.arrayContaining(['2017-06-14#4', '2018-10-11#2']));
    expect(later.every((hit) => hit >= '2017')).toBe(true);
    const earlier = await find('budgetaftalen', { to: '2016-12-31' });
    expect(earlier).toContain('2015-11-05#4');
    expect(earlier.every((hit) => hit < '2016')).toBe(true);
  });

  it('filters by journal number or KLE subject prefix', async () => {
    expect((await find('budgetaftalen', { casePrefix: '00.30.14' })).sort()).toEqual([
      '2017-06-14#4',
      '2018-10-11#2',
    ]);
    expect(await find('budgetaftalen', { casePrefix: '00.30.14-g01-2-18' })).toEqual([
      '2018-10-11#2',
    ]);
    expect(
      (await find('ledelse organisationstilpasning', { casePrefix: '15/13392' })).sort(),
    ).toEqual(['2015-11-05#2', '2015-11-05#6']);
  });

  it('finds the items of a journal number written in the search text', async () => {
    expect((await find('15/13392')).sort()).toEqual(['2015-11-05#2', '2015-11-05#6']);
  });

  it('filters by proposer, case-insensitively', async () => {
    const hits = await find('budget', { proposer: 'økonomi & stab' });
    expect(hits).toContain('2015-11-05#4');
    expect(hits).not.toContain('2017-06-14#3');
  });

  it('searches only the decision when asked', async () => {
    expect((await find('cykelstien')).sort()).toEqual(['2019-03-07#6', '2019-03-07#7']);
    expect(await find('cykelstien', { isDecisionOnly: true })).toEqual(['2019-03-07#7']);
  });

  it('hides closed items unless the reader may see them', async () => {
    expect(await find('fratrædelse')).toEqual([]);
    expect(await find('fratrædelse', { scope: { kind: 'all' } })).toEqual(['2019-03-07#3']);
  });

  it('marks the matched words of the original text in the snippet', async () => {
    const [hit] = await provider.search(database.db, { text: 'langtidsfravær' });
    expect(hit?.item.title).toBe('Ny sygefraværstatistik 1 til 3 kv 2015');
    expect(hit?.snippet).toMatch(/\[\[[Ll]angtidsfraværet\]\]/u);
    expect(hit?.snippet).not.toContain('**');
    const [målet] = await provider.search(database.db, { text: 'målet' });
    expect(målet?.snippet).toContain('[[målet]]');
  });

  it('returns hits with meeting, item, journal number and score', async () => {
    const [hit] = await provider.search(database.db, { text: 'Digitaliseringsrådet' });
    expect(hit).toMatchObject({
      meeting: { forum: 'Chefforum', date: '2017-06-14' },
      item: { number: 6, title: 'Den strategiske ramme for Digitaliseringsrådet' },
    });
    expect(hit?.item.caseNumber).toBe('85.13.05-A21-1-16');
    expect(hit?.score).toBeGreaterThan(0);
  });

  it('forgets removed items and finds them again when re-indexed', async () => {
    const [hit] = await provider.search(database.db, { text: 'Albertslundpraktik' });
    const id = hit?.item.id ?? 0;
    await database.db.transaction().execute((db) => provider.removeItems(db, [id]));
    expect(await find('Albertslundpraktik')).toEqual([]);
    await database.db.transaction().execute((db) => provider.indexItems(db, [id]));
    expect(await find('Albertslundpraktik')).toEqual(['2019-03-07#2']);
  });

  it('follows a re-imported meeting', async () => {
    const changed = { ...direktionen, items: [makeItem(1, { title: 'Huset er malet gult' })] };
    await saveAndIndex(changed);
    expect(await find('praktik')).not.toContain('2019-03-07#2');
    expect(await find('gult')).toEqual(['2019-03-07#1']);
    await saveAndIndex(direktionen);
    expect(await find('gult')).toEqual([]);
  });

  it('hides closed items even when they outrank every open one', async () => {
    const closedItems = Array.from({ length: 30 }, (_, index) =>
      makeItem(index + 1, { title: `Tjenestebilordning ${index + 1}`, closed: true }),
    );
    const open = makeItem(31, { title: 'Biler', background: 'En ny tjenestebilordning.' });
    await saveAndIndex(makeMeeting([...closedItems, open], { date: '2019-05-02' }));
    expect(await find('tjenestebilordning', {}, 5)).toEqual(['2019-05-02#31']);
    expect(await find('tjenestebilordning', { scope: { kind: 'all' } }, 50)).toHaveLength(31);
  });

  it('keeps the vocabulary whole when a transaction that added to it rolls back', async () => {
    const meeting = makeMeeting([makeItem(1, { title: 'Zebrafinkeprojektet' })], {
      date: '2019-06-06',
    });
    await expect(
      database.db.transaction().execute(async (transaction) => {
        const saved = await saveMeetingDocument(transaction, meeting);
        await provider.indexItems(transaction, saved.itemIds);
        // A search inside the transaction completes the index, vocabulary included.
        expect(await provider.search(transaction, { text: 'zebrafinke' })).toHaveLength(1);
        throw new Error('afbrudt');
      }),
    ).rejects.toThrow('afbrudt');
    expect(await find('zebrafinke')).toEqual([]);
    await saveAndIndex(meeting);
    expect(await find('zebrafinke')).toEqual(['2019-06-06#1']);
  });

  it.each([
    ['', /skriv et eller flere ord/u],
    ['   ?! ', /skriv et eller flere ord/u],
    ['og i at hvad', /kun af småord/u],
    ['"fælles om målet', /anførselstegn/u],
  ])('refuses the query %j', async (text, message) => {
    const search = provider.search(database.db, { text });
    await expect(search).rejects.toThrow(SearchQueryError);
    await expect(search).rejects.toThrow(message);
  });
});
