import {
  type Actor,
  anonymousActor,
  type ForumRole,
  localAdministrator,
  type UserActor,
} from '../../src/core/actor.ts';

/** The actors tests act as: the same shapes the server and the CLI build. */
export const testAdministrator: UserActor = localAdministrator('Testadministrator');

/** Anyone, not signed in. */
export const anonymousReader: Actor = anonymousActor;

/** A signed-in user with one role in one forum. */
export function userWithRole(forumId: number, role: ForumRole, name = `Test ${role}`): UserActor {
  return {
    kind: 'user',
    userId: null,
    name,
    isAdministrator: false,
    forumRoles: { [forumId]: role },
    address: null,
  };
}

/** A signed-in user without any role. */
export const signedInReader: UserActor = {
  kind: 'user',
  userId: null,
  name: 'Læser uden roller',
  isAdministrator: false,
  forumRoles: {},
  address: null,
};
