import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { requestJson, setCsrfToken } from './client.ts';
import { changePassword, getSession, signIn, signOut } from './session.ts';
import type { Session } from './types.ts';

const anonymous: Session = {
  user: null,
  csrfToken: null,
  signInMethods: { password: true, singleSignOn: null },
};

function signedIn(token: string): Session {
  return {
    user: {
      id: 1,
      username: 'anne',
      name: 'Anne Hansen',
      email: null,
      isAdministrator: false,
      mustChangePassword: false,
      forumRoles: [],
    },
    csrfToken: token,
    signInMethods: { password: true, singleSignOn: null },
  };
}

let tokensSent: Array<string | undefined>;
let answers: Response[];

beforeEach(() => {
  tokensSent = [];
  answers = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit = {}) => {
    tokensSent.push((init.headers as Record<string, string>)['x-csrf-token']);
    const next = answers.shift();
    if (!next) throw new Error('no answer prepared');
    return next;
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

function answerWith(body: unknown, status = 200): void {
  answers.push(
    new Response(body === null ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );
}

test('the token of a sign-in goes with the writes that follow', async () => {
  answerWith(signedIn('first'));
  await signIn('anne', 'korrekt-hest-batteri');
  answerWith({});
  await requestJson('/api/items/1', { method: 'PATCH', body: {} });
  expect(tokensSent).toEqual([undefined, 'first']);
});

test('a password change brings a new token, and signing out forgets it', async () => {
  answerWith(signedIn('first'));
  await getSession();
  answerWith(signedIn('second'));
  await changePassword('gammel-adgangskode', 'ny-og-lang-adgangskode');
  answerWith(null, 204);
  answerWith(anonymous);
  const after = await signOut();
  answerWith({});
  await requestJson('/api/items/1', { method: 'PATCH', body: {} });
  expect(after.user).toBeNull();
  // The password change is sent with the first token, signing out with the second; the
  // write afterwards has none.
  expect(tokensSent).toEqual([undefined, 'first', 'second', undefined, undefined]);
});
