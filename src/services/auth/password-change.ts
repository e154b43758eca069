import { deleteSessionsOfUser } from '../../store/session-store.ts';
import { findUserById, updateUser } from '../../store/user-store.ts';
import type { Archive } from '../archive-types.ts';
import { auditRefusal, type CommandTarget, runCommand } from '../command-pipeline.ts';
import { notFound, ServiceError } from '../service-error.ts';
import { checkNewPassword, hashPassword, verifyPassword } from './password-hashing.ts';
import {
  type ClientInfo,
  type ResolvedSession,
  type StartedSession,
  startSession,
} from './session-service.ts';

/**
 * A user changes their own password: the current one must be right (a wrong one is audited
 * and refused), the new one at least 12 characters. Every session of the user ends, this one
 * included, and a new session starts, so that a stolen cookie dies with the old password.
 */
export async function changeOwnPassword(
  archive: Archive,
  session: ResolvedSession,
  passwords: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<StartedSession> {
  const weakness = checkNewPassword(passwords.newPassword);
  if (weakness) throw new ServiceError(400, weakness);
  if (passwords.newPassword === passwords.currentPassword)
    throw new ServiceError(400, 'Den nye adgangskode skal være en anden end den nuværende.');
  await checkCurrentPassword(archive, session, passwords.currentPassword);
  const passwordHash = await hashPassword(passwords.newPassword);
  return runCommand(archive, session.actor, {
    name: 'user.change_password',
    resolve: async () => ownAccountTarget(session.userId),
    apply: async ({ db }) => {
      await updateUser(db, session.userId, { passwordHash, mustChangePassword: false });
      await deleteSessionsOfUser(db, session.userId);
      return startSession(db, session.userId, client);
    },
  });
}

/**
 * The account as the policy's target: only its own user may change its password. The session
 * routes pass the session's own actor, never one from the request, and the current password
 * has been checked before.
 */
function ownAccountTarget(userId: number): CommandTarget {
  return {
    actions: ['account.changePassword'],
    policyTarget: { accountUserId: userId },
    auditType: 'user',
    auditId: userId,
    meetingId: null,
  };
}

async function checkCurrentPassword(
  archive: Archive,
  session: ResolvedSession,
  currentPassword: string,
): Promise<void> {
  const user = await findUserById(archive.database.db, session.userId);
  if (!user) throw notFound('Brugeren');
  if (!user.passwordHash)
    throw new ServiceError(
      400,
      'Din bruger har ingen adgangskode; du logger ind med single sign-on.',
    );
  if (await verifyPassword(user.passwordHash, currentPassword)) return;
  const message = 'Den nuværende adgangskode er forkert.';
  await auditRefusal(archive, session.actor, {
    action: 'user.change_password',
    auditType: 'user',
    auditId: session.userId,
    message,
  });
  throw new ServiceError(403, message);
}
