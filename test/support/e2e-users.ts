import { type ForumRole, localAdministrator } from '../../src/core/actor.ts';
import type { Archive } from '../../src/services/archive.ts';
import { createInitialAdministrator } from '../../src/services/auth/initial-admin.ts';
import { addUser, findForumIdByReference } from '../../src/services/auth/user-service.ts';
import { makeScratchFolder } from './archive-io.ts';

/** The password of the accounts the browser tests make (long enough for the rules). */
export const browserTestPassword = 'korrekt-hest-batteri-staple';

/** An account to sign in with in a browser. */
export interface BrowserAccount {
  username: string;
  password: string;
  name: string;
}

/** What a browser test's account is: an administrator, or one role in one forum (by name). */
export interface BrowserAccountInput {
  username: string;
  name: string;
  isAdministrator?: boolean;
  forum?: { name: string; role: ForumRole };
}

/**
 * Creates an account through the user service, as the CLI does, with a known password that
 * need not be changed first; the forum is named as the CLI names it ("Chefforum").
 */
export async function addBrowserAccount(
  archive: Archive,
  input: BrowserAccountInput,
): Promise<BrowserAccount> {
  const forumRoles = input.forum
    ? [
        {
          forumId: await findForumIdByReference(archive, input.forum.name),
          role: input.forum.role,
        },
      ]
    : [];
  await addUser(archive, localAdministrator('Browsertest'), {
    username: input.username,
    name: input.name,
    isAdministrator: input.isAdministrator ?? false,
    forumRoles,
    password: browserTestPassword,
  });
  return { username: input.username, password: browserTestPassword, name: input.name };
}

/** The secretary of the demo data's Chefforum, who prepares and writes its meetings. */
export function addChefforumSecretary(archive: Archive): Promise<BrowserAccount> {
  return addBrowserAccount(archive, {
    username: 'sekretaer',
    name: 'Sanne Sekretær',
    forum: { name: 'Chefforum', role: 'secretary' },
  });
}

/**
 * The first administrator, `admin`, as the first start makes it: a random password that must
 * be changed at the first sign-in. Call it before any other account exists.
 */
export async function addFirstAdministrator(archive: Archive): Promise<BrowserAccount> {
  const created = await createInitialAdministrator(archive, makeScratchFolder('referat-admin-'));
  if (!created) throw new Error('the archive has accounts already: no first administrator');
  return { username: created.username, password: created.password, name: 'Administrator' };
}
