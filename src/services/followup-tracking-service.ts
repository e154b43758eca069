import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import type {
  FollowupDetail,
  FollowupFilter,
  FollowupView,
  MeetingFollowups,
} from '../core/api-contract/followups.ts';
import { authorize } from '../core/policies/authorize.ts';
import type { ForumTarget } from '../core/policies/targets.ts';
import { findForumTarget } from '../store/access-store.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { findFollowup, listFollowupRevisions, listFollowups } from '../store/followup-store.ts';
import { findForum } from '../store/forum-store.ts';
import { findMeetingRecord } from '../store/meeting-store.ts';
import type { Archive } from './archive-types.ts';
import {
  byDeadline,
  findOwnFollowups,
  listConfirmedFollowups,
  presentFollowup,
  readableFollowupForumIds,
} from './followups/followup-reading.ts';
import { copenhagenToday } from './portal-service.ts';
import { requireMeetingAccess, requirePolicy } from './read-access.ts';
import { notFound, ServiceError } from './service-error.ts';

export {
  confirmFollowup,
  rejectFollowup,
  updateFollowup,
} from './followups/followup-commands.ts';

type Executor = Kysely<DatabaseSchema>;

/*
 * Tracking follow-ups: what the secretary confirms, edits and rejects (followup-commands) and
 * the views (a meeting's, a user's own, a forum's open and overdue ones, a case's). Reading
 * takes a member or staff of the forum (the policy's `followup.read`); suggestions and
 * rejected ones are the secretaries' (`followup.manage`) alone.
 */

/** When the lists are made: now, unless a test says otherwise. */
export interface AtTime {
  now?: Date;
}

const signInFirst = (): ServiceError => new ServiceError(401, 'Log ind først.');

/** A forum's target without the meeting's state: follow-up actions are the forum's. */
function forumTargetOf(target: ForumTarget): ForumTarget {
  return {
    forumId: target.forumId,
    visibility: target.visibility,
    hidesContactDetails: target.hidesContactDetails,
  };
}

/**
 * A meeting's follow-ups: suggestions, confirmed and rejected ones of its items (suggestions
 * and rejected ones for those who manage them), and the forum's open follow-ups of earlier
 * meetings due on or before its date. 404 when the meeting is not there for the actor; 401 or
 * 403 for those who may see the meeting but not its forum's working data.
 */
export async function getMeetingFollowups(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  options: AtTime = {},
): Promise<MeetingFollowups> {
  const { target } = await requireMeetingAccess(archive, actor, meetingId);
  const forum = forumTargetOf(target);
  await requirePolicy(archive, actor, 'followup.read', forum, { type: 'meeting', id: meetingId });
  const canManage = authorize(actor, 'followup.manage', forum).allowed;
  const db = archive.database.db;
  const today = copenhagenToday(options.now);
  const meeting = await findMeetingRecord(db, meetingId);
  if (!meeting) throw notFound('Mødet');
  const own = await listFollowups(db, { meetingId });
  const inItemOrder = (state: string) =>
    own
      .filter((entry) => entry.state === state)
      .sort((a, b) => a.itemNumber - b.itemNumber || a.id - b.id)
      .map((entry) => presentFollowup(entry, today));
  const dueBefore = await listFollowups(db, {
    forumIds: [forum.forumId],
    exceptMeetingId: meetingId,
    states: ['confirmed'],
    statuses: ['open'],
    dueOnOrBefore: meeting.date,
  });
  return {
    suggestions: canManage ? inItemOrder('suggested') : [],
    confirmed: inItemOrder('confirmed'),
    rejected: canManage ? inItemOrder('rejected') : [],
    dueBefore: dueBefore.sort(byDeadline).map((entry) => presentFollowup(entry, today)),
    canManage,
    members: canManage
      ? ((await findForum(db, forum.forumId))?.members.map((member) => member.name) ?? [])
      : [],
  };
}

/**
 * One follow-up with its history. A suggestion or a rejected one is there only for those who
 * manage the forum's follow-ups: to its members it does not exist.
 */
export async function getFollowup(
  archive: Archive,
  actor: Actor,
  followupId: number,
  options: AtTime = {},
): Promise<FollowupDetail> {
  const db = archive.database.db;
  const followup = await findFollowup(db, followupId);
  const forum = followup ? await findForumTarget(db, followup.forumId) : null;
  if (!followup || !forum) throw notFound('Opfølgningen');
  const audit = { type: 'followup', id: followupId };
  await requirePolicy(archive, actor, 'followup.read', forum, audit);
  if (followup.state !== 'confirmed' && !authorize(actor, 'followup.manage', forum).allowed)
    throw notFound('Opfølgningen');
  return {
    ...presentFollowup(followup, copenhagenToday(options.now)),
    history: await listFollowupRevisions(db, followupId),
  };
}

/** The signed-in user's own follow-ups (see findOwnFollowups for the rule); 401 for the anonymous. */
export async function listMyFollowups(
  archive: Archive,
  actor: Actor,
  filter: FollowupFilter = 'open',
  options: AtTime = {},
): Promise<FollowupView[]> {
  if (actor.kind !== 'user') throw signInFirst();
  const today = copenhagenToday(options.now);
  const own = await findOwnFollowups(archive.database.db, actor, filter, today);
  return own.map((entry) => presentFollowup(entry, today));
}

/** A forum's confirmed follow-ups: open ones (the default), overdue ones, or all. */
export async function listForumFollowups(
  archive: Archive,
  actor: Actor,
  forumId: number,
  filter: FollowupFilter = 'open',
  options: AtTime = {},
): Promise<FollowupView[]> {
  const db = archive.database.db;
  const forum = await findForumTarget(db, forumId);
  if (!forum) throw notFound('Forummet');
  await requirePolicy(archive, actor, 'followup.read', forum, { type: 'forum', id: forumId });
  return presentList(db, { forumIds: [forumId] }, filter, options);
}

/**
 * The confirmed follow-ups of a case (a journal number's items), in every forum whose
 * follow-ups the actor may read; 401 for the anonymous, who read the case but never these.
 */
export async function listCaseFollowups(
  archive: Archive,
  actor: Actor,
  caseNumber: string,
  options: AtTime = {},
): Promise<FollowupView[]> {
  if (actor.kind !== 'user') throw signInFirst();
  const db = archive.database.db;
  const forumIds = await readableFollowupForumIds(db, actor);
  return presentList(db, { forumIds, caseNumber: caseNumber.trim() }, 'all', options);
}

async function presentList(
  db: Executor,
  query: { forumIds: readonly number[]; caseNumber?: string },
  filter: FollowupFilter,
  options: AtTime,
): Promise<FollowupView[]> {
  const today = copenhagenToday(options.now);
  const found = await listConfirmedFollowups(db, query, filter, today);
  return found.map((entry) => presentFollowup(entry, today));
}
