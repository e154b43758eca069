import { describe, expect, it } from 'vitest';
import { readClaimedRoles } from './oidc-roles.ts';

const forums = [
  { id: 1, name: 'Chefforum', abbreviation: 'CF' },
  { id: 2, name: 'Direktionen', abbreviation: null },
];

describe('roles from the identity provider', () => {
  it('reads the administrator role and forum roles by name, abbreviation or id', () => {
    const claims = { roles: ['referat-admin', 'chefforum:member', 'CF:secretary', '2:member'] };
    expect(readClaimedRoles(claims, 'roles', forums)).toEqual({
      isAdministrator: true,
      forumRoles: [
        { forumId: 1, role: 'secretary' },
        { forumId: 2, role: 'member' },
      ],
      unknownValues: [],
    });
  });

  it('reads a separated string and a nested claim, and sets unknown values aside', () => {
    expect(
      readClaimedRoles({ roles: 'Direktionen:member, Byrådet:member' }, 'roles', forums),
    ).toEqual({
      isAdministrator: false,
      forumRoles: [{ forumId: 2, role: 'member' }],
      unknownValues: ['Byrådet:member'],
    });
    const keycloak = { realm_access: { roles: ['offline_access', 'Chefforum:chef'] } };
    expect(readClaimedRoles(keycloak, 'realm_access.roles', forums)).toEqual({
      isAdministrator: false,
      forumRoles: [],
      unknownValues: ['offline_access', 'Chefforum:chef'],
    });
  });

  it('gives no roles when the claim is missing or not a list', () => {
    expect(readClaimedRoles({}, 'roles', forums).forumRoles).toEqual([]);
    expect(readClaimedRoles({ roles: 7 }, 'roles', forums).isAdministrator).toBe(false);
  });
});
