import type { Kysely, Selectable } from 'kysely';
import type { ForumRole } from '../core/actor.ts';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** A user account as stored (flags as booleans, the password hash kept for sign-in only). */
export interface StoredUser {
  id: number;
  username: string;
  name: string;
  email: string | null;
  passwordHash: string | null;
  isAdministrator: boolean;
  mustChangePassword: boolean;
  isDisabled: boolean;
  oidcIssuer: string | null;
  oidcSubject: string | null;
  createdAt: string;
  updatedAt: string;
  lastSignInAt: string | null;
}

/** A user's role in one forum, with the forum's name for presenting it. */
export interface StoredForumRole {
  userId: number;
  forumId: number;
  forumName: string;
  role: ForumRole;
}

/** What a new account is made of; a single sign-on account also names its identity. */
export type NewUser = Pick<
  StoredUser,
  'username' | 'name' | 'email' | 'passwordHash' | 'isAdministrator' | 'mustChangePassword'
> &
  Partial<Pick<StoredUser, 'oidcIssuer' | 'oidcSubject'>>;

/** The fields of an account that can change; those left out stay as they are. */
export type UserChanges = Partial<
  Pick<
    StoredUser,
    'name' | 'email' | 'passwordHash' | 'isAdministrator' | 'mustChangePassword' | 'isDisabled'
  >
>;

/** A forum as a role can name it: by id, name or abbreviation. */
export interface ForumKey {
  id: number;
  name: string;
  abbreviation: string | null;
}

type UserRow = Selectable<DatabaseSchema['users']>;

/** Every column of the accounts, which `toStoredUser` turns into a `StoredUser`. */
function selectUsers(db: Executor) {
  return db.selectFrom('users').selectAll();
}

type UserQuery = ReturnType<typeof selectUsers>;

/** The one account a condition picks out, or null. */
async function findUserWhere(
  db: Executor,
  pick: (query: UserQuery) => UserQuery,
): Promise<StoredUser | null> {
  const row = await pick(selectUsers(db)).executeTakeFirst();
  return row ? toStoredUser(row) : null;
}

function toStoredUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    username: row.username,
    name: row.display_name,
    email: row.email,
    passwordHash: row.password_hash,
    isAdministrator: row.is_administrator === 1,
    mustChangePassword: row.must_change_password === 1,
    isDisabled: row.is_disabled === 1,
    oidcIssuer: row.oidc_issuer,
    oidcSubject: row.oidc_subject,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSignInAt: row.last_sign_in_at,
  };
}

/** How many accounts there are (the first start creates one when there are none). */
export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** How many administrators can still sign in (there must always be one). */
export async function countActiveAdministrators(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('is_administrator', '=', 1)
    .where('is_disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every account, by username. */
export async function listUsers(db: Executor): Promise<StoredUser[]> {
  const rows = await selectUsers(db).orderBy('username').execute();
  return rows.map(toStoredUser);
}

/** One account by id, or null. */
export async function findUserById(db: Executor, userId: number): Promise<StoredUser | null> {
  return findUserWhere(db, (query) => query.where('id', '=', userId));
}

/** One account by its (lower-case) username, or null. */
export async function findUserByUsername(
  db: Executor,
  username: string,
): Promise<StoredUser | null> {
  return findUserWhere(db, (query) => query.where('username', '=', username));
}

/** The account a single sign-on identity (issuer and subject) belongs to, or null. */
export async function findUserBySubject(
  db: Executor,
  issuer: string,
  subject: string,
): Promise<StoredUser | null> {
  return findUserWhere(db, (query) =>
    query.where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject),
  );
}

/** Creates an account and returns its id. */
export async function insertUser(db: Executor, user: NewUser): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('users')
    .values({
      username: user.username,
      display_name: user.name,
      email: user.email,
      password_hash: user.passwordHash,
      is_administrator: user.isAdministrator ? 1 : 0,
      must_change_password: user.mustChangePassword ? 1 : 0,
      is_disabled: 0,
      oidc_issuer: user.oidcIssuer ?? null,
      oidc_subject: user.oidcSubject ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the given fields of an account. */
export async function updateUser(
  db: Executor,
  userId: number,
  changes: UserChanges,
): Promise<void> {
  const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);
  await db
    .updateTable('users')
    .set({
      display_name: changes.name,
      email: changes.email,
      password_hash: changes.passwordHash,
      is_administrator: flag(changes.isAdministrator),
      must_change_password: flag(changes.mustChangePassword),
      is_disabled: flag(changes.isDisabled),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', userId)
    .execute();
}

/** Notes when an account last signed in. */
export async function recordSignIn(db: Executor, userId: number, at: string): Promise<void> {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
}

/** The forum roles of the given accounts (all accounts when no ids are given), by forum name. */
export async function listForumRoles(
  db: Executor,
  userIds?: readonly number[],
): Promise<StoredForumRole[]> {
  if (userIds?.length === 0) return [];
  let query = db
    .selectFrom('user_forum_roles')
    .innerJoin('forums', 'forums.id', 'user_forum_roles.forum_id')
    .select([
      'user_forum_roles.user_id',
      'user_forum_roles.forum_id',
      'user_forum_roles.role',
      'forums.name',
    ])
    .orderBy('forums.name');
  if (userIds) query = query.where('user_forum_roles.user_id', 'in', [...userIds]);
  const rows = await query.execute();
  return rows
    .filter((row) => row.role === 'member' || row.role === 'secretary')
    .map((row) => ({
      userId: row.user_id,
      forumId: row.forum_id,
      forumName: row.name,
      role: row.role as ForumRole,
    }));
}

/** Replaces all of an account's forum roles. */
export async function replaceForumRoles(
  db: Executor,
  userId: number,
  roles: ReadonlyArray<{ forumId: number; role: ForumRole }>,
): Promise<void> {
  await db.deleteFrom('user_forum_roles').where('user_id', '=', userId).execute();
  if (roles.length === 0) return;
  await db
    .insertInto('user_forum_roles')
    .values(roles.map((role) => ({ user_id: userId, forum_id: role.forumId, role: role.role })))
    .execute();
}

/** Every forum's id, name and abbreviation, for reading a role's forum from text. */
export async function listForumKeys(db: Executor): Promise<ForumKey[]> {
  return db.selectFrom('forums').select(['id', 'name', 'abbreviation']).orderBy('id').execute();
}
