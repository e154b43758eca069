import { forumRoleLabels } from '../../../../src/core/actor.ts';
import type {
  ForumRole,
  ForumRoleAssignment,
  ForumRoleView,
  UserAccount,
} from '../../api/types.ts';

/** A user's role in one forum as the form chooses it: none, member or secretary. */
export type RoleChoice = ForumRole | '';

/** The form's roles: the chosen role per forum id. */
export type RoleChoices = Readonly<Record<number, RoleChoice>>;

/** The choices of the role select, in Danish: Ingen, Medlem, Sekretær. */
export const roleOptions: ReadonlyArray<{ value: RoleChoice; label: string }> = [
  { value: '', label: 'Ingen' },
  { value: 'member', label: forumRoleLabels.member },
  { value: 'secretary', label: forumRoleLabels.secretary },
];

/** The form's roles from what the account has. */
export function roleChoicesOf(roles: readonly ForumRoleView[]): RoleChoices {
  return Object.fromEntries(roles.map((role) => [role.forumId, role.role]));
}

/** The roles to send: one per forum with a role, by forum id; "Ingen" sends nothing. */
export function roleAssignmentsOf(choices: RoleChoices): ForumRoleAssignment[] {
  return Object.entries(choices)
    .filter((entry): entry is [string, ForumRole] => entry[1] !== '')
    .map(([forumId, role]) => ({ forumId: Number(forumId), role }))
    .sort((one, other) => one.forumId - other.forumId);
}

/** "Administrator", "Chefforum: Sekretær", …: an account's roles as short Danish lines. */
export function describeRoles(user: Pick<UserAccount, 'isAdministrator' | 'forumRoles'>): string[] {
  const lines = user.forumRoles
    .map((role) => `${role.forumName}: ${forumRoleLabels[role.role]}`)
    .sort((one, other) => one.localeCompare(other, 'da'));
  return user.isAdministrator ? ['Administrator', ...lines] : lines;
}

/** "Aktiv" or "Spærret", and whether the account must change its password at sign-in. */
export function describeStatus(
  user: Pick<UserAccount, 'isDisabled' | 'mustChangePassword'>,
): string {
  const state = user.isDisabled ? 'Spærret' : 'Aktiv';
  return user.mustChangePassword ? `${state}, skal skifte adgangskode` : state;
}
