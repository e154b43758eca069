import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../../test/support/captured-output.ts';
import { readRealMeeting, realMeetingNames } from '../../test/support/meeting-fixtures.ts';
import { createSearchProvider } from '../search/index.ts';
import type { Archive } from '../services/archive.ts';
import { OutboxRegistry } from '../services/outbox/outbox-registry.ts';
import { openSqliteFile } from '../store/database.ts';
import { saveMeetingDocument } from '../store/meeting-writer.ts';
import { migrateToLatest, storeMigrations } from '../store/migrator.ts';
import { readDate, registerSearchCommand } from './search.command.ts';
import { UserError } from './user-error.ts';

let archive: Archive;

beforeAll(async () => {
  const database = await openSqliteFile(':memory:');
  const search = createSearchProvider(database.engine);
  await migrateToLatest(database, { ...storeMigrations(database), ...search.migrations() });
  for (const meeting of realMeetingNames.map(readRealMeeting)) {
    await database.db.transaction().execute(async (transaction) => {
      const saved = await saveMeetingDocument(transaction, meeting);
      await search.indexItems(transaction, saved.itemIds);
    });
  }
  // The command closes the archive it opened; here one archive serves every test.
  archive = { database, search, outbox: new OutboxRegistry(), close: async () => {} };
});
afterAll(async () => {
  await archive?.database.close();
});

/** Runs `referat search …` in process and returns what it printed. */
async function runSearch(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerSearchCommand(program, async () => archive);
  const { stdout } = await captureOutput(() =>
    program.parseAsync(['search', ...args], { from: 'user' }),
  );
  return stdout;
}

describe('referat search', () => {
  it('prints hits as JSON with meeting, item, score and snippet', async () => {
    const hits = JSON.parse(await runSearch('sygefravær', '--json'));
    expect(hits[0]).toMatchObject({
      meeting: { forum: 'Chefforum', date: '2015-11-05' },
      item: { number: 5, title: 'Ny sygefraværstatistik 1 til 3 kv 2015', caseNumber: '15/5563' },
    });
    expect(hits[0].score).toBeGreaterThan(0);
    expect(hits[0].snippet).toContain('[[sygefravær]]');
  });

  it('prints a readable Danish list with the hits between stars outside a terminal', async () => {
    const output = await runSearch('Hvad', 'blev', 'besluttet', 'om', 'Aula?');
    expect(output).toMatch(/^\d+ resultater? for »Hvad blev besluttet om Aula\?«/u);
    expect(output).toContain(
      '1. 11. oktober 2018 · Chefforum · Punkt 3: Aula - nyt forældreintra på vej',
    );
    expect(output).toContain('Journalnummer 17.00.00-P20-3-18');
    expect(output).toContain('*AULA*');
    expect(output).not.toContain('[[');
  });

  it('says so when nothing matches', async () => {
    expect(await runSearch('tandlægeordning')).toBe('Ingen resultater for »tandlægeordning«.\n');
  });

  it('applies the filters', async () => {
    const search = async (...args: string[]) =>
      JSON.parse(await runSearch('budgetaftalen', '--json', ...args)).map(
        (hit: { meeting: { date: string }; item: { number: number } }) =>
          `${hit.meeting.date}#${hit.item.number}`,
      );
    expect((await search('--from', '1. januar 2017', '--to', '2017')).sort()).toEqual([
      '2017-06-14#3',
      '2017-06-14#4',
    ]);
    expect((await search('--case', '00.30.14', '--decision')).sort()).toEqual([
      '2017-06-14#4',
      '2018-10-11#2',
    ]);
    expect(await search('--case', '00.30.14-G01')).toEqual(['2018-10-11#2']);
    expect(await search('--forum', 'Direktionen')).toEqual([]);
    expect(await search('--proposer', 'økonomi & stab', '--limit', '1')).toEqual(['2015-11-05#4']);
  });

  it.each([
    [['og', 'i', 'at'], /kun af småord/u],
    [['"fælles', 'om'], /anførselstegn/u],
    [['aula', '--from', 'i går'], /--from: "i går" er ikke en dato/u],
    [['aula', '--from', '2018', '--to', '2017'], /--from ligger efter --to/u],
    [['aula', '--limit', '0'], /--limit skal være et helt tal/u],
  ])('refuses %j with a Danish user error', async (args, message) => {
    const run = runSearch(...args);
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(message);
  });
});

describe('date options', () => {
  it.each([
    ['2017-06-14', 'start', '2017-06-14'],
    ['14. juni 2017', 'start', '2017-06-14'],
    ['14-06-2017', 'end', '2017-06-14'],
    ['2017', 'start', '2017-01-01'],
    ['2017', 'end', '2017-12-31'],
    ['juni 2017', 'start', '2017-06-01'],
    ['feb 2016', 'end', '2016-02-29'],
  ] as const)('reads %s as the %s %s', (text, edge, expected) => {
    expect(readDate(text, '--from', edge)).toBe(expected);
  });
});
