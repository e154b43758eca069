import type { Kysely } from 'kysely';
import { type Actor, authorName } from '../core/actor.ts';
import type { DomainEvent } from '../core/domain-events.ts';
import {
  authorize,
  type Decision,
  type PolicyAction,
  type PolicyTarget,
} from '../core/policies/authorize.ts';
import { findMeetingTarget, type StoredMeetingTarget } from '../store/access-store.ts';
import { appendAuditEntry } from '../store/audit-store.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { type RevisionEntry, recordRevision, touchMeeting } from '../store/item-store.ts';
import { appendOutboxEvent } from '../store/outbox-store.ts';
import type { Archive } from './archive-types.ts';
import { indexEvent } from './search-indexing.ts';
import { notFound, ServiceError } from './service-error.ts';

type Executor = Kysely<DatabaseSchema>;

/** What a command's change gets to work with: the transaction and the pipeline's recorders. */
export interface CommandContext {
  db: Executor;
  actor: Actor;
  /** Records a revision in the history, with the signed-in actor as its author. */
  recordRevision(entry: Omit<RevisionEntry, 'author'>): Promise<void>;
  /** Appends a domain event: indexed in this transaction, delivered to the outbox's readers. */
  emit(event: DomainEvent): void;
}

/** Where a write goes, as the policy and the audit log see it. */
export interface CommandTarget {
  /** The policy actions the write needs, all of them (an item save may edit and decide). */
  actions: readonly PolicyAction[];
  policyTarget: PolicyTarget;
  /** For the audit log: "meeting", "item", "forum", "user" … and its id. */
  auditType: string;
  auditId: number | string | null;
  /** The meeting whose version the write bumps, if any. */
  meetingId: number | null;
}

/**
 * A write: finds its target in the transaction (404 when missing), names the policy action,
 * and changes the data. `name` is the audit log's word for it ("item.save").
 */
export interface Command<T extends CommandTarget, R> {
  name: string;
  resolve(db: Executor): Promise<T>;
  /** Checked after the policy: the version the caller started from, if it names one. */
  check?(target: T, db: Executor): void | Promise<void>;
  apply(context: CommandContext, target: T): Promise<R>;
}

/** A policy refusal, carried out of the transaction so that it can be audited. */
export class AccessRefusedError extends ServiceError {
  readonly action: string;
  readonly auditType: string;
  readonly auditId: number | string | null;

  constructor(
    decision: Extract<Decision, { allowed: false }>,
    action: PolicyAction,
    target: Pick<CommandTarget, 'auditType' | 'auditId'>,
  ) {
    super(decision.status, decision.reason);
    this.action = action;
    this.auditType = target.auditType;
    this.auditId = target.auditId;
  }
}

/**
 * The one write pipeline. Every change goes through here: it opens the transaction, finds (and
 * on PostgreSQL locks) and authorizes the target, checks the caller's version, bumps the
 * meeting's version, applies the change, records revisions with the actor as author, appends
 * the domain events to the outbox (the search index reacts to them in the same transaction),
 * and writes the audit log. A refusal is audited after the rollback.
 */
export async function runCommand<T extends CommandTarget, R>(
  archive: Archive,
  actor: Actor,
  command: Command<T, R>,
): Promise<R> {
  try {
    return await archive.database.db.transaction().execute(async (db) => {
      const target = await command.resolve(db);
      // A write that names no action would pass unasked: refuse it (fail closed).
      if (target.actions.length === 0) throw new ServiceError(403, 'Handlingen er ikke tilladt.');
      for (const action of target.actions)
        requireAllowed(actor, action, target.policyTarget, target);
      await command.check?.(target, db);
      // The version moves before the change, so that what the change returns (a workspace
      // with its version) is already the new state the caller goes on from.
      if (target.meetingId !== null) await touchMeeting(db, target.meetingId);
      const events: DomainEvent[] = [];
      const context: CommandContext = {
        db,
        actor,
        recordRevision: (entry) => recordRevision(db, { ...entry, author: authorName(actor) }),
        emit: (event) => {
          events.push(event);
        },
      };
      const result = await command.apply(context, target);
      for (const event of events) {
        await appendOutboxEvent(
          db,
          event,
          authorName(actor),
          archive.outbox.consumersFor(event.type),
        );
        await indexEvent(archive.search, db, event);
      }
      await appendAuditEntry(db, {
        ...auditActor(actor),
        action: command.name,
        outcome: 'ok',
        targetType: target.auditType,
        targetId: target.auditId,
      });
      return result;
    });
  } catch (error) {
    if (error instanceof AccessRefusedError) await auditRefusal(archive, actor, error);
    throw error;
  } finally {
    if (archive.outbox.list().length > 0) archive.wakeOutbox?.();
  }
}

/**
 * Asks the policy and throws its refusal (audited by the pipeline once the transaction is
 * rolled back). Commands that touch a second target (approving the previous minutes) call it
 * for that one too.
 */
export function requireAllowed(
  actor: Actor,
  action: PolicyAction,
  policyTarget: PolicyTarget,
  audit: Pick<CommandTarget, 'auditType' | 'auditId'>,
): void {
  const decision = authorize(actor, action, policyTarget);
  if (!decision.allowed) throw new AccessRefusedError(decision, action, audit);
}

/** The actor as the audit log records it. */
export function auditActor(actor: Actor): {
  actorUserId: number | null;
  actorName: string;
  address: string | null;
} {
  return {
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorName: authorName(actor),
    address: actor.address,
  };
}

/** Writes a refused access to the audit log (outside any transaction). */
export async function auditRefusal(
  archive: Archive,
  actor: Actor,
  refusal: { action: string; auditType: string; auditId: number | string | null; message: string },
): Promise<void> {
  await appendAuditEntry(archive.database.db, {
    ...auditActor(actor),
    action: refusal.action,
    outcome: 'refused',
    targetType: refusal.auditType,
    targetId: refusal.auditId,
    detail: refusal.message,
  }).catch(() => {
    // The refusal stands even when it cannot be logged; the answer must not become a 500.
  });
}

/** A meeting command's target: the meeting as found (and locked) in the transaction. */
export interface MeetingCommandTarget extends CommandTarget {
  meeting: StoredMeetingTarget;
  meetingId: number;
}

/** A meeting target for a command: found, locked for the transaction, and named for the audit. */
export async function resolveMeeting(
  archive: Archive,
  db: Executor,
  meetingId: number | null,
  actions: readonly PolicyAction[],
  audit: { type: string; id: number } = { type: 'meeting', id: meetingId ?? 0 },
): Promise<MeetingCommandTarget> {
  const meeting =
    meetingId === null ? null : await findMeetingTarget(db, meetingId, archive.database.engine);
  if (!meeting) throw notFound(audit.type === 'item' ? 'Punktet' : 'Mødet');
  return {
    actions,
    policyTarget: meeting,
    auditType: audit.type,
    auditId: audit.id,
    meetingId: meeting.meetingId,
    meeting,
  };
}
