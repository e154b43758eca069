import { type Actor, standingIn } from '../actor.ts';
import {
  hasStarted,
  type MeetingAction,
  type MeetingStatus,
  meetingStatusLabels,
  transitionMeeting,
} from '../meeting-lifecycle.ts';
import { canSeeForum, isPublicAccess, meetingAccess } from './meeting-access.ts';
import type { AccountTarget, ForumTarget, MeetingTarget } from './targets.ts';

/**
 * The policy's answer. A refusal carries the HTTP status it means: 401 (sign in first), 403
 * (signed in, but not allowed), 404 (not there for this actor: a hidden meeting is not
 * admitted to exist), 409 (not in this state) or 423 (approved minutes are locked).
 */
export type Decision =
  | { allowed: true }
  | { allowed: false; status: 401 | 403 | 404 | 409 | 423; reason: string };

const allowed: Decision = { allowed: true };

/** The answer to a write on approved minutes: a correction with a reason is the way. */
export const lockedReason =
  'Referatet er godkendt og låst. Ret det med en rettelse og en begrundelse.';

/** The answer to a write on a meeting imported from the archive. */
export const archivedReason =
  'Mødet er importeret fra arkivet og er endeligt. Ret referatet med en rettelse og en begrundelse.';

/** The answer to a write on a cancelled meeting: nothing more happens to it. */
export const cancelledReason = 'Mødet er aflyst og kan ikke længere ændres.';

/** Any target an action can have. */
export type PolicyTarget = MeetingTarget | ForumTarget | AccountTarget | null;

/**
 * What an actor may ask to do, and which kind of target each takes: a meeting (with its forum
 * and state), a forum, a user's own account, or none (administration). Reading a meeting is
 * decided by meetingAccess (the read model asks it); these are the actions that change
 * something or show more than a published document.
 */
const targetKinds = {
  'meeting.read': 'meeting',
  'meeting.readHistory': 'meeting',
  'meeting.preview': 'meeting',
  'meeting.create': 'forum',
  'meeting.editDetails': 'meeting',
  'agenda.edit': 'meeting',
  'decision.enter': 'meeting',
  'item.correct': 'meeting',
  // Whether a Bilag is public is a decision about access, not a change of content: its forum's
  // secretaries make it in any state, also for approved and imported minutes.
  'attachment.setAccess': 'meeting',
  'agenda.publish': 'meeting',
  'meeting.start': 'meeting',
  'meeting.finish': 'meeting',
  'meeting.delete': 'meeting',
  'meeting.cancel': 'meeting',
  'attendance.record': 'meeting',
  'minutes.publish': 'meeting',
  'minutes.approve': 'meeting',
  'minutes.approvePrevious': 'meeting',
  'forum.read': 'forum',
  'forum.edit': 'forum',
  'forum.create': 'none',
  'users.manage': 'none',
  'audit.read': 'none',
  'archive.manage': 'none',
  'account.changePassword': 'account',
  // Follow-ups are the forum's internal working data: read by its members and staff, managed
  // (confirmed, edited, rejected, closed) by its secretaries and the administrators.
  'followup.read': 'forum',
  'followup.manage': 'forum',
  // Planning ahead (punktbank, the year's meeting plan, the annual cycle) is internal too: read
  // by the forum's members and staff, managed by its secretaries and the administrators.
  'plan.read': 'forum',
  'plan.manage': 'forum',
} as const satisfies Record<string, 'meeting' | 'forum' | 'account' | 'none'>;

/** An action the policy knows. */
export type PolicyAction = keyof typeof targetKinds;

/** Every action, so that tests can go through them all. */
export const policyActions = Object.keys(targetKinds) as PolicyAction[];

/**
 * The one policy: may this actor do this to this target? Pure, from the actor's standing in
 * the forum, the forum's visibility and the meeting's lifecycle state. Services ask it inside
 * the write pipeline; the app only shows what the answers allow. An action asked about the
 * wrong kind of target is refused (fail closed).
 */
export function authorize(actor: Actor, action: PolicyAction, target: PolicyTarget): Decision {
  if (targetKinds[action] !== targetKindOf(target))
    return refuse(403, 'Handlingen er ikke tilladt.');
  if (target === null) return authorizeAdministration(actor);
  if ('accountUserId' in target) return authorizeOwnAccount(actor, target);
  if ('status' in target) return authorizeMeeting(actor, action, target);
  return authorizeForum(actor, action, target);
}

function targetKindOf(target: PolicyTarget): 'meeting' | 'forum' | 'account' | 'none' {
  if (target === null) return 'none';
  if ('accountUserId' in target) return 'account';
  return 'status' in target ? 'meeting' : 'forum';
}

/** What only an account's own user may do (an administrator resets, never changes). */
function authorizeOwnAccount(actor: Actor, account: AccountTarget): Decision {
  if (actor.kind === 'anonymous') return signInFirst;
  if (actor.userId === account.accountUserId) return allowed;
  return refuse(403, 'Du kan kun skifte din egen adgangskode.');
}

function authorizeAdministration(actor: Actor): Decision {
  if (actor.kind === 'anonymous') return signInFirst;
  if (actor.isAdministrator) return allowed;
  return refuse(403, 'Kun en administrator kan det.');
}

