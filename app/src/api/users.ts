import { requestJson } from './client.ts';
import type { ForumRoleAssignment, UserResult } from './types.ts';

/** The path of all accounts (administrators only), for loading with useApiData. */
export const usersPath = '/api/users';

/** A new account; the server generates its first password, which is shown once. */
export interface NewUser {
  username: string;
  name: string;
  email?: string | null;
  isAdministrator?: boolean;
  forumRoles?: ForumRoleAssignment[];
}

/** Changes to an account; what is left out stays as it is. */
export interface UserChanges {
  name?: string;
  email?: string | null;
  isAdministrator?: boolean;
  isDisabled?: boolean;
  /** All of the account's forum roles (replaces those it has). */
  forumRoles?: ForumRoleAssignment[];
  /** Gives a new generated password that must be changed at the next sign-in. */
  resetPassword?: true;
}

/** Creates an account; the answer carries its generated password. */
export function createUser(body: NewUser): Promise<UserResult> {
  return requestJson(usersPath, { method: 'POST', body });
}

/** Changes an account; with resetPassword the answer carries the new password. */
export function updateUser(userId: number, body: UserChanges): Promise<UserResult> {
  return requestJson(`${usersPath}/${userId}`, { method: 'PATCH', body });
}
