import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/databases.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { insertForum } from './forum-store.ts';
import {
  countActiveAdministrators,
  countUsers,
  findUserById,
  findUserBySubject,
  findUserByUsername,
  insertUser,
  listForumRoles,
  replaceForumRoles,
  updateUser,
} from './user-store.ts';

describe.each(testDatabases())('the user store on %s', (_name, open) => {
  let archive: Archive;

  beforeAll(async () => {
    archive = await openArchiveOn(await open());
  });
  afterAll(async () => {
    await archive.close();
  });

  it('stores accounts with flags as booleans, by username and by sign-on identity', async () => {
    const db = archive.database.db;
    expect(await countUsers(db)).toBe(0);
    const id = await insertUser(db, {
      username: 'kkr',
      name: 'Kirsten Krog',
      email: 'kkr@albertslund.dk',
      passwordHash: null,
      isAdministrator: true,
      mustChangePassword: false,
      oidcIssuer: 'https://login.example.dk',
      oidcSubject: 'abc-123',
    });
    expect(await findUserByUsername(db, 'kkr')).toMatchObject({
      id,
      name: 'Kirsten Krog',
      isAdministrator: true,
      isDisabled: false,
      lastSignInAt: null,
    });
    expect((await findUserBySubject(db, 'https://login.example.dk', 'abc-123'))?.id).toBe(id);
    expect(await countActiveAdministrators(db)).toBe(1);
    await updateUser(db, id, { isDisabled: true, email: null });
    expect(await findUserById(db, id)).toMatchObject({ isDisabled: true, email: null });
    expect(await countActiveAdministrators(db)).toBe(0);
    expect(await countUsers(db)).toBe(1);
  });

  it('replaces forum roles and reads them with the forum names', async () => {
    const db = archive.database.db;
    const forumId = await insertForum(db, { name: 'Chefforum', abbreviation: 'CF' });
    const userId = await insertUser(db, {
      username: 'roller',
      name: 'Roller',
      email: null,
      passwordHash: 'hash',
      isAdministrator: false,
      mustChangePassword: true,
    });
    await replaceForumRoles(db, userId, [{ forumId, role: 'secretary' }]);
    expect(await listForumRoles(db, [userId])).toEqual([
      { userId, forumId, forumName: 'Chefforum', role: 'secretary' },
    ]);
    await replaceForumRoles(db, userId, []);
    expect(await listForumRoles(db, [userId])).toEqual([]);
    expect(await listForumRoles(db, [])).toEqual([]);
  });
});
