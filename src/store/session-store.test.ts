import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test/support/databases.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import {
  deleteExpiredSessions,
  deleteSessionsOfUser,
  deleteSignInStatesBefore,
  findSession,
  insertSession,
  insertSignInState,
  takeSignInState,
} from './session-store.ts';
import { insertUser } from './user-store.ts';

describe.each(testDatabases())('the session store on %s', (_name, open) => {
  let archive: Archive;
  let userId: number;

  beforeAll(async () => {
    archive = await openArchiveOn(await open());
    userId = await insertUser(archive.database.db, {
      username: 'sessionsbruger',
      name: 'Sessionsbruger',
      email: null,
      passwordHash: null,
      isAdministrator: false,
      mustChangePassword: false,
    });
  });
  afterAll(async () => {
    await archive.close();
  });

  const session = (id: string, expiresAt: string) => ({
    id,
    userId,
    csrfToken: `csrf-${id}`,
    createdAt: '2026-12-01T08:00:00.000Z',
    lastSeenAt: '2026-12-01T08:00:00.000Z',
    expiresAt,
    address: '192.0.2.1',
    userAgent: null,
  });

  it('keeps sessions by id, removes expired ones and all of a user', async () => {
    const db = archive.database.db;
    await insertSession(db, session('a', '2026-12-01T16:00:00.000Z'));
    await insertSession(db, session('b', '2026-12-02T16:00:00.000Z'));
    expect(await findSession(db, 'a')).toEqual(session('a', '2026-12-01T16:00:00.000Z'));
    await deleteExpiredSessions(db, '2026-12-01T17:00:00.000Z');
    expect(await findSession(db, 'a')).toBeNull();
    expect(await deleteSessionsOfUser(db, userId)).toBe(1);
    expect(await findSession(db, 'b')).toBeNull();
  });

  it('hands a sign-on state out once, and forgets old ones', async () => {
    const db = archive.database.db;
    const state = {
      state: 'tilstand',
      codeVerifier: 'verifier',
      nonce: 'nonce',
      returnTo: '/moeder',
      createdAt: '2026-12-01T08:00:00.000Z',
    };
    await insertSignInState(db, state);
    expect(await takeSignInState(db, 'tilstand')).toEqual(state);
    expect(await takeSignInState(db, 'tilstand')).toBeNull();
    await insertSignInState(db, { ...state, state: 'gammel' });
    await deleteSignInStatesBefore(db, '2026-12-01T09:00:00.000Z');
    expect(await takeSignInState(db, 'gammel')).toBeNull();
  });
});