function authorizeForum(actor: Actor, action: PolicyAction, forum: ForumTarget): Decision {
  if (!canSeeForum(actor, forum)) return refuse(404, 'Forummet findes ikke.');
  if (action === 'forum.read') return allowed;
  if (action === 'followup.read' || action === 'plan.read') return requireMember(actor, forum);
  return requireSecretary(actor, forum);
}

function authorizeMeeting(actor: Actor, action: PolicyAction, meeting: MeetingTarget): Decision {
  const access = meetingAccess(actor, meeting);
  if (access === 'none') return refuse(404, 'Mødet findes ikke.');
  if (action === 'meeting.read') return allowed;
  if (action === 'meeting.readHistory')
    return isPublicAccess(access)
      ? refuse(403, 'Historikken er for forummets medlemmer.')
      : allowed;
  const writer = requireSecretary(actor, meeting);
  if (!writer.allowed || action === 'meeting.preview' || action === 'attachment.setAccess')
    return writer;
  // An archive meeting is final: only a correction (of its approved minutes) changes it.
  if (meeting.archived && action !== 'item.correct') return refuse(423, archivedReason);
  if (meeting.status === 'cancelled') return refuse(409, cancelledReason);
  return lifecycleRule(action, meeting.status);
}

/** Writing takes the forum's secretary or an administrator. */
function requireSecretary(actor: Actor, forum: ForumTarget): Decision {
  const standing = standingIn(actor, forum.forumId);
  if (standing === 'administrator' || standing === 'secretary') return allowed;
  if (standing === 'anonymous') return signInFirst;
  return refuse(403, 'Det kræver, at du er sekretær for forummet.');
}

/** Reading the forum's internal working data takes a member, a secretary or an administrator. */
function requireMember(actor: Actor, forum: ForumTarget): Decision {
  const standing = standingIn(actor, forum.forumId);
  if (standing === 'anonymous') return signInFirst;
  if (standing === 'signed_in') return refuse(403, 'Det er kun for forummets medlemmer.');
  return allowed;
}

/** The lifecycle rules: which state permits which change. */
function lifecycleRule(action: PolicyAction, status: MeetingStatus): Decision {
  const isApproved = status === 'minutes_approved';
  switch (action) {
    case 'meeting.editDetails':
      return isApproved ? refuse(423, lockedReason) : allowed;
    case 'agenda.edit':
      if (isApproved) return refuse(423, lockedReason);
      return status === 'minutes_published'
        ? refuse(409, 'Referatet er udsendt; dagsordenen kan ikke længere ændres.')
        : allowed;
    case 'decision.enter':
      if (isApproved) return refuse(423, lockedReason);
      return hasStarted(status)
        ? allowed
        : refuse(409, 'Beslutninger skrives, når mødet er startet.');
    case 'meeting.delete':
      // What was published stays: only a meeting never sent out may go.
      if (isApproved) return refuse(423, lockedReason);
      return status === 'draft'
        ? allowed
        : refuse(409, 'Kun et møde, hvis dagsorden ikke er udsendt, kan slettes.');
    case 'attendance.record':
      // Afbud come before the meeting, absences and guests during it, until the approval.
      return isApproved ? refuse(423, lockedReason) : allowed;
    case 'item.correct':
      return isApproved
        ? allowed
        : refuse(409, 'Kun et godkendt referat rettes med en rettelse; gem punktet som normalt.');
    case 'minutes.approvePrevious':
      return hasStarted(status) && !isApproved
        ? allowed
        : refuse(409, 'Forrige referat godkendes under punkt 1, når mødet er startet.');
    case 'agenda.publish':
    case 'meeting.start':
    case 'meeting.finish':
    case 'meeting.cancel':
    case 'minutes.publish':
    case 'minutes.approve':
      return transitionRule(lifecycleActions[action], status);
    default:
      return refuse(403, 'Handlingen er ikke tilladt.');
  }
}

const lifecycleActions: Record<
  | 'agenda.publish'
  | 'meeting.start'
  | 'meeting.finish'
  | 'meeting.cancel'
  | 'minutes.publish'
  | 'minutes.approve',
  MeetingAction
> = {
  'agenda.publish': 'publish_agenda',
  'meeting.start': 'start_meeting',
  'meeting.finish': 'finish_meeting',
  'meeting.cancel': 'cancel_meeting',
  'minutes.publish': 'publish_minutes',
  'minutes.approve': 'approve_minutes',
};

function transitionRule(action: MeetingAction, status: MeetingStatus): Decision {
  const moved = transitionMeeting(status, action);
  if (moved.ok) return allowed;
  if (status === 'minutes_approved') return refuse(423, lockedReason);
  return refuse(
    409,
    `Det kan ikke lade sig gøre, når mødet har status "${meetingStatusLabels[status]}".`,
  );
}

const signInFirst: Decision = { allowed: false, status: 401, reason: 'Log ind først.' };

function refuse(status: 401 | 403 | 404 | 409 | 423, reason: string): Decision {
  return { allowed: false, status, reason };
}
