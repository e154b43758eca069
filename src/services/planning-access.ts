import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import { isAllowedPurpose } from '../core/forum-practice.ts';
import type { MeetingStatus } from '../core/meeting-lifecycle.ts';
import type { PolicyAction } from '../core/policies/authorize.ts';
import { meetingAccess } from '../core/policies/meeting-access.ts';
import type { ForumTarget } from '../core/policies/targets.ts';
import { findForumTarget, findMeetingTarget } from '../store/access-store.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { findForum } from '../store/forum-store.ts';
import type { Archive } from './archive-types.ts';
import { type CommandTarget, requireAllowed } from './command-pipeline.ts';
import { requirePolicy } from './read-access.ts';
import { notFound, ServiceError } from './service-error.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * Who may read and change a forum's plan ahead, in one place: the policy's `plan.read` (the
 * forum's members and staff) and `plan.manage` (its secretaries and the administrators), and
 * which of the forum's meetings a plan may name to its reader (those the read model shows).
 */

/** A command's target for a change to a forum's plan. */
export interface PlanCommandTarget extends CommandTarget {
  forum: ForumTarget;
}

/** The forum as a command target for `plan.manage` (404 when there is none). */
export async function resolvePlanForum(
  db: Executor,
  forumId: number,
  audit: { type: string; id: number | string | null },
): Promise<PlanCommandTarget> {
  const forum = await findForumTarget(db, forumId);
  if (!forum) throw notFound('Forummet');
  return {
    actions: ['plan.manage'],
    policyTarget: forum,
    auditType: audit.type,
    auditId: audit.id,
    meetingId: null,
    forum,
  };
}

/** The forum, if this actor may read its plan; otherwise the policy's refusal, audited. */
export async function requirePlanAccess(
  archive: Archive,
  actor: Actor,
  forumId: number,
  action: Extract<PolicyAction, 'plan.read' | 'plan.manage' | 'meeting.create'> = 'plan.read',
): Promise<ForumTarget> {
  const forum = await findForumTarget(archive.database.db, forumId);
  if (!forum) throw notFound('Forummet');
  await requirePolicy(archive, actor, action, forum, { type: 'forum', id: forumId });
  return forum;
}

/** Whether the plan may name this meeting to this reader (a draft is staff's only). */
export function canSeePlanMeeting(actor: Actor, forum: ForumTarget, status: MeetingStatus) {
  return meetingAccess(actor, { ...forum, status }) !== 'none';
}

/**
 * A meeting a planned item is put on: the forum's own, and one whose agenda may still change
 * (the policy's answer for editing it, so a held meeting is refused with its reason).
 */
export async function requirePlannableMeeting(
  db: Executor,
  actor: Actor,
  forumId: number,
  meetingId: number,
): Promise<void> {
  const meeting = await findMeetingTarget(db, meetingId);
  if (!meeting || meeting.forumId !== forumId)
    throw new ServiceError(400, 'Mødet hører ikke til forummet.');
  requireAllowed(actor, 'agenda.edit', meeting, { auditType: 'meeting', auditId: meetingId });
}

/** Refuses a purpose the forum does not have (as items do); the forum's list is the source. */
export async function requireForumPurpose(
  db: Executor,
  forumId: number,
  purpose: string | null | undefined,
  current: string | null = null,
): Promise<void> {
  if (purpose === undefined || purpose === null) return;
  const forum = await findForum(db, forumId);
  if (forum && !isAllowedPurpose(purpose, forum.purposes, current))
    throw new ServiceError(
      400,
      `Formålet "${purpose}" findes ikke i forummet. Vælg et af: ${forum.purposes.join(', ')}.`,
    );
}
