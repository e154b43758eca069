import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../../test/support/captured-output.ts';
import type { Archive } from '../services/archive.ts';
import { addTestForum, openTestArchive, testClient } from '../services/auth/auth-test-support.ts';
import { resolveSession, signInWithPassword } from '../services/auth/session-service.ts';
import { openSqliteFile } from '../store/database.ts';
import { registerUserCommand } from './user.command.ts';
import { UserError } from './user-error.ts';

let archive: Archive;
let forumId: number;

beforeAll(async () => {
  const opened = await openTestArchive(() => openSqliteFile(':memory:'));
  forumId = await addTestForum(opened, 'Chefforum', 'CF');
  await addTestForum(opened, 'Direktionen', null);
  // The command closes the archive it opened; here one archive serves every test.
  archive = { ...opened, close: async () => {} };
});
afterAll(async () => {
  await archive.database.close();
});

/** Runs `referat user …` in process and returns what it printed. */
async function runUser(args: string[], input = ''): Promise<string> {
  const program = new Command().exitOverride();
  registerUserCommand(
    program,
    async () => archive,
    async () => input,
  );
  const { stdout } = await captureOutput(() =>
    program.parseAsync(['user', ...args], { from: 'user' }),
  );
  return stdout;
}

const listUsers = async () => JSON.parse(await runUser(['list', '--json']));

describe('referat user', () => {
  it('adds a user with a generated password, printed once', async () => {
    const output = await runUser([
      'add',
      'Anne',
      '--name',
      'Anne Hansen',
      '--email',
      'ahj@albertslund.dk',
      '--role',
      'CF=secretary',
      '--role',
      'direktionen=member',
    ]);
    expect(output).toMatch(
      /^Brugeren anne er oprettet \(id \d+\)\.\nAdgangskode: [a-zA-Z2-9]{20}\nAdgangskoden vises kun denne ene gang og skal skiftes ved første log ind\.\n$/u,
    );
    const anne = (await listUsers()).find((user: { username: string }) => user.username === 'anne');
    expect(anne).toMatchObject({
      name: 'Anne Hansen',
      mustChangePassword: true,
      forumRoles: [
        { forumName: 'Chefforum', role: 'secretary' },
        { forumName: 'Direktionen', role: 'member' },
      ],
    });
  });

  it('adds an administrator with a password from standard input', async () => {
    const output = await runUser(
      ['add', 'chef', '--name', 'Chef', '--admin', '--password-stdin'],
      'mit-valgte-kodeord\n',
    );
    expect(output).toMatch(/^Brugeren chef er oprettet \(id \d+\)\.\n$/u);
    const started = await signInWithPassword(
      archive,
      { username: 'chef', password: 'mit-valgte-kodeord' },
      testClient,
    );
    const session = await resolveSession(archive, started.token, testClient);
    expect(session).toMatchObject({ mustChangePassword: false, actor: { isAdministrator: true } });
  });

  it('changes roles one forum at a time, resets the password and disables', async () => {
    await runUser(['add', 'bent', '--name', 'Bent', '--role', 'CF=member']);
    const output = await runUser([
      'set',
      'BENT',
      '--name',
      'Bent Blom',
      '--role',
      'Chefforum=none',
      '--role',
      'Direktionen=secretary',
      '--reset-password',
      '--disable',
    ]);
    expect(output).toMatch(/^Brugeren bent er ændret\.\nAdgangskode: [a-zA-Z2-9]{20}\n/u);
    const bent = (await listUsers()).find((user: { username: string }) => user.username === 'bent');
    expect(bent).toMatchObject({
      name: 'Bent Blom',
      isDisabled: true,
      forumRoles: [{ forumName: 'Direktionen', role: 'secretary' }],
    });
    await runUser(['set', 'bent', '--enable', '--admin']);
    expect(
      (await listUsers()).find((user: { username: string }) => user.username === 'bent'),
    ).toMatchObject({ isDisabled: false, isAdministrator: true });
    await runUser(['set', 'bent', '--no-admin']);
    expect(
      (await listUsers()).find((user: { username: string }) => user.username === 'bent')
        .isAdministrator,
    ).toBe(false);
  });

  it('lists users as a Danish table', async () => {
    const output = await runUser(['list']);
    expect(output).toMatch(
      /^anne +Anne Hansen +Chefforum: sekretær, Direktionen: medlem +skal skifte adgangskode, aldrig logget ind$/mu,
    );
    expect(output).toMatch(/^chef +Chef +administrator +sidst logget ind \d+\. \p{L}+ \d{4}$/mu);
  });

  it.each([
    [['add', 'anne', '--name', 'Igen'], /Brugernavnet "anne" er optaget\./u],
    [
      ['add', 'ny', '--name', 'Ny', '--role', 'Byrådet=member'],
      /Forummet "Byrådet" findes ikke\./u,
    ],
    [['add', 'ny', '--name', 'Ny', '--role', 'CF=chef'], /FORUM=secretary, FORUM=member/u],
    [['add', 'ny', '--name', 'Ny', '--password-stdin'], /standard input var tom/u],
    [['set', 'ingen', '--name', 'X'], /Brugeren "ingen" findes ikke\./u],
    [['set', 'anne'], /intet at ændre/u],
    [['set', 'anne', '--disable', '--enable'], /enten --disable eller --enable/u],
  ])('refuses %j with a Danish user error', async (args, message) => {
    const run = runUser(args);
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow(message);
  });

  it('keeps roles of forums that were not named', async () => {
    await runUser(['add', 'karen', '--name', 'Karen', '--role', `${forumId}=member`]);
    await runUser(['set', 'karen', '--role', 'Direktionen=member']);
    const karen = (await listUsers()).find(
      (user: { username: string }) => user.username === 'karen',
    );
    expect(karen.forumRoles.map((role: { forumName: string }) => role.forumName)).toEqual([
      'Chefforum',
      'Direktionen',
    ]);
  });
});
