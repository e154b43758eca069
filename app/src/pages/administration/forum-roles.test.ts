import { expect, test } from 'vitest';
import {
  describeRoles,
  describeStatus,
  roleAssignmentsOf,
  roleChoicesOf,
  roleOptions,
} from './forum-roles.ts';

test('the role choices are Ingen, Medlem and Sekretær', () => {
  expect(roleOptions.map((option) => option.label)).toEqual(['Ingen', 'Medlem', 'Sekretær']);
});

test('roles go from the account to the form and back, "Ingen" sending nothing', () => {
  const choices = roleChoicesOf([
    { forumId: 4, forumName: 'Direktionen', role: 'member' },
    { forumId: 1, forumName: 'Chefforum', role: 'secretary' },
  ]);
  expect(choices).toEqual({ 1: 'secretary', 4: 'member' });
  expect(roleAssignmentsOf({ ...choices, 4: '', 9: 'member' })).toEqual([
    { forumId: 1, role: 'secretary' },
    { forumId: 9, role: 'member' },
  ]);
});

test('an account is described in Danish', () => {
  expect(
    describeRoles({
      isAdministrator: true,
      forumRoles: [
        { forumId: 2, forumName: 'Økonomiudvalget', role: 'member' },
        { forumId: 1, forumName: 'Chefforum', role: 'secretary' },
      ],
    }),
  ).toEqual(['Administrator', 'Chefforum: Sekretær', 'Økonomiudvalget: Medlem']);
  expect(describeStatus({ isDisabled: false, mustChangePassword: true })).toBe(
    'Aktiv, skal skifte adgangskode',
  );
  expect(describeStatus({ isDisabled: true, mustChangePassword: false })).toBe('Spærret');
});
