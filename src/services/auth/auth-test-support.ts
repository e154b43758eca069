import type { DatabaseFactory } from '../../../test/support/databases.ts';
import { localAdministrator } from '../../core/actor.ts';
import { insertForum } from '../../store/forum-store.ts';
import { type Archive, openArchiveOn } from '../archive.ts';
import { addUser, type NewUserInput, type UserResult } from './user-service.ts';

/** For the sign-in tests: the client every test request comes from. */
export const testClient = { address: '192.0.2.10', userAgent: 'vitest' } as const;

/** A good password for tests (12 characters or more). */
export const testPassword = 'korrekt-hest-batteri';

/** Opens a fresh archive on one of the test databases. */
export async function openTestArchive(open: DatabaseFactory): Promise<Archive> {
  return openArchiveOn(await open());
}

/** Adds a forum and returns its id. */
export function addTestForum(
  archive: Archive,
  name = 'Chefforum',
  abbreviation: string | null = 'CF',
): Promise<number> {
  return insertForum(archive.database.db, { name, abbreviation });
}

/** Adds an account as the command line would, with a known password unless one is given. */
export function addTestUser(
  archive: Archive,
  input: Partial<NewUserInput> & { username: string },
): Promise<UserResult> {
  return addUser(archive, localAdministrator('Testopsætning'), {
    name: input.username,
    password: testPassword,
    ...input,
  });
}
