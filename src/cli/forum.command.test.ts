import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { captureOutput } from '../../test/support/captured-output.ts';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { getForums, saveForum } from '../services/forum-service.ts';
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
  const { stdout } = await captureOutput(() =>
    program.parseAsync(['forum', ...args], { from: 'user' }),
  );
  return stdout;
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

  it('sets the purposes in order, alone or with the visibility', async () => {
    const [before] = await getForums(archive, testAdministrator);
    expect(await runForum('set', 'Chefforum', '--purposes', ' Udvikle, Afdække ,Beslutte')).toBe(
      'Chefforum har nu formålene: Udvikle, Afdække, Beslutte.\n',
    );
    expect((await getForums(archive, testAdministrator))[0]?.purposes).toEqual([
      'Udvikle',
      'Afdække',
      'Beslutte',
    ]);
    expect(
      await runForum(
        'set',
        'Chefforum',
        '--visibility',
        'public',
        '--purposes',
        'Orientering,Drøftelse,Beslutning',
      ),
    ).toBe(
      'Chefforum er nu offentligt.\nChefforum har nu formålene: Orientering, Drøftelse, Beslutning.\n',
    );
    expect(JSON.parse(await runForum('list', '--json'))[0]).toMatchObject({
      visibility: 'public',
      purposes: ['Orientering', 'Drøftelse', 'Beslutning'],
    });
    // The rest of the forum is kept.
    expect((await getForums(archive, testAdministrator))[0]).toMatchObject({
      name: before?.name,
      abbreviation: before?.abbreviation,
      members: before?.members,
      standingItems: before?.standingItems,
    });
  });

  it('refuses a purpose list the forum editor would refuse', async () => {
    await expect(runForum('set', 'Chefforum', '--purposes', 'Afdække,afdække')).rejects.toThrow(
      new UserError('--purposes: det samme formål står to gange'),
    );
    await expect(runForum('set', 'Chefforum', '--purposes', ' , ')).rejects.toThrow(
      new UserError('--purposes: forummet skal have mindst ét formål'),
    );
    await expect(runForum('set', 'Chefforum')).rejects.toThrow(
      new UserError('skriv --visibility, --purposes eller --contact-details'),
    );
    await expect(runForum('set', 'Byrådet', '--purposes', 'Afdække')).rejects.toThrow(
      new UserError('Forummet "Byrådet" findes ikke.'),
    );
  });

  it('sets whether the public versions show e-mail addresses and phone numbers', async () => {
    const hidden = await runForum('set', 'Chefforum', '--contact-details', 'hide');
    expect(hidden).toContain('viser ikke længere e-mailadresser og telefonnumre');
    expect((await getForums(archive, testAdministrator))[0]?.hidesContactDetails).toBe(true);
    await runForum('set', 'Chefforum', '--visibility', 'public');
    expect((await getForums(archive, testAdministrator))[0]?.hidesContactDetails).toBe(true);
    await runForum('set', 'Chefforum', '--contact-details', 'vis');
    expect((await getForums(archive, testAdministrator))[0]?.hidesContactDetails).toBe(false);
    await expect(runForum('set', 'Chefforum', '--contact-details', 'måske')).rejects.toThrow(
      new UserError('--contact-details skal være hide eller show, ikke "måske"'),
    );
  });

  it('refuses to drop a purpose a standing item has', async () => {
    const [forum] = await getForums(archive, testAdministrator);
    if (!forum) throw new Error('no forum');
    await saveForum(archive, testAdministrator, forum.id, {
      ...forum,
      standingItems: [{ title: 'Aktuelle emner', durationMinutes: 30, purpose: 'Drøftelse' }],
    });
    await expect(runForum('set', 'Chefforum', '--purposes', 'Orientering')).rejects.toThrow(
      new UserError('Det faste punkt "Aktuelle emner" har et formål, forummet ikke har.'),
    );
    expect((await getForums(archive, testAdministrator))[0]?.purposes).toHaveLength(3);
  });

  it('says in its help what set changes', () => {
    const program = new Command();
    registerForumCommand(program, async () => archive);
    const set = program.commands
      .find((command) => command.name() === 'forum')
      ?.commands.find((command) => command.name() === 'set');
    const help = set?.helpInformation() ?? '';
    expect(help).toContain('--visibility <visibility>');
    expect(help).toContain('--purposes <list>');
    expect(help).toContain('forummets formål i rækkefølge, adskilt af komma');
  });
});
