import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** A signed-in session as stored; `id` is the SHA-256 (hex) of the cookie's token. */
export interface StoredSession {
  id: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  address: string | null;
  userAgent: string | null;
}

/** A single sign-on attempt under way, kept until its callback comes back. */
export interface StoredSignInState {
  state: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string | null;
  createdAt: string;
}

/** Stores a new session. */
export async function insertSession(db: Executor, session: StoredSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
      last_seen_at: session.lastSeenAt,
      address: session.address,
      user_agent: session.userAgent,
    })
    .execute();
}

/** One session by id (the token's hash), or null. */
export async function findSession(db: Executor, sessionId: string): Promise<StoredSession | null> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    address: row.address,
    userAgent: row.user_agent,
  };
}

/** Notes that a session was used, and moves its idle expiry on. */
export async function touchSession(
  db: Executor,
  sessionId: string,
  seen: { lastSeenAt: string; expiresAt: string },
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: seen.lastSeenAt, expires_at: seen.expiresAt })
    .where('id', '=', sessionId)
    .execute();
}

/** Ends one session. */
export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user; returns how many there were. */
export async function deleteSessionsOfUser(db: Executor, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes sessions that expired before the given time (ISO). */
export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/** Stores a single sign-on attempt. */
export async function insertSignInState(db: Executor, state: StoredSignInState): Promise<void> {
  await db
    .insertInto('sign_in_states')
    .values({
      state: state.state,
      code_verifier: state.codeVerifier,
      nonce: state.nonce,
      return_to: state.returnTo,
      created_at: state.createdAt,
    })
    .execute();
}

/**
 * Takes a single sign-on attempt out of the store: found once, then gone, so that a callback
 * cannot be replayed. Null when there is no attempt with that state.
 */
export async function takeSignInState(
  db: Executor,
  state: string,
): Promise<StoredSignInState | null> {
  const row = await db
    .selectFrom('sign_in_states')
    .selectAll()
    .where('state', '=', state)
    .executeTakeFirst();
  if (!row) return null;
  const deleted = await db
    .deleteFrom('sign_in_states')
    .where('state', '=', state)
    .executeTakeFirst();
  // Another request took it between the two statements: only one may use it.
  if (Number(deleted.numDeletedRows) === 0) return null;
  return {
    state: row.state,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    returnTo: row.return_to,
    createdAt: row.created_at,
  };
}

/** Removes single sign-on attempts started before the given time (ISO). */
export async function deleteSignInStatesBefore(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('sign_in_states').where('created_at', '<', before).execute();
}
