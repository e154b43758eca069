import type { Kysely } from 'kysely';
import { type Actor, authorName } from '../../core/actor.ts';
import type {
  FollowupChanges,
  FollowupConfirmation,
  FollowupRejection,
  FollowupView,
} from '../../core/api-contract/followups.ts';
import { comparableName, followupStatusLabels } from '../../core/followups/followup-tracking.ts';
import { findForumTarget } from '../../store/access-store.ts';
import type { DatabaseSchema } from '../../store/database-schema.ts';
import {
  type FollowupRowChanges,
  findFollowup,
  type StoredFollowup,
  updateFollowupRow,
} from '../../store/followup-store.ts';
import { findForum } from '../../store/forum-store.ts';
import type { Archive } from '../archive-types.ts';
import { type CommandContext, type CommandTarget, runCommand } from '../command-pipeline.ts';
import { planReturn } from '../planning-service.ts';
import { copenhagenToday } from '../portal-service.ts';
import { notFound, ServiceError } from '../service-error.ts';
import { presentFollowup } from './followup-reading.ts';

type Executor = Kysely<DatabaseSchema>;

/*
 * The secretary's commands on follow-ups, each through the write pipeline with the policy's
 * `followup.manage`: confirm a suggestion (perhaps edited), edit one, set its status or add a
 * note, reject a suggestion. Each names the version it started from; a stale one is 409 with
 * the follow-up as it is now. Every step is kept in the history (revisions, "followup").
 */

/** A follow-up command's target: the follow-up as found (and locked) in the transaction. */
interface FollowupTarget extends CommandTarget {
  followup: StoredFollowup;
}

/** The fields confirming and editing may set; null clears an owner or a deadline. */
type FieldInput = Pick<FollowupChanges, 'title' | 'kind' | 'owner' | 'due'>;

/** Confirms a suggestion (or a rejected one, on second thought), with any edits. */
export async function confirmFollowup(
  archive: Archive,
  actor: Actor,
  followupId: number,
  input: FollowupConfirmation,
): Promise<FollowupView> {
  const confirmed = await confirmInStore(archive, actor, followupId, input);
  // A confirmed return comes back to the forum: it is planned for the meeting its due range
  // names (or the next), and waits in the punktbank until the agenda takes it in. Planning
  // the same return twice gives the same planned item.
  if (confirmed.kind === 'return')
    await planReturn(archive, actor, {
      forumId: confirmed.forum.id,
      itemId: confirmed.item.id,
      due: confirmed.due,
    });
  return confirmed;
}

function confirmInStore(
  archive: Archive,
  actor: Actor,
  followupId: number,
  input: FollowupConfirmation,
): Promise<FollowupView> {
  return runFollowupCommand(archive, actor, followupId, input.version, {
    name: 'followup.confirm',
    check: (followup) => {
      if (followup.state === 'confirmed')
        throw new ServiceError(409, 'Opfølgningen er allerede bekræftet.');
    },
    change: async (context, followup) => ({
      changes: {
        ...(await fieldChanges(context.db, followup, input)),
        state: 'confirmed',
        status: 'open',
      },
      action: 'confirm',
      reason: null,
    }),
  });
}

/**
 * Edits a follow-up, sets its status (open, done, cancelled) or adds a note; a note given with
 * a status is that change's note. A status or a note takes a confirmed follow-up; a rejected
 * one is confirmed again before anything else.
 */
export function updateFollowup(
  archive: Archive,
  actor: Actor,
  followupId: number,
  input: FollowupChanges,
): Promise<FollowupView> {
  const { version, status, note, ...fields } = input;
  const hasFields = Object.values(fields).some((value) => value !== undefined);
  return runFollowupCommand(archive, actor, followupId, version, {
    name: 'followup.update',
    check: (followup) => {
      if (!hasFields && status === undefined && note === undefined)
        throw new ServiceError(400, 'Der er ikke noget at ændre.');
      if (followup.state === 'rejected')
        throw new ServiceError(409, 'Opfølgningen er afvist. Bekræft den først.');
      if (followup.state !== 'confirmed' && (status !== undefined || note !== undefined))
        throw new ServiceError(409, 'Bekræft opfølgningen, før den får status eller noter.');
    },
    change: async (context, followup) => {
      const changes: FollowupRowChanges = await fieldChanges(context.db, followup, fields);
      if (status !== undefined) changes.status = status;
      const text = noteText(status, followup, note);
      if (text)
        changes.notes = [
          ...followup.notes,
          { at: new Date().toISOString(), author: authorName(context.actor), text },
        ];
      const action = status !== undefined ? 'status' : hasFields ? 'update' : 'note';
      return { changes, action, reason: text };
    },
  });
}

