import { useSyncExternalStore } from 'react';
import type { SessionUser, SignInMethods } from '../api/types.ts';
import { getSessionSnapshot, subscribeToSession, userOf } from './session-store.ts';

/** What a page knows of the session. */
export interface SessionInfo {
  /** The signed-in user; null when anonymous, undefined while the session is loading. */
  user: SessionUser | null | undefined;
  /** The ways to sign in, once known. */
  signInMethods: SignInMethods | null;
  /** Why the session could not be read (no connection), or null. */
  error: string | null;
}

/** Who is signed in, for any component; re-renders when that changes. */
export function useSession(): SessionInfo {
  const snapshot = useSyncExternalStore(subscribeToSession, getSessionSnapshot);
  return {
    user: userOf(snapshot),
    signInMethods: snapshot.session?.signInMethods ?? null,
    error: snapshot.error,
  };
}
