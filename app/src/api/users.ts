import { requestJson } from './client.ts';
import type { NewUser, UserChanges, UserResult } from './types.ts';

export type { NewUser, UserChanges };

/** The path of all accounts (administrators only), for loading with useApiData. */
export const usersPath = '/api/users';

/** Creates an account; the answer carries its generated password. */
export function createUser(body: NewUser): Promise<UserResult> {
  return requestJson(usersPath, { method: 'POST', body });
}

/** Changes an account; with resetPassword the answer carries the new password. */
export function updateUser(userId: number, body: UserChanges): Promise<UserResult> {
  return requestJson(`${usersPath}/${userId}`, { method: 'PATCH', body });
}
