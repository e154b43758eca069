import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import { localAdministrator } from '../../core/actor.ts';
import { listAuditEntries } from '../../store/audit-store.ts';
import { findSession } from '../../store/session-store.ts';
import type { Archive } from '../archive.ts';
import { ServiceError } from '../service-error.ts';
import {
  addTestForum,
  addTestUser,
  openTestArchive,
  testClient,
  testPassword,
} from './auth-test-support.ts';
import { changeOwnPassword } from './password-change.ts';
import {
  hashSessionToken,
  nextExpiry,
  resolveSession,
  sessionAbsoluteLifetimeMs,
  sessionIdleTimeoutMs,
  signInFailedMessage,
  signInWithPassword,
  signOut,
} from './session-service.ts';
import { changeUser } from './user-service.ts';

const hour = 60 * 60 * 1000;

describe.each(testDatabases())('sessions on %s', (_name, open) => {
  let archive: Archive;
  let forumId: number;
  let userId: number;
  let username: string;
  let userCount = 0;

  beforeAll(async () => {
    archive = await openTestArchive(open);
    forumId = await addTestForum(archive);
  });
  afterAll(async () => {
    await archive.close();
  });
  // One archive for the file (PGlite starts slowly); each test signs in as a user of its own.
  beforeEach(async () => {
    userCount++;
    username = `rikke${userCount}`;
    const added = await addTestUser(archive, {
      username,
      name: 'Rikke Blom',
      forumRoles: [{ forumId, role: 'secretary' }],
    });
    userId = added.user.id;
  });

  const signIn = (name = username, password = testPassword) =>
    signInWithPassword(archive, { username: name, password }, testClient);
  const auditLinesOf = async (action: string) =>
    (await listAuditEntries(archive.database.db, { limit: 20 })).filter(
      (line) => line.action === action,
    );

  it('signs in with username (any case) and password, and resolves the cookie to the user', async () => {
    const started = await signIn(` ${username.toUpperCase()} `);
    expect(started.token).toMatch(/^[\w-]{43}$/u);
    const stored = await findSession(archive.database.db, hashSessionToken(started.token));
    expect(stored?.id).toMatch(/^[0-9a-f]{64}$/u);
    expect(stored?.id).not.toContain(started.token);
    const session = await resolveSession(archive, started.token, testClient);
    expect(session?.csrfToken).toBe(started.csrfToken);
    expect(session?.mustChangePassword).toBe(false);
    expect(session?.actor).toEqual({
      kind: 'user',
      userId,
      name: 'Rikke Blom',
      isAdministrator: false,
      forumRoles: { [forumId]: 'secretary' },
      address: testClient.address,
    });
  });

  it('gives a wrong password and an unknown user the same answer in similar time', async () => {
    const failure = async (username: string) => {
      const started = performance.now();
      const error = await signIn(username, 'forkert-kodeord').catch((caught: unknown) => caught);
      return { error, milliseconds: performance.now() - started };
    };
    await failure('ukendt'); // warms the dummy hash
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 5; round++) {
      const a = await failure(username);
      const b = await failure('ingen-saadan');
      expect(a.error).toBeInstanceOf(ServiceError);
      expect(b.error).toEqual(a.error);
      expect((a.error as ServiceError).status).toBe(401);
      expect((a.error as ServiceError).message).toBe(signInFailedMessage);
      wrong.push(a.milliseconds);
      unknown.push(b.milliseconds);
    }
    const median = (values: number[]) => values.sort((x, y) => x - y)[2] ?? 0;
    const ratio = median(wrong) / median(unknown);
    // Both spend one argon2 verification; the margin is for a busy test machine.
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  it('audits sign-ins that worked and those that failed', async () => {
    await signIn();
    await signIn(username, 'forkert-kodeord').catch(() => null);
    await signIn('ingen', 'forkert-kodeord').catch(() => null);
    const lines = (await auditLinesOf('sign_in')).slice(0, 3);
    expect(lines.map((line) => [line.outcome, line.actorName, line.detail])).toEqual([
      ['failed', 'ingen', 'ukendt brugernavn'],
      ['failed', 'Rikke Blom', 'forkert adgangskode'],
      ['ok', 'Rikke Blom', 'adgangskode'],
    ]);
    expect(lines[0]?.address).toBe(testClient.address);
  });

  it('refuses a disabled user like a wrong password, and ends their sessions', async () => {
    const started = await signIn();
    await changeUser(archive, localAdministrator(), userId, { isDisabled: true });
    expect(await resolveSession(archive, started.token, testClient)).toBeNull();
    await expect(signIn()).rejects.toThrow(signInFailedMessage);
  });

  it('ends a session after 8 idle hours, and deletes it', async () => {
    const started = await signIn();
    const later = new Date(Date.now() + sessionIdleTimeoutMs + 1000);
    expect(await resolveSession(archive, started.token, testClient, later)).toBeNull();
    expect(await findSession(archive.database.db, hashSessionToken(started.token))).toBeNull();
  });

  it('moves the idle expiry on at most once a minute, never past 7 days', async () => {
    const started = await signIn();
    const id = hashSessionToken(started.token);
    const before = await findSession(archive.database.db, id);
    await resolveSession(archive, started.token, testClient, new Date(Date.now() + 30_000));
    expect(await findSession(archive.database.db, id)).toEqual(before);
    const twoHoursOn = new Date(Date.now() + 2 * hour);
    await resolveSession(archive, started.token, testClient, twoHoursOn);
    const touched = await findSession(archive.database.db, id);
    expect(touched?.lastSeenAt).toBe(twoHoursOn.toISOString());
    expect(Date.parse(touched?.expiresAt ?? '')).toBe(twoHoursOn.getTime() + sessionIdleTimeoutMs);
    const created = new Date('2026-12-01T08:00:00Z');
    const nearTheEnd = new Date(created.getTime() + sessionAbsoluteLifetimeMs - hour);
    expect(nextExpiry(created.toISOString(), nearTheEnd)).toBe(
      new Date(created.getTime() + sessionAbsoluteLifetimeMs).toISOString(),
    );
  });

  it('ignores tokens that are malformed or unknown', async () => {
    expect(await resolveSession(archive, 'kort', testClient)).toBeNull();
    expect(await resolveSession(archive, 'a'.repeat(43), testClient)).toBeNull();
  });

  it('signs out: the session is gone and the sign-out audited', async () => {
    const started = await signIn();
    const session = await resolveSession(archive, started.token, testClient);
    if (!session) throw new Error('ingen session');
    await signOut(archive, session);
    expect(await resolveSession(archive, started.token, testClient)).toBeNull();
    const [line] = await auditLinesOf('sign_out');
    expect(line).toMatchObject({ outcome: 'ok', actorUserId: userId, targetId: String(userId) });
  });

  it('changes the own password: every session ends, a new one starts', async () => {
    const first = await signIn();
    const second = await signIn();
    const session = await resolveSession(archive, first.token, testClient);
    if (!session) throw new Error('ingen session');
    const passwords = { currentPassword: testPassword, newPassword: 'et-helt-nyt-kodeord' };
    const renewed = await changeOwnPassword(archive, session, passwords, testClient);
    expect(await resolveSession(archive, first.token, testClient)).toBeNull();
    expect(await resolveSession(archive, second.token, testClient)).toBeNull();
    expect((await resolveSession(archive, renewed.token, testClient))?.userId).toBe(userId);
    await expect(signIn()).rejects.toThrow(signInFailedMessage);
    expect((await signIn(username, passwords.newPassword)).userId).toBe(userId);
    const [line] = await auditLinesOf('user.change_password');
    expect(line).toMatchObject({ outcome: 'ok', actorUserId: userId, targetId: String(userId) });
  });

  it('refuses a wrong current password (audited) and a short new one', async () => {
    const started = await signIn();
    const session = await resolveSession(archive, started.token, testClient);
    if (!session) throw new Error('ingen session');
    const change = (currentPassword: string, newPassword: string) =>
      changeOwnPassword(archive, session, { currentPassword, newPassword }, testClient);
    await expect(change('forkert-kodeord', 'et-helt-nyt-kodeord')).rejects.toThrow(
      'Den nuværende adgangskode er forkert.',
    );
    await expect(change(testPassword, 'kort')).rejects.toThrow('mindst 12 tegn');
    const [line] = await auditLinesOf('user.change_password');
    expect(line).toMatchObject({ outcome: 'refused', actorUserId: userId });
    expect(await resolveSession(archive, started.token, testClient)).not.toBeNull();
  });
});
