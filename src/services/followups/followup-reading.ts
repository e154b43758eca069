import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { FollowupFilter, FollowupView } from '../../core/api-contract/followups.ts';
import { isNamedOwner, isOverdue } from '../../core/followups/followup-tracking.ts';
import { authorize } from '../../core/policies/authorize.ts';
import { listForumTargets } from '../../store/access-store.ts';
import type { DatabaseSchema } from '../../store/database-schema.ts';
import { listFollowups, type StoredFollowup } from '../../store/followup-store.ts';
import { listForums } from '../../store/forum-store.ts';

type Executor = Kysely<DatabaseSchema>;

/*
 * Reading follow-ups: who may read which, how one is shown, and which are "mine". Shared by
 * the tracking service, the reminders and the personal calendar, so that each list answers
 * the same question the same way.
 */

/** The forums whose follow-ups the actor may read (members and staff, as the policy says). */
export async function readableFollowupForumIds(db: Executor, actor: Actor): Promise<number[]> {
  if (actor.kind === 'anonymous') return [];
  return (await listForumTargets(db))
    .filter((forum) => authorize(actor, 'followup.read', forum).allowed)
    .map((forum) => forum.forumId);
}

/** A stored follow-up as the API shows it, with whether it is overdue today. */
export function presentFollowup(followup: StoredFollowup, today: string): FollowupView {
  return {
    id: followup.id,
    version: followup.version,
    kind: followup.kind,
    state: followup.state,
    status: followup.status,
    title: followup.title,
    text: followup.text,
    owner:
      followup.ownerName && followup.ownerKind
        ? { name: followup.ownerName, kind: followup.ownerKind }
        : null,
    due: followup.dueFrom && followup.dueTo ? { from: followup.dueFrom, to: followup.dueTo } : null,
    isOverdue: isOverdue(followup, today),
    notes: followup.notes,
    meeting: { id: followup.meetingId, date: followup.meetingDate },
    forum: { id: followup.forumId, name: followup.forumName },
    item: {
      id: followup.itemId,
      number: followup.itemNumber,
      title: followup.itemTitle,
      caseNumber: followup.caseNumber,
    },
    createdAt: followup.createdAt,
    updatedAt: followup.updatedAt,
  };
}

/** By deadline (those without one last), then by meeting and item. */
export function byDeadline(a: StoredFollowup, b: StoredFollowup): number {
  const dueA = a.dueTo ?? '9999-12-31';
  const dueB = b.dueTo ?? '9999-12-31';
  return (
    dueA.localeCompare(dueB) ||
    a.meetingDate.localeCompare(b.meetingDate) ||
    a.itemNumber - b.itemNumber ||
    a.id - b.id
  );
}

/** The confirmed follow-ups of these forums that a list's filter keeps. */
export async function listConfirmedFollowups(
  db: Executor,
  query: { forumIds: readonly number[]; caseNumber?: string },
  filter: FollowupFilter,
  today: string,
): Promise<StoredFollowup[]> {
  const found = await listFollowups(db, {
    ...query,
    states: ['confirmed'],
    ...(filter === 'all' ? {} : { statuses: ['open'] }),
  });
  const kept = filter === 'overdue' ? found.filter((entry) => isOverdue(entry, today)) : found;
  return kept.sort(byDeadline);
}

/**
 * The signed-in user's own follow-ups ("Mine opfølgninger"), confirmed ones in the forums
 * whose follow-ups they may read. The rule, as written names allow: a follow-up is yours when
 * its owner is written as your name (the account's display name, compared without regard to
 * case and spacing), or when its owner is a forum you are a member or secretary of (written
 * as the forum's name or abbreviation: "Chefforum", "CF"), since then every member owns it.
 */
export async function findOwnFollowups(
  db: Executor,
  actor: Actor,
  filter: FollowupFilter,
  today: string,
): Promise<StoredFollowup[]> {
  if (actor.kind !== 'user') return [];
  const forumIds = await readableFollowupForumIds(db, actor);
  const found = await listConfirmedFollowups(db, { forumIds }, filter, today);
  const forumNames = new Map(
    (await listForums(db))
      .filter((forum) => Object.hasOwn(actor.forumRoles, forum.id))
      .map((forum) => [forum.id, [forum.name, forum.abbreviation ?? '']]),
  );
  return found.filter(
    (followup) =>
      isNamedOwner(followup.ownerName, [actor.name]) ||
      isNamedOwner(followup.ownerName, forumNames.get(followup.forumId) ?? []),
  );
}
