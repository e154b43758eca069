import type { ForumRole } from '../../core/actor.ts';
import type { ForumKey } from '../../store/user-store.ts';

/** The role value that makes a user an administrator. */
export const administratorRoleValue = 'referat-admin';

/** What the identity provider's role claim says about a user. */
export interface ClaimedRoles {
  isAdministrator: boolean;
  forumRoles: Array<{ forumId: number; role: ForumRole }>;
  /** Values that name no role or no forum here (noted in the audit log, otherwise ignored). */
  unknownValues: string[];
}

/**
 * Reads the role claim: `referat-admin` makes an administrator, `<forum>:secretary` and
 * `<forum>:member` give a role in a forum named by its name, abbreviation or id (any case).
 * The claim may be a list or a space- or comma-separated string, and may sit inside an object
 * (`realm_access.roles`, as Keycloak sends it). Secretary wins when both are given.
 */
export function readClaimedRoles(
  claims: Record<string, unknown>,
  roleClaim: string,
  forums: readonly ForumKey[],
): ClaimedRoles {
  const result: ClaimedRoles = { isAdministrator: false, forumRoles: [], unknownValues: [] };
  const roles = new Map<number, ForumRole>();
  for (const value of readClaimValues(claims, roleClaim)) {
    if (value === administratorRoleValue) {
      result.isAdministrator = true;
      continue;
    }
    const forumRole = readForumRole(value, forums);
    if (!forumRole) {
      result.unknownValues.push(value);
      continue;
    }
    if (roles.get(forumRole.forumId) !== 'secretary') roles.set(forumRole.forumId, forumRole.role);
  }
  result.forumRoles = [...roles].map(([forumId, role]) => ({ forumId, role }));
  return result;
}

function readClaimValues(claims: Record<string, unknown>, roleClaim: string): string[] {
  let value: unknown = claims[roleClaim];
  if (value === undefined && roleClaim.includes('.')) {
    value = claims;
    for (const part of roleClaim.split('.')) value = isRecord(value) ? value[part] : undefined;
  }
  if (typeof value === 'string') value = value.split(/[\s,]+/u);
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is string => typeof entry === 'string')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

function readForumRole(
  value: string,
  forums: readonly ForumKey[],
): { forumId: number; role: ForumRole } | null {
  const separator = value.lastIndexOf(':');
  if (separator <= 0) return null;
  const role = value
    .slice(separator + 1)
    .trim()
    .toLowerCase();
  if (role !== 'secretary' && role !== 'member') return null;
  const reference = value.slice(0, separator).trim().toLowerCase();
  const forum = forums.find(
    (candidate) =>
      String(candidate.id) === reference ||
      candidate.name.toLowerCase() === reference ||
      candidate.abbreviation?.toLowerCase() === reference,
  );
  return forum ? { forumId: forum.id, role } : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
