import type { FastifyInstance } from 'fastify';
import { type ForumRole, localAdministrator } from '../../src/core/actor.ts';
import type { Archive } from '../../src/services/archive.ts';
import { addUser } from '../../src/services/auth/user-service.ts';

/** The password every test account gets (long enough for the rules). */
export const testAccountPassword = 'korrekt-hest-batteri-staple';

/** The headers a signed-in browser sends: its session cookie, the CSRF token and its Origin. */
export interface SignedInHeaders {
  cookie: string;
  'x-csrf-token': string;
  origin: string;
  [name: string]: string;
}

/** What a test account is: an administrator, or roles per forum. */
export interface TestAccount {
  username: string;
  name?: string;
  isAdministrator?: boolean;
  forumRoles?: Array<{ forumId: number; role: ForumRole }>;
}

/**
 * Creates an account and signs it in through the real sign-in route, as the app does, and
 * returns the headers its requests carry. The account's password is known, so it need not
 * be changed first.
 */
export async function signInAs(
  app: FastifyInstance,
  archive: Archive,
  account: TestAccount,
): Promise<SignedInHeaders> {
  await addUser(archive, localAdministrator('Testopsætning'), {
    username: account.username,
    name: account.name ?? account.username,
    isAdministrator: account.isAdministrator ?? false,
    forumRoles: account.forumRoles ?? [],
    password: testAccountPassword,
  });
  return signInWithPassword(app, account.username, testAccountPassword);
}

/** Signs an existing account in; throws with the server's answer when it fails. */
export async function signInWithPassword(
  app: FastifyInstance,
  username: string,
  password: string,
): Promise<SignedInHeaders> {
  const origin = 'http://localhost';
  const response = await app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { origin },
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((entry) => entry.name === 'referat_session');
  if (!cookie) throw new Error('no session cookie');
  return {
    cookie: `referat_session=${cookie.value}`,
    'x-csrf-token': String(response.json().csrfToken),
    origin,
  };
}
