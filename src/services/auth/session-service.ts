import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { UserActor } from '../../core/actor.ts';
import { appendAuditEntry } from '../../store/audit-store.ts';
import type { DatabaseSchema } from '../../store/database-schema.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  type StoredSession,
  touchSession,
} from '../../store/session-store.ts';
import {
  findUserById,
  findUserByUsername,
  listForumRoles,
  recordSignIn,
  type StoredUser,
} from '../../store/user-store.ts';
import type { Archive } from '../archive-types.ts';
import { ServiceError } from '../service-error.ts';
import { verifyDummyPassword, verifyPassword } from './password-hashing.ts';
import { normalizeUsername } from './user-service.ts';
import { actorOfUser, findUserView, type UserView } from './user-views.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * A session ends after 8 hours without a request (a working day; a PC left signed in
 * overnight is signed out by morning) and at the latest 7 days after sign-in, however busy.
 */
export const sessionIdleTimeoutMs = 8 * 60 * 60 * 1000;

/** The longest a session lasts, used or not; also the cookie's lifetime. */
export const sessionAbsoluteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** A session's last use is written at most this often, so that reads stay reads. */
export const sessionTouchIntervalMs = 60 * 1000;

/** The one answer to a failed sign-in, whatever the reason, so that it reveals nothing. */
export const signInFailedMessage = 'Forkert brugernavn eller adgangskode.';

/** Where a request comes from, for the session and the audit log. */
export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

/** A session just started: the token goes into the cookie and is never stored. */
export interface StartedSession {
  token: string;
  csrfToken: string;
  userId: number;
}

/** A valid session and who it belongs to. */
export interface ResolvedSession {
  sessionId: string;
  userId: number;
  csrfToken: string;
  actor: UserActor;
  /** Until the password is changed, the session may do nothing else. */
  mustChangePassword: boolean;
}

/** The signed-in user as the app needs to know them. */
export type SessionUser = Omit<
  UserView,
  'isDisabled' | 'hasPassword' | 'hasSingleSignOn' | 'lastSignInAt'
>;

/** The session's id in the database: the SHA-256 of its token (a leaked table signs no one in). */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Signs in with username and password. Unknown users, wrong passwords, disabled accounts and
 * accounts without a password all get the same 401 after the same argon2 work, and every
 * attempt is audited.
 */
export async function signInWithPassword(
  archive: Archive,
  credentials: { username: string; password: string },
  client: ClientInfo,
): Promise<StartedSession> {
  const db = archive.database.db;
  const username = normalizeUsername(credentials.username);
  const user = await findUserByUsername(db, username);
  const isPasswordRight = user?.passwordHash
    ? await verifyPassword(user.passwordHash, credentials.password)
    : await verifyDummyPassword(credentials.password);
  const failure = findSignInFailure(user, isPasswordRight);
  await appendAuditEntry(db, {
    actorUserId: user?.id ?? null,
    actorName: user?.name ?? username.slice(0, 100),
    address: client.address,
    action: 'sign_in',
    outcome: failure ? 'failed' : 'ok',
    targetType: 'user',
    targetId: user?.id ?? null,
    detail: failure ?? 'adgangskode',
  });
  if (failure || !user) throw new ServiceError(401, signInFailedMessage);
  return db.transaction().execute((transaction) => startSession(transaction, user.id, client));
}

/** Why a password sign-in fails, for the audit log (the user only ever hears one answer). */
function findSignInFailure(user: StoredUser | null, isPasswordRight: boolean): string | null {
  if (!user) return 'ukendt brugernavn';
  if (!user.passwordHash) return 'brugeren har ingen adgangskode';
  if (!isPasswordRight) return 'forkert adgangskode';
  if (user.isDisabled) return 'brugeren er spærret';
  return null;
}

/** Starts a session for a user who has proven who they are; notes the sign-in time. */
export async function startSession(
  db: Executor,
  userId: number,
  client: ClientInfo,
  now = new Date(),
): Promise<StartedSession> {
  await deleteExpiredSessions(db, now.toISOString());
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await insertSession(db, {
    id: hashSessionToken(token),
    userId,
    csrfToken,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + sessionIdleTimeoutMs).toISOString(),
    address: client.address,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
  });
  await recordSignIn(db, userId, now.toISOString());
  return { token, csrfToken, userId };
}

/**
 * The session a cookie's token belongs to, or null when it is unknown, expired or its user
 * disabled (an expired one is deleted). Moves the idle expiry on, at most once a minute.
 */
export async function resolveSession(
  archive: Archive,
  token: string,
  client: ClientInfo,
  now = new Date(),
): Promise<ResolvedSession | null> {
  if (!/^[\w-]{43}$/u.test(token)) return null;
  const db = archive.database.db;
  const session = await findSession(db, hashSessionToken(token));
  if (!session) return null;
  if (Date.parse(session.expiresAt) <= now.getTime()) {
    await deleteSession(db, session.id);
    return null;
  }
  const user = await findUserById(db, session.userId);
  if (!user || user.isDisabled) {
    await deleteSession(db, session.id);
    return null;
  }
  const roles = await listForumRoles(db, [user.id]);
  await touchIfDue(db, session, now);
  return {
    sessionId: session.id,
    userId: user.id,
    csrfToken: session.csrfToken,
    actor: actorOfUser(user, roles, client.address),
    mustChangePassword: user.mustChangePassword,
  };
}

/** The next expiry: idle timeout from now, but never past the absolute lifetime. */
export function nextExpiry(createdAt: string, now: Date): string {
  const idle = now.getTime() + sessionIdleTimeoutMs;
  const absolute = Date.parse(createdAt) + sessionAbsoluteLifetimeMs;
  return new Date(Math.min(idle, absolute)).toISOString();
}

async function touchIfDue(db: Executor, session: StoredSession, now: Date): Promise<void> {
  if (now.getTime() - Date.parse(session.lastSeenAt) < sessionTouchIntervalMs) return;
  await touchSession(db, session.id, {
    lastSeenAt: now.toISOString(),
    expiresAt: nextExpiry(session.createdAt, now),
  });
}

/** Ends a session and audits the sign-out. */
export async function signOut(archive: Archive, session: ResolvedSession): Promise<void> {
  await archive.database.db.transaction().execute(async (db) => {
    await deleteSession(db, session.sessionId);
    await appendAuditEntry(db, {
      actorUserId: session.userId,
      actorName: session.actor.name,
      address: session.actor.address,
      action: 'sign_out',
      outcome: 'ok',
      targetType: 'user',
      targetId: session.userId,
    });
  });
}

/** The signed-in user for the app: name, roles by forum, and whether to change password. */
export async function describeSessionUser(
  archive: Archive,
  userId: number,
): Promise<SessionUser | null> {
  const view = await findUserView(archive.database.db, userId);
  if (!view) return null;
  return {
    id: view.id,
    username: view.username,
    name: view.name,
    email: view.email,
    isAdministrator: view.isAdministrator,
    mustChangePassword: view.mustChangePassword,
    forumRoles: view.forumRoles,
  };
}
