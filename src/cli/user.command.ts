import type { Command } from 'commander';
import { type ForumRole, forumRoleLabels, localAdministrator } from '../core/actor.ts';
import { formatDanishDate } from '../core/danish-date.ts';
import { type Archive, openArchive } from '../services/archive.ts';
import {
  addUser,
  changeUser,
  findForumIdByReference,
  findUserIdByUsername,
  getUsers,
  type UserChangeInput,
  type UserView,
} from '../services/auth/user-service.ts';
import { ServiceError } from '../services/service-error.ts';
import { copenhagenDate } from './audit.command.ts';
import type { ArchiveOpener } from './search.command.ts';
import { UserError } from './user-error.ts';

/** Reads the whole of standard input (a password given with --password-stdin). */
export type InputReader = () => Promise<string>;

interface AddOptions {
  name: string;
  email?: string;
  admin?: boolean;
  role: string[];
  passwordStdin?: boolean;
}

interface SetOptions {
  name?: string;
  email?: string;
  admin?: boolean;
  role: string[];
  resetPassword?: boolean;
  disable?: boolean;
  enable?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `referat user add|set|list`: user accounts from the command line, which acts as the local
 * administrator. A new account without --password-stdin gets a generated password, printed
 * once and to be changed at the first sign-in; so does `set --reset-password`.
 */
export function registerUserCommand(
  program: Command,
  open: ArchiveOpener = openArchive,
  readInput: InputReader = readStandardInput,
): void {
  const user = program.command('user').description('brugere: opret, ret og vis');
  user
    .command('add')
    .description('opret en bruger (uden --password-stdin får brugeren en tilfældig adgangskode)')
    .argument('<username>', 'brugernavnet (små bogstaver, tal og . _ - @)')
    .requiredOption('--name <name>', 'brugerens fulde navn')
    .option('--email <email>', 'e-mailadresse')
    .option('--admin', 'gør brugeren til administrator')
    .option(
      '--role <forum=rolle>',
      'rolle i et forum: FORUM=secretary|member (kan gentages)',
      collect,
      [],
    )
    .option('--password-stdin', 'læs adgangskoden fra standard input')
    .action((username: string, options: AddOptions) =>
      withArchive(open, async (archive) => {
        const password = options.passwordStdin ? await readPassword(readInput) : undefined;
        const roles = await readRoles(archive, options.role);
        const result = await addUser(archive, localAdministrator(), {
          username,
          name: options.name,
          email: options.email ?? null,
          isAdministrator: options.admin ?? false,
          forumRoles: roles.flatMap(({ forumId, role }) => (role ? [{ forumId, role }] : [])),
          password,
        });
        write(`Brugeren ${result.user.username} er oprettet (id ${result.user.id}).\n`);
        writePassword(result.initialPassword);
      }),
    );
  user
    .command('set')
    .description('ret en bruger')
    .argument('<username>', 'brugernavnet')
    .option('--name <name>', 'nyt navn')
    .option('--email <email>', 'ny e-mailadresse ("" fjerner den)')
    .option('--admin', 'gør brugeren til administrator')
    .option('--no-admin', 'fjern administratorrollen')
    .option(
      '--role <forum=rolle>',
      'rolle i et forum: FORUM=secretary|member|none (kan gentages)',
      collect,
      [],
    )
    .option('--reset-password', 'giv brugeren en ny tilfældig adgangskode')
    .option('--disable', 'spær brugeren (afslutter brugerens sessioner)')
    .option('--enable', 'ophæv spærringen')
    .action((username: string, options: SetOptions) =>
      withArchive(open, async (archive) => {
        const changes = await readChanges(archive, options);
        const actor = localAdministrator();
        const userId = await findUserIdByUsername(archive, actor, username);
        const result = await changeUser(archive, actor, userId, changes);
        write(`Brugeren ${result.user.username} er ændret.\n`);
        writePassword(result.initialPassword);
      }),
    );
  user
    .command('list')
    .description('vis alle brugere med roller')
    .option('--json', 'skriv brugerne som JSON')
    .action((options: { json?: boolean }) =>
      withArchive(open, async (archive) => {
        const users = await getUsers(archive, localAdministrator());
        write(options.json ? `${JSON.stringify(users, null, 2)}\n` : presentUsers(users));
      }),
    );
}

async function readChanges(archive: Archive, options: SetOptions): Promise<UserChangeInput> {
  if (options.disable && options.enable) throw new UserError('vælg enten --disable eller --enable');
  const roles = await readRoles(archive, options.role);
  const changes: UserChangeInput = {
    name: options.name,
    email: options.email,
    isAdministrator: options.admin,
    isDisabled: options.disable ? true : options.enable ? false : undefined,
    forumRoleChanges: roles.length > 0 ? roles : undefined,
    resetPassword: options.resetPassword,
  };
  if (Object.values(changes).every((value) => value === undefined))
    throw new UserError('intet at ændre; se referat user set --help');
  return changes;
}

/** Reads `FORUM=role` options: the forum by name, abbreviation or id; `none` removes the role. */
async function readRoles(
  archive: Archive,
  options: readonly string[],
): Promise<Array<{ forumId: number; role: ForumRole | null }>> {
  const roles: Array<{ forumId: number; role: ForumRole | null }> = [];
  for (const option of options) {
    const separator = option.lastIndexOf('=');
    const role = option
      .slice(separator + 1)
      .trim()
      .toLowerCase();
    if (separator <= 0 || (role !== 'secretary' && role !== 'member' && role !== 'none'))
      throw new UserError(`--role ${option}: skriv FORUM=secretary, FORUM=member eller FORUM=none`);
    const forumId = await findForumIdByReference(archive, option.slice(0, separator));
    roles.push({ forumId, role: role === 'none' ? null : role });
  }
  return roles;
}

async function readPassword(readInput: InputReader): Promise<string> {
  const password = (await readInput()).replace(/\r?\n$/u, '');
  if (!password) throw new UserError('--password-stdin: standard input var tom');
  return password;
}

/** A compact Danish table of the users. */
export function presentUsers(users: readonly UserView[]): string {
  if (users.length === 0) return 'Ingen brugere.\n';
  const rows = users.map((user) => [
    user.username,
    user.name,
    describeRoles(user),
    describeStatus(user),
  ]);
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
    .concat('\n');
}

function describeRoles(user: UserView): string {
  const roles = user.forumRoles.map(
    (role) => `${role.forumName}: ${forumRoleLabels[role.role].toLowerCase()}`,
  );
  return (
    [user.isAdministrator ? 'administrator' : null, ...roles].filter(Boolean).join(', ') || '-'
  );
}

function describeStatus(user: UserView): string {
  const parts = [
    user.isDisabled ? 'spærret' : null,
    user.mustChangePassword ? 'skal skifte adgangskode' : null,
    user.hasSingleSignOn ? 'single sign-on' : null,
    user.lastSignInAt
      ? `sidst logget ind ${formatDanishDate(copenhagenDate(user.lastSignInAt))}`
      : 'aldrig logget ind',
  ];
  return parts.filter(Boolean).join(', ');
}

function writePassword(password: string | null): void {
  if (!password) return;
  write(`Adgangskode: ${password}\n`);
  write('Adgangskoden vises kun denne ene gang og skal skiftes ved første log ind.\n');
}

function write(text: string): void {
  process.stdout.write(text);
}

/** Opens the archive, runs the work, closes it; the services' 4xx refusals are user errors. */
async function withArchive(open: ArchiveOpener, work: (archive: Archive) => Promise<void>) {
  const archive = await open();
  try {
    await work(archive);
  } catch (error) {
    if (error instanceof ServiceError && error.status < 500) throw new UserError(error.message);
    throw error;
  } finally {
    await archive.close();
  }
}

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
