import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { captureOutput } from '../../test/support/captured-output.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { readRealMeeting, realMeetingNames } from '../../test/support/meeting-fixtures.ts';
import { createSearchProvider } from '../search/index.ts';
import type { Archive } from '../services/archive.ts';
import { setForumVisibility } from '../services/forum-service.ts';
import { OutboxRegistry } from '../services/outbox/outbox-registry.ts';
import { openSqliteFile } from '../store/database.ts';
import { saveMeetingDocument } from '../store/meeting-writer.ts';
import { migrateToLatest, storeMigrations } from '../store/migrator.ts';
import { registerCaseCommand } from './case.command.ts';
import { UserError } from './user-error.ts';

let archive: Archive;
const closedItem = makeItem(1, {
  title: 'Personalesag',
  caseNumber: '15/13392',
  closed: true,
  decision: 'Fortrolig aftale indgået.',
});

beforeAll(async () => {
  const database = await openSqliteFile(':memory:');
  const search = createSearchProvider(database.engine);
  await migrateToLatest(database, { ...storeMigrations(database), ...search.migrations() });
  const meetings = [
    ...realMeetingNames.map(readRealMeeting),
    makeMeeting([closedItem], { date: '2016-01-07' }),
  ];
  for (const meeting of meetings)
    await database.db
      .transaction()
      .execute((transaction) => saveMeetingDocument(transaction, meeting));
  archive = { database, search, outbox: new OutboxRegistry(), close: async () => {} };
});
afterAll(async () => {
  await archive?.database.close();
});

async function runCase(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerCaseCommand(program, async () => archive);
  const { stdout } = await captureOutput(() =>
    program.parseAsync(['case', ...args], { from: 'user' }),
  );
  return stdout;
}

describe('referat case', () => {
  it('prints the timeline in date order as the local administrator sees it', async () => {
    const output = await runCase('15/13392');
    expect(output).toMatch(/^Sag 15\/13392 – 3 punkter\n/u);
    const titles = output.split('\n').filter((line) => / · Punkt /u.test(line));
    expect(titles).toEqual([
      '5. november 2015 · Chefforum · Punkt 2: Oplæg om græsekrydsende ledelse mellem netværk og basisorganisation',
      '5. november 2015 · Chefforum · Punkt 6: Orientering om ikræfttrædelse af organisationstilpasning',
      '7. januar 2016 · Chefforum · Punkt 1: Personalesag (lukket punkt)',
    ]);
    expect(output).toContain('   Beslutning: Jette orienterede om organisationstilpasning.');
  });

  it('prints JSON with the closed flag', async () => {
    const entries = JSON.parse(await runCase('15/13392', '--json'));
    expect(entries.map((entry: { date: string }) => entry.date)).toEqual([
      '2015-11-05',
      '2015-11-05',
      '2016-01-07',
    ]);
    expect(entries[2]).toMatchObject({ title: 'Personalesag', closed: true });
  });

  it('shows the public only public forums, and not even the journal number of a closed item', async () => {
    await expect(runCase('15/13392', '--public')).rejects.toThrow(/ukendt journalnummer/u);
    await setForumVisibility(archive, testAdministrator, 'Chefforum', 'public');
    try {
      const output = await runCase('15/13392', '--public');
      expect(output).toMatch(/^Sag 15\/13392 – 2 punkter\n/u);
      expect(output).not.toContain('Personalesag');
      expect(output).not.toContain('Fortrolig');
      expect(output).not.toContain('2016');
    } finally {
      await setForumVisibility(archive, testAdministrator, 'Chefforum', 'internal');
    }
  });

  it('finds a KLE journal number written in lower case', async () => {
    const entries = JSON.parse(await runCase('17.00.00-p20-3-18', '--json'));
    expect(entries).toMatchObject([
      { date: '2018-10-11', title: 'Aula - nyt forældreintra på vej' },
    ]);
  });

  it('refuses an unknown journal number as a user error', async () => {
    const run = runCase('99/99999');
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow('ukendt journalnummer: 99/99999 findes ikke i arkivet');
  });
});
