import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import { authorize, type PolicyAction, type PolicyTarget } from '../core/policies/authorize.ts';
import { type MeetingAccess, meetingAccess } from '../core/policies/meeting-access.ts';
import { type ReadScope, readScope } from '../core/policies/read-model.ts';
import {
  findMeetingTarget,
  listForumTargets,
  type StoredMeetingTarget,
} from '../store/access-store.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import type { Archive } from './archive-types.ts';
import { auditRefusal } from './command-pipeline.ts';
import { notFound, ServiceError } from './service-error.ts';

type Executor = Kysely<DatabaseSchema>;

/** A meeting an actor may read, and how much of it. */
export interface ReadableMeeting {
  target: StoredMeetingTarget;
  access: Exclude<MeetingAccess, 'none'>;
}

/**
 * The meeting and the actor's access to it, or 404: a meeting the actor may not see is not
 * admitted to exist. The refusal of an existing meeting is written to the audit log.
 */
export async function requireMeetingAccess(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  db: Executor = archive.database.db,
): Promise<ReadableMeeting> {
  const target = await findMeetingTarget(db, meetingId);
  if (!target) throw notFound('Mødet');
  const access = meetingAccess(actor, target);
  if (access === 'none') {
    await auditRefusal(archive, actor, {
      action: 'meeting.read',
      auditType: 'meeting',
      auditId: meetingId,
      message: 'Mødet findes ikke.',
    });
    throw notFound('Mødet');
  }
  return { target, access };
}

/**
 * Asks the policy outside the write pipeline (a read beyond the published document, such as a
 * preview or the users and the audit log; or before work that precedes a write) and refuses
 * with its answer, audited.
 */
export async function requirePolicy(
  archive: Archive,
  actor: Actor,
  action: PolicyAction,
  target: PolicyTarget,
  audit: { type: string; id: number | string | null },
): Promise<void> {
  const decision = authorize(actor, action, target);
  if (decision.allowed) return;
  await auditRefusal(archive, actor, {
    action,
    auditType: audit.type,
    auditId: audit.id,
    message: decision.reason,
  });
  throw new ServiceError(decision.status, decision.reason);
}

/**
 * Asks the policy before expensive work that precedes a write (opening an uploaded file), so
 * that nobody without rights can make the server do it. The write pipeline asks again inside
 * its transaction, where the answer counts.
 */
export async function precheckWrite(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  action: PolicyAction,
  audit: { type: string; id: number },
): Promise<void> {
  const target = await findMeetingTarget(archive.database.db, meetingId);
  if (!target) throw notFound('Mødet');
  await requirePolicy(archive, actor, action, target, audit);
}

/** The actor's read scope over every forum, for lists and searches. */
export async function loadReadScope(db: Executor, actor: Actor): Promise<ReadScope> {
  if (actor.kind === 'user' && actor.isAdministrator) return { kind: 'all' };
  return readScope(actor, await listForumTargets(db));
}
