import type { Kysely } from 'kysely';
import type { ForumRole, UserActor } from '../../core/actor.ts';
import type { DatabaseSchema } from '../../store/database-schema.ts';
import {
  findUserById,
  listForumRoles,
  listUsers,
  type StoredForumRole,
  type StoredUser,
} from '../../store/user-store.ts';

type Executor = Kysely<DatabaseSchema>;

/** A user's role in one forum, as the API and the CLI show it. */
export interface ForumRoleView {
  forumId: number;
  forumName: string;
  role: ForumRole;
}

/** An account as an administrator sees it: never the password hash. */
export interface UserView {
  id: number;
  username: string;
  name: string;
  email: string | null;
  isAdministrator: boolean;
  isDisabled: boolean;
  mustChangePassword: boolean;
  hasPassword: boolean;
  hasSingleSignOn: boolean;
  forumRoles: ForumRoleView[];
  lastSignInAt: string | null;
}

/** Builds the view of an account from its row and its forum roles. */
export function toUserView(user: StoredUser, roles: readonly StoredForumRole[]): UserView {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    email: user.email,
    isAdministrator: user.isAdministrator,
    isDisabled: user.isDisabled,
    mustChangePassword: user.mustChangePassword,
    hasPassword: user.passwordHash !== null,
    hasSingleSignOn: user.oidcSubject !== null,
    forumRoles: roles
      .filter((role) => role.userId === user.id)
      .map((role) => ({ forumId: role.forumId, forumName: role.forumName, role: role.role })),
    lastSignInAt: user.lastSignInAt,
  };
}

/** Every account with its forum roles, by username. */
export async function listUserViews(db: Executor): Promise<UserView[]> {
  const [users, roles] = await Promise.all([listUsers(db), listForumRoles(db)]);
  return users.map((user) => toUserView(user, roles));
}

/** One account with its forum roles, or null. */
export async function findUserView(db: Executor, userId: number): Promise<UserView | null> {
  const user = await findUserById(db, userId);
  if (!user) return null;
  return toUserView(user, await listForumRoles(db, [userId]));
}

/**
 * The actor a signed-in user acts as: name, administrator flag and role per forum, read fresh
 * so that a changed role counts at the next request. Null for a missing or disabled account.
 */
export async function loadUserActor(
  db: Executor,
  userId: number,
  address: string | null,
): Promise<UserActor | null> {
  const user = await findUserById(db, userId);
  if (!user || user.isDisabled) return null;
  return actorOfUser(user, await listForumRoles(db, [userId]), address);
}

/** The actor for an account already read. */
export function actorOfUser(
  user: StoredUser,
  roles: readonly StoredForumRole[],
  address: string | null,
): UserActor {
  const forumRoles: Record<number, ForumRole> = {};
  for (const role of roles) if (role.userId === user.id) forumRoles[role.forumId] = role.role;
  return {
    kind: 'user',
    userId: user.id,
    name: user.name,
    isAdministrator: user.isAdministrator,
    forumRoles,
    address,
  };
}
