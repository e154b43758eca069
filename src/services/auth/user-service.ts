import type { Kysely } from 'kysely';
import type { Actor, ForumRole } from '../../core/actor.ts';
import type { DatabaseSchema } from '../../store/database-schema.ts';
import { deleteSessionsOfUser } from '../../store/session-store.ts';
import {
  countActiveAdministrators,
  findUserById,
  findUserByUsername,
  insertUser,
  listForumKeys,
  listForumRoles,
  type NewUser,
  replaceForumRoles,
  type UserChanges,
  updateUser,
} from '../../store/user-store.ts';
import type { Archive } from '../archive-types.ts';
import { type CommandTarget, runCommand } from '../command-pipeline.ts';
import { requirePolicy } from '../read-access.ts';
import { notFound, ServiceError } from '../service-error.ts';
import { checkNewPassword, generatePassword, hashPassword } from './password-hashing.ts';
import { findUserView, listUserViews, type UserView } from './user-views.ts';

export { loadUserActor, type UserView } from './user-views.ts';

type Executor = Kysely<DatabaseSchema>;

/** A forum role to give: the forum's id and the role. */
export interface ForumRoleAssignment {
  forumId: number;
  role: ForumRole;
}

/** A new account. Without a password one is generated, shown once and changed at sign-in. */
export interface NewUserInput {
  username: string;
  name: string;
  email?: string | null;
  isAdministrator?: boolean;
  forumRoles?: readonly ForumRoleAssignment[];
  password?: string;
}

/** Changes to an account; what is left out stays as it is. */
export interface UserChangeInput {
  name?: string;
  email?: string | null;
  isAdministrator?: boolean;
  isDisabled?: boolean;
  /** All of the account's forum roles (replaces those it has). */
  forumRoles?: readonly ForumRoleAssignment[];
  /** Roles for single forums; null removes the role (the CLI's FORUM=none). */
  forumRoleChanges?: ReadonlyArray<{ forumId: number; role: ForumRole | null }>;
  /** Gives the account a new generated password that must be changed at sign-in. */
  resetPassword?: boolean;
}

/** An account after a change, with the generated password when there is one (shown once). */
export interface UserResult {
  user: UserView;
  initialPassword: string | null;
}

/** Every account, for an administrator. */
export async function getUsers(archive: Archive, actor: Actor): Promise<UserView[]> {
  await requirePolicy(archive, actor, 'users.manage', null, { type: 'user', id: null });
  return listUserViews(archive.database.db);
}

/** The id of the account with this username, for an administrator (404 when there is none). */
export async function findUserIdByUsername(
  archive: Archive,
  actor: Actor,
  username: string,
): Promise<number> {
  await requirePolicy(archive, actor, 'users.manage', null, { type: 'user', id: null });
  const user = await findUserByUsername(archive.database.db, normalizeUsername(username));
  if (!user) throw notFound(`Brugeren "${username}"`);
  return user.id;
}

/** Creates an account (administrators only, through the write pipeline). */
export async function addUser(
  archive: Archive,
  actor: Actor,
  input: NewUserInput,
): Promise<UserResult> {
  const username = checkUsername(input.username);
  const name = checkName(input.name);
  const email = checkEmail(input.email ?? null);
  const initialPassword = input.password === undefined ? generatePassword() : null;
  const password = input.password ?? initialPassword ?? '';
  const weakness = checkNewPassword(password);
  if (weakness) throw new ServiceError(400, weakness);
  const passwordHash = await hashPassword(password);
  const userId = await runCommand(archive, actor, {
    name: 'user.add',
    resolve: async () => userTarget(null),
    apply: async ({ db }, target) => {
      if (await findUserByUsername(db, username))
        throw new ServiceError(409, `Brugernavnet "${username}" er optaget.`);
      await checkForums(db, input.forumRoles ?? []);
      return insertUserWithRoles(
        db,
        target,
        {
          username,
          name,
          email,
          passwordHash,
          isAdministrator: input.isAdministrator ?? false,
          mustChangePassword: initialPassword !== null,
        },
        input.forumRoles ?? [],
      );
    },
  });
  return { user: await requireUserView(archive.database.db, userId), initialPassword };
}

/**
 * Changes an account (administrators only, through the write pipeline). Disabling it or
 * resetting its password ends its sessions; the last active administrator cannot be demoted
 * or disabled, and administrators cannot lock themselves out.
 */
