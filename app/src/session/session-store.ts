import { messageOf } from '../api/client.ts';
import { getSession } from '../api/session.ts';
import type { Session, SessionUser } from '../api/types.ts';

/** What the app knows of the session: nothing yet, the session, or why it could not load. */
export interface SessionSnapshot {
  /** Null until the first answer of `GET /api/session`. */
  session: Session | null;
  error: string | null;
}

let snapshot: SessionSnapshot = { session: null, error: null };
const listeners = new Set<() => void>();

/** For useSyncExternalStore: re-renders on every change of the session. */
export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For useSyncExternalStore: a new object after every change. */
export function getSessionSnapshot(): SessionSnapshot {
  return snapshot;
}

/** The signed-in user; null when anonymous, undefined while the session is not known. */
export function userOf(current: SessionSnapshot): SessionUser | null | undefined {
  return current.session ? current.session.user : undefined;
}

/** Puts an answer of the session routes in place (sign-in, password change). */
export function setSession(session: Session): void {
  snapshot = { session, error: null };
  for (const listener of listeners) listener();
}

/** Reads the session from the server again (at start, after signing out, after a 401). */
export async function reloadSession(): Promise<void> {
  try {
    setSession(await getSession());
  } catch (error) {
    snapshot = { ...snapshot, error: messageOf(error) };
    for (const listener of listeners) listener();
  }
}
