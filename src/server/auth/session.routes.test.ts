import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../services/archive.ts';
import { addTestUser, testPassword } from '../../services/auth/auth-test-support.ts';
import { hashSessionToken } from '../../services/auth/session-service.ts';
import { touchSession } from '../../store/session-store.ts';
import {
  actorProbePath,
  buildAuthTestApp,
  closeAuthTestApp,
  openAuthTestApp,
  postSignIn,
  sessionCookieOf,
  withSession,
} from './auth-test-app.ts';

let archive: Archive;
let app: FastifyInstance;

beforeAll(async () => {
  ({ archive, app } = await openAuthTestApp());
  await addTestUser(archive, { username: 'sekretaer', name: 'Sara Sekretær' });
});
afterAll(() => closeAuthTestApp({ archive, app }));

const signIn = (username: string, password = testPassword, address = '192.0.2.1') =>
  postSignIn(app, username, password, address);

const whoIs = async (token: string) =>
  (await app.inject({ url: actorProbePath, headers: withSession(token) })).json();

describe('the session', () => {
  it('is empty for a visitor, and names the ways to sign in', async () => {
    const response = await app.inject({ url: '/api/session' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      user: null,
      csrfToken: null,
      signInMethods: { password: true, singleSignOn: null },
    });
  });

  it('signs in with a cookie that is HttpOnly, SameSite=Lax, Path=/ and not script-readable', async () => {
    const response = await signIn('sekretaer');
    expect(response.statusCode).toBe(200);
    const cookie = sessionCookieOf(response);
    expect(cookie).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax', maxAge: 604800 });
    expect(cookie?.secure).toBeUndefined();
    const body = response.json();
    expect(body.user).toMatchObject({
      username: 'sekretaer',
      name: 'Sara Sekretær',
      isAdministrator: false,
      mustChangePassword: false,
      forumRoles: [],
    });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/u);
    const again = await app.inject({
      url: '/api/session',
      headers: withSession(cookie?.value ?? ''),
    });
    expect(again.json()).toMatchObject({
      user: { username: 'sekretaer' },
      csrfToken: body.csrfToken,
    });
    expect(await whoIs(cookie?.value ?? '')).toMatchObject({
      actor: { kind: 'user', name: 'Sara Sekretær' },
      csrfToken: body.csrfToken,
    });
  });

  it('answers a wrong password and an unknown user alike, in Danish', async () => {
    for (const response of [await signIn('sekretaer', 'forkert-kodeord'), await signIn('ingen')]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: 'Forkert brugernavn eller adgangskode.' });
      expect(sessionCookieOf(response)).toBeUndefined();
    }
  });

  it('allows 10 attempts per address and username in 15 minutes, then answers 429', async () => {
    const address = '198.51.100.7';
    for (let attempt = 0; attempt < 10; attempt++)
      expect((await signIn('sekretaer', 'gaet-igen-1234', address)).statusCode).toBe(401);
    const refused = await signIn('SEKRETAER', testPassword, address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatch(/^For mange forsøg\. Prøv igen om 15 minutter\.$/u);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    expect((await signIn('sekretaer', testPassword, '198.51.100.8')).statusCode).toBe(200);
    expect((await signIn('en-anden', testPassword, address)).statusCode).toBe(401);
  });

  it('makes the cookie Secure when the public address is https', async () => {
    const secureApp = await buildAuthTestApp(archive, {
      publicUrl: new URL('https://referat.example.dk'),
      oidc: null,
    });
    try {
      const response = await postSignIn(secureApp, 'sekretaer');
      expect(sessionCookieOf(response)?.secure).toBe(true);
    } finally {
      await secureApp.close();
    }
  });

  it('signs out: 204, the cookie cleared, the session gone', async () => {
    const token = sessionCookieOf(await signIn('sekretaer'))?.value ?? '';
    const response = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: withSession(token),
    });
    expect(response.statusCode).toBe(204);
    expect(sessionCookieOf(response)).toMatchObject({ value: '', path: '/' });
    expect((await whoIs(token)).actor.kind).toBe('anonymous');
  });

  it('treats an expired or unknown cookie as a visitor and clears it', async () => {
    const token = sessionCookieOf(await signIn('sekretaer'))?.value ?? '';
    const past = new Date(Date.now() - 1000).toISOString();
    await touchSession(archive.database.db, hashSessionToken(token), {
      lastSeenAt: past,
      expiresAt: past,
    });
    for (const cookie of [token, 'ukendt-token']) {
      const response = await app.inject({ url: '/api/session', headers: withSession(cookie) });
      expect(response.json().user).toBeNull();
      expect(sessionCookieOf(response)?.value).toBe('');
    }
    expect(await whoIs(token)).toEqual({
      actor: { kind: 'anonymous', address: '127.0.0.1' },
      csrfToken: null,
    });
  });
});

describe('a password that must be changed', () => {
  it('allows nothing but changing it, then starts a new session', async () => {
    const { initialPassword } = await addTestUser(archive, {
      username: 'ny-bruger',
      password: undefined,
    });
    const first = await signIn('ny-bruger', initialPassword ?? '', '192.0.2.50');
    expect(first.json().user.mustChangePassword).toBe(true);
    const token = sessionCookieOf(first)?.value ?? '';
    expect((await whoIs(token)).actor.kind).toBe('anonymous');
    const change = (newPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/session/password',
        headers: withSession(token),
        payload: { currentPassword: initialPassword, newPassword },
      });
    const short = await change('kort');
    expect(short.statusCode).toBe(400);
    expect(short.json()).toEqual({ error: 'Adgangskoden skal være mindst 12 tegn.' });
    const changed = await change('mit-eget-gode-kodeord');
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    const renewed = sessionCookieOf(changed)?.value ?? '';
    expect(renewed).not.toBe(token);
    expect(changed.json().csrfToken).toBe((await whoIs(renewed)).csrfToken);
    expect((await whoIs(renewed)).actor).toMatchObject({ kind: 'user', name: 'ny-bruger' });
    expect((await whoIs(token)).actor.kind).toBe('anonymous');
  });

  it('needs a session', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/session/password',
      payload: { currentPassword: 'x', newPassword: 'et-nyt-langt-kodeord' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: 'Log ind først.' });
  });
});
