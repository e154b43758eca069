import { requestJson, setCsrfToken } from './client.ts';
import type { PasswordChange, Session, SignIn } from './types.ts';

const sessionPath = '/api/session';

/** Who is signed in; keeps the CSRF token for the writes that follow. */
export async function getSession(): Promise<Session> {
  return keepToken(await requestJson<Session>(sessionPath));
}

/** Signs in with username and password; 401 with a Danish message when they are wrong. */
export async function signIn(username: string, password: string): Promise<Session> {
  return keepToken(
    await requestJson<Session>(sessionPath, {
      method: 'POST',
      body: { username, password } satisfies SignIn,
      isSessionRequest: true,
    }),
  );
}

/** Signs out, then reads the (now anonymous) session, so the token and the user are current. */
export async function signOut(): Promise<Session> {
  await requestJson<void>(sessionPath, { method: 'DELETE', isSessionRequest: true });
  setCsrfToken(null);
  return getSession();
}

/**
 * Changes the signed-in user's own password (at least 12 characters). The server ends every
 * session of the user and starts a new one, so the answer carries a new CSRF token.
 */
export async function changePassword(
  currentPassword: string,
  newPassword: string,
): Promise<Session> {
  return keepToken(
    await requestJson<Session>(`${sessionPath}/password`, {
      method: 'POST',
      body: { currentPassword, newPassword } satisfies PasswordChange,
      isSessionRequest: true,
    }),
  );
}

function keepToken(session: Session): Session {
  setCsrfToken(session.csrfToken);
  return session;
}
