import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdministrator } from '../../core/actor.ts';
import type { Archive } from '../../services/archive.ts';
import { type AuthConfig, readAuthConfig } from '../../services/auth/auth-config.ts';
import { addTestForum, openTestArchive } from '../../services/auth/auth-test-support.ts';
import { changeUser, getUsers } from '../../services/auth/user-service.ts';
import { listAuditEntries } from '../../store/audit-store.ts';
import { openSqliteFile } from '../../store/database.ts';
import { actorProbePath, buildAuthTestApp, sessionCookieOf, withSession } from './auth-test-app.ts';
import { isSameSitePath } from './oidc.routes.ts';
import {
  signInAtProvider,
  startTestIdentityProvider,
  type TestIdentityProvider,
} from './oidc-test-provider.ts';

let provider: TestIdentityProvider;
let archive: Archive;
let forumId: number;

function configFor(roleClaim: string | null): AuthConfig {
  return readAuthConfig({
    REFERAT_OIDC_ISSUER: provider.issuer,
    REFERAT_OIDC_CLIENT_ID: provider.clientId,
    REFERAT_OIDC_CLIENT_SECRET: provider.clientSecret,
    REFERAT_OIDC_REDIRECT_URL: provider.redirectUrl,
    REFERAT_OIDC_SCOPES: 'openid profile email roles',
    REFERAT_OIDC_NAME: 'Log ind med Kommune-login',
    ...(roleClaim ? { REFERAT_OIDC_ROLE_CLAIM: roleClaim } : {}),
  });
}

beforeAll(async () => {
  provider = await startTestIdentityProvider({
    kirsten: {
      name: 'Kirsten Krog',
      preferred_username: 'kkr',
      email: 'kkr@albertslund.dk',
      roles: ['referat-admin', 'Chefforum:secretary'],
    },
    mogens: { name: 'Mogens Mø', preferred_username: 'mm', roles: ['Chefforum:member'] },
  });
  archive = await openTestArchive(() => openSqliteFile(':memory:'));
  forumId = await addTestForum(archive);
});
afterAll(async () => {
  await archive.close();
  await provider.close();
});

