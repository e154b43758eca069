import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../../test/support/captured-output.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { createSearchProvider } from '../search/index.ts';
import type { Archive } from '../services/archive.ts';
import { OutboxRegistry } from '../services/outbox/outbox-registry.ts';
import { openSqliteFile } from '../store/database.ts';
import { saveMeetingDocument } from '../store/meeting-writer.ts';
import { migrateToLatest, storeMigrations } from '../store/migrator.ts';
import { formatDueRange, registerFollowupsCommand } from './followups.command.ts';
import { runCli } from './main.ts';
import { UserError } from './user-error.ts';

let archive: Archive;
let storedId = 0;
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/minutes/${name}`, import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'referat-followups-'));

beforeAll(async () => {
  const database = await openSqliteFile(':memory:');
  const search = createSearchProvider(database.engine);
  await migrateToLatest(database, { ...storeMigrations(database), ...search.migrations() });
  const decision =
    'Sagen genoptages på næste møde. Cheferne melder tilbage senest fredag d. 16. juni.';
  const meetings = [
    makeMeeting([makeItem(1, { decision })], { date: '2017-06-14' }),
    makeMeeting([makeItem(1, { decision: 'Godkendt.' })], { date: '2017-06-28' }),
  ];
  for (const meeting of meetings) {
    const saved = await database.db
      .transaction()
      .execute((transaction) => saveMeetingDocument(transaction, meeting));
    if (meeting.date === '2017-06-14') storedId = saved.meetingId;
  }
  archive = { database, search, outbox: new OutboxRegistry(), close: async () => {} };
});
afterAll(async () => {
  await archive?.database.close();
});

async function runFollowups(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const program = new Command().exitOverride();
  registerFollowupsCommand(program, async () => archive);
  return captureOutput(() => program.parseAsync(['followups', ...args], { from: 'user' }), {
    stderr: true,
  });
}

describe('referat followups', () => {
  it('prints a readable Danish list for a file', async () => {
    const { stdout, stderr } = await runFollowups(fixture('chefforum-2017-06-14.json'));
    expect(stdout).toMatch(
      /^Opfølgninger i Chefforum 14\. juni 2017: \d+ opgaver, \d+ punkter der vender tilbage\n/u,
    );
    expect(stdout).toContain(
      'Punkt 3 · opgave · Cheferne (til Bente Poulsen) · senest 21. juni 2017: Cheferne skal indsende deres forslag til Bente Poulsen senest d. 21.juni.\n',
    );
    expect(stdout).toContain('Punkt 2 · vender tilbage: Temaet skal derfor i chefforum igen');
    expect(stderr).toBe('');
  });

  it('prints exactly an array of {item, kind, owner?, due?, text} with --json', async () => {
    const { stdout } = await runFollowups(fixture('chefforum-2017-06-14.docx'), '--json');
    const followups = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(followups).toContainEqual({
      item: 3,
      kind: 'task',
      owner: 'Cheferne',
      due: { from: '2017-06-21', to: '2017-06-21' },
      text: 'Cheferne skal indsende deres forslag til Bente Poulsen senest d. 21.juni.',
    });
    for (const followup of followups) {
      expect(
        Object.keys(followup).every((key) =>
          ['item', 'kind', 'owner', 'due', 'text'].includes(key),
        ),
      ).toBe(true);
      expect(['task', 'return']).toContain(followup.kind);
    }
  });

  it('reads a stored meeting by its id and dates "næste møde" by the forum’s next meeting', async () => {
    const { stdout } = await runFollowups(String(storedId), '--json');
    expect(JSON.parse(stdout)).toEqual([
      {
        item: 1,
        kind: 'return',
        due: { from: '2017-06-28', to: '2017-06-28' },
        text: 'Sagen genoptages på næste møde.',
      },
      {
        item: 1,
        kind: 'task',
        owner: 'Cheferne',
        due: { from: '2017-06-16', to: '2017-06-16' },
        text: 'Cheferne melder tilbage senest fredag d. 16. juni.',
      },
    ]);
  });

  it('writes warnings to stderr, not into the JSON', async () => {
    const path = join(scratch, 'ugedag.json');
    writeFileSync(
      path,
      JSON.stringify(
        makeMeeting([makeItem(2, { decision: 'HR sender planen onsdag d. 15. juni.' })]),
      ),
    );
    const { stdout, stderr } = await runFollowups(path, '--json');
    expect(JSON.parse(stdout)).toEqual([
      { item: 2, kind: 'task', owner: 'HR', text: 'HR sender planen onsdag d. 15. juni.' },
    ]);
    expect(stderr).toMatch(/^advarsel: Punkt 2: 15\. juni 2017 er en torsdag, ikke en onsdag/u);
  });

  it('says so when nothing is found', async () => {
    const path = join(scratch, 'tom.json');
    writeFileSync(path, JSON.stringify(makeMeeting([makeItem(1, { decision: 'Godkendt.' })])));
    expect((await runFollowups(path)).stdout).toBe(
      'Ingen opfølgninger fundet i Chefforum 14. juni 2017.\n',
    );
    expect((await runFollowups(path, '--json')).stdout).toBe('[]\n');
  });

  it('refuses an unknown meeting id as a user error', async () => {
    const run = runFollowups('987654');
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow('mødet med id 987654 findes ikke i arkivet');
  });

  it('answers bad input with one Danish line and exit code 2', async () => {
    const garbage = join(scratch, 'forkert.json');
    writeFileSync(garbage, '{"forum": 3}');
    for (const input of [join(scratch, 'findes-ikke.docx'), garbage]) {
      let stderr = '';
      const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
        stderr += String(chunk);
        return true;
      });
      try {
        expect(await runCli(['followups', input])).toBe(2);
      } finally {
        err.mockRestore();
      }
      expect(stderr).toMatch(/^referat: .+\n$/u);
      expect(stderr).not.toContain('    at ');
    }
  });

  it('formats due ranges the Danish way', () => {
    expect(formatDueRange({ from: '2017-06-21', to: '2017-06-21' })).toBe('21. juni 2017');
    expect(formatDueRange({ from: '2017-07-01', to: '2017-07-10' })).toBe('1. – 10. juli 2017');
    expect(formatDueRange({ from: '2018-03-01', to: '2018-05-31' })).toBe(
      '1. marts – 31. maj 2018',
    );
    expect(formatDueRange({ from: '2017-12-15', to: '2018-01-15' })).toBe(
      '15. december 2017 – 15. januar 2018',
    );
  });
});
