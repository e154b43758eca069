import type { Actor } from '../../core/actor.ts';
import { authorize } from '../../core/policies/authorize.ts';
import type { Archive } from '../archive.ts';
import { auditRefusal } from '../command-pipeline.ts';
import { ServiceError } from '../service-error.ts';

/**
 * Lets an administrator read what only administrators may read (the users, the audit log):
 * asks the policy, and audits and refuses anyone else (401 anonymous, 403 signed in). Writes
 * are authorized by the write pipeline instead.
 */
export async function requireAdministrator(
  archive: Archive,
  actor: Actor,
  action: 'users.manage' | 'audit.read',
  auditType: string,
): Promise<void> {
  const decision = authorize(actor, action, null);
  if (decision.allowed) return;
  await auditRefusal(archive, actor, {
    action,
    auditType,
    auditId: null,
    message: decision.reason,
  });
  throw new ServiceError(decision.status, decision.reason);
}
