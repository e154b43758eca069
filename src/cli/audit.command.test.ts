import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../../test/support/captured-output.ts';
import type { Archive } from '../services/archive.ts';
import { addTestUser, openTestArchive, testClient } from '../services/auth/auth-test-support.ts';
import { signInWithPassword } from '../services/auth/session-service.ts';
import { openSqliteFile } from '../store/database.ts';
import { copenhagenTime, registerAuditCommand } from './audit.command.ts';
import { UserError } from './user-error.ts';

let archive: Archive;

beforeAll(async () => {
  const opened = await openTestArchive(() => openSqliteFile(':memory:'));
  await addTestUser(opened, { username: 'rikke', name: 'Rikke Blom' });
  await signInWithPassword(
    opened,
    { username: 'rikke', password: 'forkert-kodeord' },
    testClient,
  ).catch(() => null);
  archive = { ...opened, close: async () => {} };
});
afterAll(async () => {
  await archive.database.close();
});

async function runAudit(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerAuditCommand(program, async () => archive);
  const { stdout } = await captureOutput(() =>
    program.parseAsync(['audit', ...args], { from: 'user' }),
  );
  return stdout;
}

describe('referat audit', () => {
  it('prints the newest lines first, in Danish time', async () => {
    const lines = (await runAudit()).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} {2}fejlede {2}sign_in {2}Rikke Blom {2}fra 192\.0\.2\.10 {2}user \d+ {2}\(forkert adgangskode\)$/u,
    );
    expect(lines[1]).toMatch(/ {2}ok {7}user\.add {2}Testopsætning {2}user \d+$/u);
  });

  it('gives JSON, limits and filters by time', async () => {
    const entries = JSON.parse(await runAudit('--json', '--limit', '1'));
    expect(entries).toEqual([
      expect.objectContaining({ action: 'sign_in', outcome: 'failed', actorName: 'Rikke Blom' }),
    ]);
    expect(await runAudit('--since', '2999-01-01')).toBe('Ingen linjer i revisionsloggen.\n');
    expect(JSON.parse(await runAudit('--since', '2000-01-01T00:00', '--json'))).toHaveLength(2);
  });

  it.each([
    [['--since', 'i går'], /--since: "i går" er ikke en dato/u],
    [['--limit', '0'], /--limit skal være et helt tal fra 1 til 1000/u],
  ])('refuses %j with a Danish user error', async (args, message) => {
    const run = runAudit(...args);
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(message);
  });

  it('shows stored UTC times as Copenhagen wall-clock time', () => {
    expect(copenhagenTime('2026-11-30T23:30:00.000Z')).toBe('2026-12-01 00:30:00');
    expect(copenhagenTime('2026-07-01T10:00:00.000Z')).toBe('2026-07-01 12:00:00');
  });
});
