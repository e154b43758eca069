import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../services/archive.ts';
import { addTestForum, addTestUser } from '../../services/auth/auth-test-support.ts';
import {
  closeAuthTestApp,
  openAuthTestApp,
  postSignIn,
  sessionCookieOf,
  withSession,
} from './auth-test-app.ts';

let archive: Archive;
let app: FastifyInstance;
let forumId: number;
let administrator: { cookie: string };
let reader: { cookie: string };

async function signIn(username: string): Promise<{ cookie: string }> {
  const response = await postSignIn(app, username);
  return withSession(sessionCookieOf(response)?.value ?? '');
}

beforeAll(async () => {
  ({ archive, app } = await openAuthTestApp());
  forumId = await addTestForum(archive);
  await addTestUser(archive, { username: 'chef', name: 'Chef Admin', isAdministrator: true });
  await addTestUser(archive, { username: 'laeser', name: 'Lis Læser' });
  administrator = await signIn('chef');
  reader = await signIn('laeser');
});
afterAll(() => closeAuthTestApp({ archive, app }));

describe('user administration over HTTP', () => {
  it('creates a user with a password shown once', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: administrator,
      payload: {
        username: 'bent',
        name: 'Bent Blom',
        email: 'bb@albertslund.dk',
        forumRoles: [{ forumId, role: 'secretary' }],
      },
    });
    expect(response.statusCode).toBe(201);
    const { user, initialPassword } = response.json();
    expect(initialPassword).toMatch(/^[a-zA-Z2-9]{20}$/u);
    expect(user).toEqual({
      id: expect.any(Number),
      username: 'bent',
      name: 'Bent Blom',
      email: 'bb@albertslund.dk',
      isAdministrator: false,
      isDisabled: false,
      mustChangePassword: true,
      hasPassword: true,
      hasSingleSignOn: false,
      forumRoles: [{ forumId, forumName: 'Chefforum', role: 'secretary' }],
      lastSignInAt: null,
    });
  });

  it('lists users with their roles and last sign-in, never a password hash', async () => {
    const response = await app.inject({ url: '/api/users', headers: administrator });
    expect(response.statusCode).toBe(200);
    const users = response.json();
    expect(users.map((user: { username: string }) => user.username)).toContain('chef');
    const chef = users.find((user: { username: string }) => user.username === 'chef');
    expect(chef.lastSignInAt).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
    expect(JSON.stringify(users)).not.toContain('argon2');
  });

  it('changes a user, resets the password and disables', async () => {
    const { user } = await addTestUser(archive, { username: 'aendres' });
    const patch = (payload: Record<string, unknown>) =>
      app.inject({
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        headers: administrator,
        payload,
      });
    const changed = await patch({ name: 'Ændret Navn', isAdministrator: true, forumRoles: [] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      user: { name: 'Ændret Navn', isAdministrator: true },
      initialPassword: null,
    });
    const reset = await patch({ resetPassword: true, isDisabled: true });
    expect(reset.json().initialPassword).toMatch(/^[a-zA-Z2-9]{20}$/u);
    expect(reset.json().user).toMatchObject({ isDisabled: true, mustChangePassword: true });
    expect((await patch({ resetPassword: false })).statusCode).toBe(400);
    const missing = await app.inject({
      method: 'PATCH',
      url: '/api/users/99999',
      headers: administrator,
      payload: { name: 'Ingen' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'Brugeren findes ikke.' });
  });

  it('refuses visitors (401) and users who are not administrators (403)', async () => {
    const anonymous = await app.inject({ url: '/api/users' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ error: 'Log ind først.' });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: reader,
      payload: { username: 'snig', name: 'Snig' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: 'Kun en administrator kan det.' });
  });

  it('answers a taken username with 409 and a bad body with 400', async () => {
    const taken = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: administrator,
      payload: { username: 'chef', name: 'Endnu en chef' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toEqual({ error: 'Brugernavnet "chef" er optaget.' });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: administrator,
      payload: { username: 'x', name: '', password: 'må ikke sendes' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the audit log over HTTP', () => {
  it('shows administrators sign-ins, failures, sign-outs and user changes', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'laeser', password: 'forkert-kodeord' },
    });
    const extra = await signIn('laeser');
    await app.inject({ method: 'DELETE', url: '/api/session', headers: extra });
    const response = await app.inject({ url: '/api/audit?limit=100', headers: administrator });
    expect(response.statusCode).toBe(200);
    const lines = response.json() as Array<Record<string, unknown>>;
    const seen = new Set(lines.map((line) => `${line.action} ${line.outcome}`));
    for (const expected of [
      'sign_in ok',
      'sign_in failed',
      'sign_out ok',
      'user.add ok',
      'user.update ok',
      'users.manage refused',
    ])
      expect(seen).toContain(expected);
    expect(Object.keys(lines[0] ?? {}).sort()).toEqual(
      [
        'action',
        'actorName',
        'address',
        'createdAt',
        'detail',
        'id',
        'outcome',
        'targetId',
        'targetType',
      ].sort(),
    );
  });

  it('pages, filters by time and refuses others', async () => {
    const page = await app.inject({ url: '/api/audit?limit=2&offset=1', headers: administrator });
    expect(page.json()).toHaveLength(2);
    const future = await app.inject({ url: '/api/audit?since=2999-01-01', headers: administrator });
    expect(future.json()).toEqual([]);
    const bad = await app.inject({ url: '/api/audit?since=i-går', headers: administrator });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ url: '/api/audit', headers: reader })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/audit' })).statusCode).toBe(401);
  });
});
