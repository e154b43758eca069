import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { localAdministrator } from '../../core/actor.ts';
import { countUsers } from '../../store/user-store.ts';
import { isUniqueViolation } from '../../store/write-conflicts.ts';
import type { Archive } from '../archive-types.ts';
import { ServiceError } from '../service-error.ts';
import { addUser } from './user-service.ts';

/** The first administrator's username. */
export const initialAdministratorUsername = 'admin';

/** The file in the data folder that holds the first administrator's password. */
export const initialPasswordFileName = 'initial-admin-password';

/** The first administrator, made at the first start: print the password once. */
export interface InitialAdministrator {
  username: string;
  password: string;
  /** Where the password was also written (readable by the owner only). */
  file: string;
}

/**
 * On a database without users, creates the administrator `admin` with a random 20-character
 * password that must be changed at the first sign-in, and writes the password to
 * `<data folder>/initial-admin-password` (mode 600), so that whoever runs the server, and only
 * they, can sign in. Returns null when there are users already: it happens once. Two servers
 * starting at once on one PostgreSQL make one administrator; the other gets null.
 */
export async function createInitialAdministrator(
  archive: Archive,
  dataDirectory: string,
): Promise<InitialAdministrator | null> {
  if ((await countUsers(archive.database.db)) > 0) return null;
  const created = await addUser(archive, localAdministrator('Referat (første start)'), {
    username: initialAdministratorUsername,
    name: 'Administrator',
    isAdministrator: true,
  }).catch((error: unknown) => {
    if (error instanceof ServiceError && error.status === 409) return null;
    if (isUniqueViolation(error)) return null;
    throw error;
  });
  if (!created?.initialPassword) return null;
  const file = await writePasswordFile(dataDirectory, created.initialPassword);
  return { username: created.user.username, password: created.initialPassword, file };
}

async function writePasswordFile(dataDirectory: string, password: string): Promise<string> {
  const directory = resolve(dataDirectory);
  await mkdir(directory, { recursive: true });
  const file = join(directory, initialPasswordFileName);
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  // The mode applies only to a new file; one left from an earlier database keeps its own.
  await chmod(file, 0o600);
  return file;
}
