import { type Actor, standingIn } from '../actor.ts';
import type { MeetingStatus } from '../meeting-lifecycle.ts';
import type { ForumTarget, MeetingTarget } from './targets.ts';

/**
 * How much of a meeting an actor may see, from nothing to everything:
 * - `none`: the meeting is not there for this actor (an internal forum, or a draft);
 * - `public`: the published agenda or minutes, closed items as "Lukket punkt", and decisions
 *   only once the minutes are published;
 * - `member`: as public, but closed items in full and decisions as they are written;
 * - `staff`: everything, drafts included (the forum's secretaries and administrators).
 */
export type MeetingAccess = 'none' | 'public' | 'member' | 'staff';

/** Whether a state has anything published: an agenda or minutes. */
export function isPublishedStatus(status: MeetingStatus): boolean {
  return status !== 'draft';
}

/** Whether the minutes are out, so that decisions and absences are part of what is published. */
export function areMinutesPublished(status: MeetingStatus): boolean {
  return status === 'minutes_published' || status === 'minutes_approved';
}

/** Whether an actor may see a forum at all (its name, members and published meetings). */
export function canSeeForum(actor: Actor, forum: ForumTarget): boolean {
  return forum.visibility === 'public' || forumAccess(actor, forum) !== 'public';
}

/**
 * The access an actor has to a forum's published meetings, before the meeting's own state is
 * considered: staff, member, or public (which an internal forum then turns into none).
 */
function forumAccess(actor: Actor, forum: ForumTarget): Exclude<MeetingAccess, 'none'> {
  const standing = standingIn(actor, forum.forumId);
  switch (standing) {
    case 'administrator':
    case 'secretary':
      return 'staff';
    case 'member':
      return 'member';
    case 'signed_in':
    case 'anonymous':
      return 'public';
    default: {
      const unknown: never = standing;
      return unknown;
    }
  }
}

/** The one rule for reading a meeting: what this actor may see of it. */
export function meetingAccess(actor: Actor, meeting: MeetingTarget): MeetingAccess {
  const access = forumAccess(actor, meeting);
  if (access === 'staff') return 'staff';
  if (!isPublishedStatus(meeting.status)) return 'none';
  if (access === 'public' && meeting.visibility !== 'public') return 'none';
  return access;
}

/** Whether this access shows closed items in full. */
export function showsClosedItems(access: MeetingAccess): boolean {
  return access === 'member' || access === 'staff';
}

/** Whether this access shows decisions and absences in a meeting in this state. */
export function showsDecisions(access: MeetingAccess, status: MeetingStatus): boolean {
  return access === 'member' || access === 'staff' || areMinutesPublished(status);
}
