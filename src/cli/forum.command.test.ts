import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { getForums } from '../services/forum-service.ts';
import { storeMeeting } from '../services/import-service.ts';
import { openSqliteFile } from '../store/database.ts';
import { registerForumCommand } from './forum.command.ts';
import { UserError } from './user-error.ts';

let archive: Archive;

beforeAll(async () => {
  archive = await openArchiveOn(await openSqliteFile(':memory:'));
  await storeMeeting(archive, testAdministrator, makeMeeting([makeItem(1)]));
});
afterAll(async () => {
  await archive?.close();
});

async function runForum(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  // The command closes the archive it opened; here one archive serves every test.
  registerForumCommand(program, async () => ({ ...archive, close: async () => {} }));
  let output = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    output += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['forum', ...args], { from: 'user' });
  } finally {
    write.mockRestore();
  }
  return output;
}

describe('referat forum', () => {
  it('lists forums, new ones internal', async () => {
    expect(await runForum('list')).toBe('Chefforum · Internt · 0 medlemmer\n');
  });

  it('sets a forum public and back, and says so', async () => {
    expect(await runForum('set', 'Chefforum', '--visibility', 'public')).toBe(
      'Chefforum er nu offentligt.\n',
    );
    expect((await getForums(archive, testAdministrator))[0]?.visibility).toBe('public');
    expect(await runForum('set', 'Chefforum', '--visibility', 'internt')).toBe(
      'Chefforum er nu internt.\n',
    );
    expect(JSON.parse(await runForum('list', '--json'))[0]).toMatchObject({
      visibility: 'internal',
    });
  });

  it('refuses an unknown forum or visibility as a user error', async () => {
    await expect(runForum('set', 'Byrådet', '--visibility', 'public')).rejects.toThrow(
      new UserError('Forummet "Byrådet" findes ikke.'),
    );
    await expect(runForum('set', 'Chefforum', '--visibility', 'hemmelig')).rejects.toThrow(
      /--visibility skal være public eller internal/u,
    );
  });
});