export async function changeUser(
  archive: Archive,
  actor: Actor,
  userId: number,
  input: UserChangeInput,
): Promise<UserResult> {
  const changes: UserChanges = {
    name: input.name === undefined ? undefined : checkName(input.name),
    email: input.email === undefined ? undefined : checkEmail(input.email),
    isAdministrator: input.isAdministrator,
    isDisabled: input.isDisabled,
  };
  const initialPassword = input.resetPassword ? generatePassword() : null;
  if (initialPassword !== null) {
    changes.passwordHash = await hashPassword(initialPassword);
    changes.mustChangePassword = true;
  }
  await runCommand(archive, actor, {
    name: 'user.update',
    resolve: async () => userTarget(userId),
    apply: async ({ db }) => {
      const before = await findUserById(db, userId);
      if (!before) throw notFound('Brugeren');
      if (actor.kind === 'user' && actor.userId === userId) checkSelfChange(changes);
      await updateUser(db, userId, changes);
      const roles = await nextForumRoles(db, userId, input);
      if (roles) {
        await checkForums(db, roles);
        await replaceForumRoles(db, userId, roles);
      }
      if (changes.isDisabled || initialPassword !== null) await deleteSessionsOfUser(db, userId);
      const wasActiveAdministrator = before.isAdministrator && !before.isDisabled;
      if (wasActiveAdministrator && (await countActiveAdministrators(db)) === 0)
        throw new ServiceError(409, 'Der skal være mindst én aktiv administrator.');
    },
  });
  return { user: await requireUserView(archive.database.db, userId), initialPassword };
}

/** Usernames are kept in lower case, so that "Admin" and "admin" are one account. */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** The forum id a role names: the forum's id, name or abbreviation (any case). */
export async function findForumIdByReference(archive: Archive, reference: string): Promise<number> {
  const text = reference.trim().toLowerCase();
  const forums = await listForumKeys(archive.database.db);
  const forum = forums.find(
    (candidate) =>
      String(candidate.id) === text ||
      candidate.name.toLowerCase() === text ||
      candidate.abbreviation?.toLowerCase() === text,
  );
  if (!forum) throw new ServiceError(400, `Forummet "${reference}" findes ikke.`);
  return forum.id;
}

/**
 * The write pipeline's target for a change to an account (or a new one, with no id yet):
 * administrators only, audited as "user". Single sign-on's account changes use it too.
 */
export function userTarget(userId: number | null): CommandTarget {
  return {
    actions: ['users.manage'],
    policyTarget: null,
    auditType: 'user',
    auditId: userId,
    meetingId: null,
  };
}

/**
 * Inside a `user.add` command: stores the account and its forum roles, and names the new
 * account in the audit line, whose id exists only now. Returns the id.
 */
export async function insertUserWithRoles(
  db: Executor,
  target: CommandTarget,
  user: NewUser,
  roles: readonly ForumRoleAssignment[],
): Promise<number> {
  const id = await insertUser(db, user);
  await replaceForumRoles(db, id, roles);
  target.auditId = id;
  return id;
}

async function requireUserView(db: Executor, userId: number): Promise<UserView> {
  const user = await findUserView(db, userId);
  if (!user) throw notFound('Brugeren');
  return user;
}

/** The roles an account ends up with, or null when the change leaves them alone. */
async function nextForumRoles(
  db: Executor,
  userId: number,
  input: UserChangeInput,
): Promise<ForumRoleAssignment[] | null> {
  if (!input.forumRoles && !input.forumRoleChanges) return null;
  const roles = new Map<number, ForumRole>();
  const start = input.forumRoles ?? (await listForumRoles(db, [userId]));
  for (const role of start) roles.set(role.forumId, role.role);
  for (const change of input.forumRoleChanges ?? []) {
    if (change.role === null) roles.delete(change.forumId);
    else roles.set(change.forumId, change.role);
  }
  return [...roles].map(([forumId, role]) => ({ forumId, role }));
}

function checkSelfChange(changes: UserChanges): void {
  if (changes.isAdministrator === false)
    throw new ServiceError(409, 'Du kan ikke fjerne din egen administratorrolle.');
  if (changes.isDisabled === true) throw new ServiceError(409, 'Du kan ikke spærre dig selv.');
}

async function checkForums(db: Executor, roles: readonly ForumRoleAssignment[]): Promise<void> {
  const forumIds = new Set((await listForumKeys(db)).map((forum) => forum.id));
  const seen = new Set<number>();
  for (const role of roles) {
    if (!forumIds.has(role.forumId))
      throw new ServiceError(400, `Forummet med id ${role.forumId} findes ikke.`);
    if (seen.has(role.forumId))
      throw new ServiceError(400, 'Et forum står to gange blandt rollerne.');
    seen.add(role.forumId);
  }
}

const usernamePattern = /^[a-z0-9][a-z0-9._@-]{1,99}$/u;

function checkUsername(username: string): string {
  const normalized = normalizeUsername(username);
  if (!usernamePattern.test(normalized))
    throw new ServiceError(
      400,
      'Brugernavnet skal være 2-100 tegn: små bogstaver, tal og . _ - @ (uden mellemrum).',
    );
  return normalized;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200)
    throw new ServiceError(400, 'Skriv brugerens navn (højst 200 tegn).');
  return trimmed;
}

function checkEmail(email: string | null): string | null {
  const trimmed = email?.trim() ?? '';
  if (!trimmed) return null;
  if (trimmed.length > 254 || !/^[^\s@]+@[^\s@]+$/u.test(trimmed))
    throw new ServiceError(400, `"${trimmed}" er ikke en gyldig e-mailadresse.`);
  return trimmed;
}