/** Starts at Referat, signs in at the provider, and gives the callback Referat receives. */
async function startAndSignIn(app: FastifyInstance, accountId: string, returnTo = '/moeder') {
  const start = await app.inject({
    url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`,
  });
  expect(start.statusCode).toBe(302);
  return signInAtProvider(String(start.headers.location), accountId);
}

function callback(app: FastifyInstance, url: URL) {
  return app.inject({ url: `/api/auth/oidc/callback${url.search}`, remoteAddress: '192.0.2.77' });
}

describe('single sign-on with roles from the provider', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildAuthTestApp(archive, configFor('roles'));
  });
  afterAll(async () => {
    await app.close();
  });

  it('offers itself in the session answer', async () => {
    const session = (await app.inject({ url: '/api/session' })).json();
    expect(session.signInMethods.singleSignOn).toEqual({
      name: 'Log ind med Kommune-login',
      url: '/api/auth/oidc/start',
    });
  });

  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const start = await app.inject({ url: '/api/auth/oidc/start' });
    const location = new URL(String(start.headers.location));
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/u);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe(provider.redirectUrl);
  });

  it('creates the user at the first sign-in, with roles from the claim', async () => {
    const returned = await callback(app, await startAndSignIn(app, 'kirsten', '/moeder/3?vis=alt'));
    expect(returned.statusCode).toBe(302);
    expect(returned.headers.location).toBe('/moeder/3?vis=alt');
    const cookie = sessionCookieOf(returned);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const probe = await app.inject({
      url: actorProbePath,
      headers: withSession(cookie?.value ?? ''),
    });
    expect(probe.json().actor).toMatchObject({
      kind: 'user',
      name: 'Kirsten Krog',
      isAdministrator: true,
      forumRoles: { [forumId]: 'secretary' },
      address: '127.0.0.1',
    });
    const users = await getUsers(archive, localAdministrator());
    expect(users.find((user) => user.username === 'kkr')).toMatchObject({
      email: 'kkr@albertslund.dk',
      hasPassword: false,
      hasSingleSignOn: true,
    });
    const lines = await listAuditEntries(archive.database.db, { limit: 5 });
    expect(lines.map((line) => `${line.action} ${line.outcome} ${line.actorName}`)).toEqual(
      expect.arrayContaining(['sign_in ok Kirsten Krog', 'user.add ok Single sign-on']),
    );
  });

  it('finds the same user again and follows changed roles', async () => {
    provider.accounts.mogens = { ...provider.accounts.mogens, roles: ['Chefforum:member'] };
    await callback(app, await startAndSignIn(app, 'mogens'));
    provider.accounts.mogens = { ...provider.accounts.mogens, roles: ['CF:secretary'] };
    const returned = await callback(app, await startAndSignIn(app, 'mogens'));
    const probe = await app.inject({
      url: actorProbePath,
      headers: withSession(sessionCookieOf(returned)?.value ?? ''),
    });
    expect(probe.json().actor.forumRoles).toEqual({ [forumId]: 'secretary' });
    const users = await getUsers(archive, localAdministrator());
    expect(users.filter((user) => user.username.startsWith('mm'))).toHaveLength(1);
  });

  it('refuses a wrong state and a replayed callback', async () => {
    const url = await startAndSignIn(app, 'kirsten');
    const forged = new URL(url);
    forged.searchParams.set('state', 'forfalsket-state');
    const refused = await callback(app, forged);
    expect(refused.statusCode).toBe(302);
    expect(refused.headers.location).toBe(
      `/log-ind?fejl=${encodeURIComponent('Log-ind-forsøget er udløbet eller ugyldigt. Prøv igen.')}`,
    );
    expect(sessionCookieOf(refused)).toBeUndefined();
    expect((await callback(app, url)).headers.location).toBe('/moeder');
    const replayed = await callback(app, url);
    expect(String(replayed.headers.location)).toMatch(/^\/log-ind\?fejl=/u);
    const [line] = await listAuditEntries(archive.database.db, { limit: 1 });
    expect(line).toMatchObject({ action: 'sign_in', outcome: 'failed' });
  });

  it('accepts only same-site paths to return to', async () => {
    for (const path of ['//evil.example', '/\\evil.example', 'https://evil.example', 'moeder'])
      expect(isSameSitePath(path)).toBe(false);
    expect(isSameSitePath('/moeder/3?vis=alt')).toBe(true);
    const response = await app.inject({ url: '/api/auth/oidc/start?returnTo=//evil.example' });
    expect(response.statusCode).toBe(400);
  });
});

describe('single sign-on without a role claim', () => {
  it('leaves roles to the administrator', async () => {
    const app = await buildAuthTestApp(archive, configFor(null));
    try {
      provider.accounts.tove = { name: 'Tove Thomsen', roles: ['referat-admin'] };
      const first = await callback(app, await startAndSignIn(app, 'tove'));
      expect(first.statusCode).toBe(302);
      const tove = (await getUsers(archive, localAdministrator())).find(
        (user) => user.name === 'Tove Thomsen',
      );
      expect(tove).toMatchObject({ isAdministrator: false, forumRoles: [] });
      await changeUser(archive, localAdministrator(), tove?.id ?? 0, {
        forumRoles: [{ forumId, role: 'member' }],
      });
      const again = await callback(app, await startAndSignIn(app, 'tove'));
      const probe = await app.inject({
        url: actorProbePath,
        headers: withSession(sessionCookieOf(again)?.value ?? ''),
      });
      expect(probe.json().actor).toMatchObject({
        isAdministrator: false,
        forumRoles: { [forumId]: 'member' },
      });
    } finally {
      await app.close();
    }
  });

  it('is 404 when not configured', async () => {
    const app = await buildAuthTestApp(archive);
    try {
      const response = await app.inject({ url: '/api/auth/oidc/start' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ error: 'Single sign-on er ikke sat op.' });
    } finally {
      await app.close();
    }
  });
});
