import { type Actor, standingIn } from '../actor.ts';
import type { MeetingStatus } from '../meeting-lifecycle.ts';
import type { ForumTarget, MeetingTarget } from './targets.ts';

/**
 * How much of a meeting an actor may see, from nothing to everything:
 * - `none`: the meeting is not there for this actor (an internal forum, or a draft);
 * - `public`: the published agenda or minutes, closed items as "Lukket punkt", and decisions
 *   only once the minutes are published;
 * - `public_without_contacts`: as public, for a forum whose public versions leave out e-mail
 *   addresses and phone numbers (its members and staff still see them);
 * - `member`: as public, but closed items in full and decisions as they are written;
 * - `staff`: everything, drafts included (the forum's secretaries and administrators).
 */
export type MeetingAccess = 'none' | 'public' | 'public_without_contacts' | 'member' | 'staff';

/** Whether an access is the public's (anyone may read it), with or without contact details. */
export function isPublicAccess(access: MeetingAccess): boolean {
  return access === 'public' || access === 'public_without_contacts';
}

/** Whether text read with this access must have its e-mail addresses and phone numbers removed. */
export function hidesContactDetails(access: MeetingAccess): boolean {
  return access === 'public_without_contacts';
}

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
function forumAccess(actor: Actor, forum: ForumTarget): 'staff' | 'member' | 'public' {
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
  if (access !== 'public') return access;
  if (meeting.visibility !== 'public') return 'none';
  return meeting.hidesContactDetails ? 'public_without_contacts' : 'public';
}

/** Whether this access shows closed items in full. */
export function showsClosedItems(access: MeetingAccess): boolean {
  return access === 'member' || access === 'staff';
}

/** Whether this access shows decisions and absences in a meeting in this state. */
export function showsDecisions(access: MeetingAccess, status: MeetingStatus): boolean {
  return access === 'member' || access === 'staff' || areMinutesPublished(status);
}
