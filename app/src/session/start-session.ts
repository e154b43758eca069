import { onWriteRefused, type RefusedWriteStatus, signInAgainMessage } from '../api/client.ts';
import { decisionAutosaver } from '../lib/decision-autosave.ts';
import { currentLocation, navigate } from '../router/history.ts';
import { signInPath } from './return-path.ts';
import { getSessionSnapshot, reloadSession, subscribeToSession, userOf } from './session-store.ts';

/**
 * Starts the app's session: reads who is signed in, sends the user to the sign-in page when a
 * write finds the session gone, and lets the decision autosaver send what is waiting
 * once someone who may write is signed in (again), and not before: a write without a
 * session would only be refused.
 */
export function startSession(): void {
  onWriteRefused((status) => void checkSessionAfterRefusal(status));
  let signedInUserId: number | null = null;
  let hasStartedAutosave = false;
  subscribeToSession(() => {
    const user = userOf(getSessionSnapshot());
    const userId = user && !user.mustChangePassword ? user.id : null;
    if (userId === signedInUserId) return;
    signedInUserId = userId;
    if (userId === null) return;
    // start() sends what is waiting; a later sign-in sends it again.
    if (hasStartedAutosave) decisionAutosaver.retryAll(true);
    else decisionAutosaver.start();
    hasStartedAutosave = true;
  });
  void reloadSession();
  window.addEventListener('online', () => {
    if (getSessionSnapshot().error) void reloadSession();
  });
}

/**
 * After a refused write: a 401 means sign in (again); a 403 or 404 to someone the app thought
 * signed in may mean the session ended meanwhile (a hidden meeting answers 404 to the
 * anonymous), so the session is read again, and only if it is gone does the user go to sign in.
 */
async function checkSessionAfterRefusal(status: RefusedWriteStatus): Promise<void> {
  const wasSignedIn = Boolean(userOf(getSessionSnapshot()));
  if (status !== 401 && !wasSignedIn) return;
  const returnTo = currentLocation();
  await reloadSession();
  const snapshot = getSessionSnapshot();
  const isSignedOut = !snapshot.error && userOf(snapshot) === null;
  if (status === 401 || isSignedOut) navigate(signInPath(returnTo, signInAgainMessage));
}
