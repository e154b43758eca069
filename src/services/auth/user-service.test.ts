import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInReader } from '../../../test/support/actors.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { anonymousAt, localAdministrator, type UserActor } from '../../core/actor.ts';
import { listAuditEntries } from '../../store/audit-store.ts';
import type { Archive } from '../archive.ts';
import { addTestForum, addTestUser, openTestArchive, testClient } from './auth-test-support.ts';
import { resolveSession, signInWithPassword } from './session-service.ts';
import {
  addUser,
  changeUser,
  findForumIdByReference,
  findUserIdByUsername,
  getUsers,
  loadUserActor,
} from './user-service.ts';

const administrator = localAdministrator('Testadministrator');

describe.each(testDatabases())('user administration on %s', (_name, open) => {
  let archive: Archive;
  let chefforum: number;
  let direktionen: number;

  beforeAll(async () => {
    archive = await openTestArchive(open);
    chefforum = await addTestForum(archive, 'Chefforum', 'CF');
    direktionen = await addTestForum(archive, 'Direktionen', null);
  });
  afterAll(async () => {
    await archive.close();
  });

  const lastAuditLine = async () => (await listAuditEntries(archive.database.db, { limit: 1 }))[0];

  it('adds a user with a generated password that must be changed, and audits it', async () => {
    const { user, initialPassword } = await addUser(archive, administrator, {
      username: 'Anne.Hansen',
      name: ' Anne Hansen ',
      email: 'ahj@albertslund.dk',
      forumRoles: [{ forumId: chefforum, role: 'member' }],
    });
    expect(initialPassword).toMatch(/^[a-zA-Z2-9]{20}$/u);
    expect(user).toMatchObject({
      username: 'anne.hansen',
      name: 'Anne Hansen',
      email: 'ahj@albertslund.dk',
      isAdministrator: false,
      isDisabled: false,
      mustChangePassword: true,
      hasPassword: true,
      hasSingleSignOn: false,
      forumRoles: [{ forumId: chefforum, forumName: 'Chefforum', role: 'member' }],
      lastSignInAt: null,
    });
    expect(await lastAuditLine()).toMatchObject({
      action: 'user.add',
      outcome: 'ok',
      actorName: 'Testadministrator',
      targetType: 'user',
      targetId: String(user.id),
    });
    const session = await signInWithPassword(
      archive,
      { username: 'anne.hansen', password: initialPassword ?? '' },
      testClient,
    );
    expect((await resolveSession(archive, session.token, testClient))?.mustChangePassword).toBe(
      true,
    );
  });

  it('refuses a taken username, a bad one, a bad e-mail and an unknown forum', async () => {
    await addTestUser(archive, { username: 'optaget' });
    await expect(addTestUser(archive, { username: 'OPTAGET' })).rejects.toThrow(
      'Brugernavnet "optaget" er optaget.',
    );
    await expect(addTestUser(archive, { username: 'to ord' })).rejects.toThrow('2-100 tegn');
    await expect(
      addTestUser(archive, { username: 'mail1', email: 'ikke-en-adresse' }),
    ).rejects.toThrow('ikke en gyldig e-mailadresse');
    await expect(
      addTestUser(archive, { username: 'rolle1', forumRoles: [{ forumId: 9999, role: 'member' }] }),
    ).rejects.toThrow('Forummet med id 9999 findes ikke.');
  });

  it('lets only administrators manage users; refusals are audited', async () => {
    await expect(getUsers(archive, anonymousAt('192.0.2.99'))).rejects.toMatchObject({
      status: 401,
    });
    await expect(
      addUser(archive, signedInReader, { username: 'ulovlig', name: 'Ulovlig' }),
    ).rejects.toMatchObject({ status: 403, message: 'Kun en administrator kan det.' });
    expect(await lastAuditLine()).toMatchObject({
      action: 'users.manage',
      outcome: 'refused',
      actorName: signedInReader.name,
    });
    expect(
      (await getUsers(archive, administrator)).some((user) => user.username === 'ulovlig'),
    ).toBe(false);
  });

  it('changes name, e-mail and roles, replacing or one forum at a time', async () => {
    const { user } = await addTestUser(archive, { username: 'roller' });
    const replaced = await changeUser(archive, administrator, user.id, {
      name: 'Rolf Roller',
      email: null,
      forumRoles: [
        { forumId: chefforum, role: 'secretary' },
        { forumId: direktionen, role: 'member' },
      ],
    });
    expect(replaced.initialPassword).toBeNull();
    expect(replaced.user.name).toBe('Rolf Roller');
    expect(replaced.user.forumRoles.map((role) => `${role.forumName}:${role.role}`)).toEqual([
      'Chefforum:secretary',
      'Direktionen:member',
    ]);
    const merged = await changeUser(archive, administrator, user.id, {
      forumRoleChanges: [
        { forumId: chefforum, role: null },
        { forumId: direktionen, role: 'secretary' },
      ],
    });
    expect(merged.user.forumRoles.map((role) => `${role.forumName}:${role.role}`)).toEqual([
      'Direktionen:secretary',
    ]);
    expect(await loadUserActor(archive.database.db, user.id, null)).toMatchObject({
      userId: user.id,
      name: 'Rolf Roller',
      forumRoles: { [direktionen]: 'secretary' },
    });
    expect(await lastAuditLine()).toMatchObject({ action: 'user.update', outcome: 'ok' });
  });

  it('resets a password (sessions end, the new one must be changed) and disables', async () => {
    const { user } = await addTestUser(archive, { username: 'nulstil' });
    const session = await signInWithPassword(
      archive,
      { username: 'nulstil', password: 'korrekt-hest-batteri' },
      testClient,
    );
    const reset = await changeUser(archive, administrator, user.id, { resetPassword: true });
    expect(reset.initialPassword).toMatch(/^[a-zA-Z2-9]{20}$/u);
    expect(reset.user.mustChangePassword).toBe(true);
    expect(await resolveSession(archive, session.token, testClient)).toBeNull();
    const disabled = await changeUser(archive, administrator, user.id, { isDisabled: true });
    expect(disabled.user.isDisabled).toBe(true);
    expect(await loadUserActor(archive.database.db, user.id, null)).toBeNull();
  });

  it('keeps an active administrator, and administrators from locking themselves out', async () => {
    const { user } = await addTestUser(archive, { username: 'chefadmin', isAdministrator: true });
    const self: UserActor = { ...administrator, userId: user.id };
    await expect(changeUser(archive, self, user.id, { isAdministrator: false })).rejects.toThrow(
      'Du kan ikke fjerne din egen administratorrolle.',
    );
    await expect(changeUser(archive, self, user.id, { isDisabled: true })).rejects.toThrow(
      'Du kan ikke spærre dig selv.',
    );
    const admins = (await getUsers(archive, administrator)).filter(
      (candidate) => candidate.isAdministrator && !candidate.isDisabled,
    );
    for (const other of admins.filter((candidate) => candidate.id !== user.id))
      await changeUser(archive, administrator, other.id, { isAdministrator: false });
    await expect(
      changeUser(archive, administrator, user.id, { isDisabled: true }),
    ).rejects.toMatchObject({
      status: 409,
      message: 'Der skal være mindst én aktiv administrator.',
    });
    expect((await loadUserActor(archive.database.db, user.id, null))?.isAdministrator).toBe(true);
  });

  it('finds users by username and forums by id, name or abbreviation', async () => {
    const { user } = await addTestUser(archive, { username: 'findes' });
    expect(await findUserIdByUsername(archive, administrator, 'FINDES')).toBe(user.id);
    await expect(findUserIdByUsername(archive, administrator, 'findes-ikke')).rejects.toThrow(
      'Brugeren "findes-ikke" findes ikke.',
    );
    expect(await findForumIdByReference(archive, 'cf')).toBe(chefforum);
    expect(await findForumIdByReference(archive, 'direktionen')).toBe(direktionen);
    expect(await findForumIdByReference(archive, String(chefforum))).toBe(chefforum);
    await expect(findForumIdByReference(archive, 'Byrådet')).rejects.toThrow(
      'Forummet "Byrådet" findes ikke.',
    );
  });
});