/** Rejects a suggestion: it stays (so it is not suggested again), shown as rejected. */
export function rejectFollowup(
  archive: Archive,
  actor: Actor,
  followupId: number,
  input: FollowupRejection,
): Promise<FollowupView> {
  return runFollowupCommand(archive, actor, followupId, input.version, {
    name: 'followup.reject',
    check: (followup) => {
      if (followup.state === 'rejected')
        throw new ServiceError(409, 'Opfølgningen er allerede afvist.');
      if (followup.state === 'confirmed')
        throw new ServiceError(
          409,
          'Opfølgningen er bekræftet. Sæt dens status til annulleret i stedet.',
        );
    },
    change: async () => ({
      changes: { state: 'rejected' },
      action: 'reject',
      reason: input.reason?.trim() || null,
    }),
  });
}

/** The note a status change or a note leaves: "Udført: Sendt til direktionen". */
function noteText(
  status: FollowupChanges['status'],
  followup: StoredFollowup,
  note: string | undefined,
): string | null {
  if (status === undefined || status === followup.status) return note?.trim() || null;
  const label = `Status: ${followupStatusLabels[status]}`;
  return note?.trim() ? `${label}. ${note.trim()}` : label;
}

/** What one command does: its audit name, its state check, and the change it makes. */
interface FollowupStep {
  name: string;
  check(followup: StoredFollowup): void;
  change(
    context: CommandContext,
    followup: StoredFollowup,
  ): Promise<{ changes: FollowupRowChanges; action: string; reason: string | null }>;
}

function runFollowupCommand(
  archive: Archive,
  actor: Actor,
  followupId: number,
  version: number,
  step: FollowupStep,
): Promise<FollowupView> {
  return runCommand(archive, actor, {
    name: step.name,
    resolve: (db) => resolveFollowup(archive, db, followupId),
    check: ({ followup }) => {
      if (followup.version !== version) throw staleFollowup(followup);
      step.check(followup);
    },
    apply: async (context, { followup }) => {
      const { changes, action, reason } = await step.change(context, followup);
      const at = new Date().toISOString();
      if (!(await updateFollowupRow(context.db, followupId, version, changes, at)))
        throw staleFollowup((await findFollowup(context.db, followupId)) ?? followup);
      await context.recordRevision({
        entityType: 'followup',
        entityId: followupId,
        action,
        reason,
        data: { before: followup, changes },
      });
      const after = await findFollowup(context.db, followupId);
      if (!after) throw notFound('Opfølgningen');
      return presentFollowup(after, copenhagenToday());
    },
  });
}

/** The follow-up and its forum, found (and locked) in the transaction; 404 when missing. */
async function resolveFollowup(
  archive: Archive,
  db: Executor,
  followupId: number,
): Promise<FollowupTarget> {
  const followup = await findFollowup(db, followupId, archive.database.engine);
  const forum = followup ? await findForumTarget(db, followup.forumId) : null;
  if (!followup || !forum) throw notFound('Opfølgningen');
  return {
    actions: ['followup.manage'],
    policyTarget: forum,
    auditType: 'followup',
    auditId: followupId,
    // Follow-ups are not part of the meeting's document: its version (and cache) stays.
    meetingId: null,
    followup,
  };
}

/** 409 with the follow-up as it is now, so the app can show it and start again from it. */
function staleFollowup(current: StoredFollowup): ServiceError {
  return new ServiceError(
    409,
    'Opfølgningen er ændret af en anden i mellemtiden. Se den nye udgave, og prøv igen.',
    { current: presentFollowup(current, copenhagenToday()) },
  );
}

/**
 * The row changes for the fields sent. An owner who is a member must be on the forum's
 * roster (written as there, so that the reminders find the member's address).
 */
async function fieldChanges(
  db: Executor,
  followup: StoredFollowup,
  input: FieldInput,
): Promise<FollowupRowChanges> {
  const changes: FollowupRowChanges = {};
  if (input.title !== undefined) changes.title = input.title;
  if (input.kind !== undefined) changes.kind = input.kind;
  if (input.due !== undefined) {
    const dueFrom = input.due?.from ?? null;
    const dueTo = input.due?.to ?? null;
    // Only a deadline that moves clears the reminders already sent for it.
    if (dueFrom !== followup.dueFrom || dueTo !== followup.dueTo)
      Object.assign(changes, { dueFrom, dueTo });
  }
  if (input.owner === null) {
    changes.ownerName = null;
    changes.ownerKind = null;
  } else if (input.owner !== undefined) {
    changes.ownerName =
      input.owner.kind === 'member'
        ? await memberName(db, followup.forumId, input.owner.name)
        : input.owner.name;
    changes.ownerKind = input.owner.kind;
  }
  return changes;
}

async function memberName(db: Executor, forumId: number, name: string): Promise<string> {
  const forum = await findForum(db, forumId);
  const member = forum?.members.find(
    (entry) => comparableName(entry.name) === comparableName(name),
  );
  if (!member)
    throw new ServiceError(
      400,
      `"${name}" er ikke medlem af ${forum?.name ?? 'forummet'}. Vælg et medlem, eller skriv en enhed.`,
    );
  return member.name;
}
