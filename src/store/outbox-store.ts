import { type Kysely, sql } from 'kysely';
import type { DomainEvent } from '../core/domain-events.ts';
import type { DatabaseEngine } from './database.ts';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * Appends an event to the outbox, with a pending delivery for each consumer that reads it
 * after the commit. Runs in the writer's transaction: the event exists if and only if the
 * change does.
 */
export async function appendOutboxEvent(
  db: Executor,
  event: DomainEvent,
  actorName: string,
  consumers: readonly string[],
): Promise<number> {
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto('outbox_events')
    .values({
      type: event.type,
      meeting_id: event.meetingId,
      forum_id: event.forumId,
      payload: JSON.stringify(event),
      actor_name: actorName,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (consumers.length > 0)
    await db
      .insertInto('outbox_deliveries')
      .values(
        consumers.map((consumer) => ({
          event_id: id,
          consumer,
          status: 'pending',
          attempts: 0,
          available_at: now,
          last_error: null,
          done_at: null,
        })),
      )
      .execute();
  return id;
}

/** A delivery claimed by a worker, with its event. */
export interface ClaimedDelivery {
  eventId: number;
  consumer: string;
  attempts: number;
  event: DomainEvent;
  createdAt: string;
}

/**
 * Claims up to `limit` due deliveries of one consumer, oldest first, by raising their attempt
 * count and moving their time on by `leaseMs`: a worker that dies mid-way leaves them to be
 * claimed again after the lease. On PostgreSQL `for update skip locked` lets several
 * instances claim at once without taking the same delivery.
 */
export async function claimDeliveries(
  db: Executor,
  engine: DatabaseEngine,
  consumer: string,
  options: { limit: number; leaseMs: number; now?: Date },
): Promise<ClaimedDelivery[]> {
  const now = options.now ?? new Date();
  const nowText = now.toISOString();
  const leaseUntil = new Date(now.getTime() + options.leaseMs).toISOString();
  return db.transaction().execute(async (trx) => {
    const lock = engine === 'postgres' ? sql` for update skip locked` : sql``;
    const due = await sql<{ event_id: number; attempts: number }>`
      select event_id, attempts from outbox_deliveries
      where consumer = ${consumer} and status = 'pending' and available_at <= ${nowText}
      order by event_id limit ${options.limit}${lock}`.execute(trx);
    if (due.rows.length === 0) return [];
    const ids = due.rows.map((row) => Number(row.event_id));
    await trx
      .updateTable('outbox_deliveries')
      .set((eb) => ({ attempts: eb('attempts', '+', 1), available_at: leaseUntil }))
      .where('consumer', '=', consumer)
      .where('event_id', 'in', ids)
      .execute();
    const events = await trx
      .selectFrom('outbox_events')
      .select(['id', 'payload', 'created_at'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    const attempts = new Map(due.rows.map((row) => [Number(row.event_id), Number(row.attempts)]));
    return events.map((row) => ({
      eventId: row.id,
      consumer,
      attempts: (attempts.get(row.id) ?? 0) + 1,
      event: JSON.parse(row.payload) as DomainEvent,
      createdAt: row.created_at,
    }));
  });
}

/** Marks a delivery handled: it is never handed out again. */
export async function markDeliveryDone(
  db: Executor,
  eventId: number,
  consumer: string,
): Promise<void> {
  await db
    .updateTable('outbox_deliveries')
    .set({ status: 'done', done_at: new Date().toISOString(), last_error: null })
    .where('event_id', '=', eventId)
    .where('consumer', '=', consumer)
    .execute();
}

/**
 * Records a failed attempt: the delivery is tried again at `retryAt`, or, with `retryAt`
 * null, given up as failed (kept with its error, for the meeting's delivery state).
 */
export async function markDeliveryFailed(
  db: Executor,
  eventId: number,
  consumer: string,
  error: string,
  retryAt: Date | null,
): Promise<void> {
  await db
    .updateTable('outbox_deliveries')
    .set({
      status: retryAt ? 'pending' : 'failed',
      available_at: (retryAt ?? new Date()).toISOString(),
      last_error: error.slice(0, 2000),
    })
    .where('event_id', '=', eventId)
    .where('consumer', '=', consumer)
    .execute();
}

/** The events of a meeting, oldest first (for its history and for tests). */
export async function listOutboxEvents(
  db: Executor,
  options: { meetingId?: number; afterId?: number; limit?: number } = {},
): Promise<Array<DomainEvent & { id: number; actorName: string | null; createdAt: string }>> {
  let query = db.selectFrom('outbox_events').selectAll().orderBy('id');
  if (options.meetingId !== undefined) query = query.where('meeting_id', '=', options.meetingId);
  if (options.afterId !== undefined) query = query.where('id', '>', options.afterId);
  const rows = await query.limit(options.limit ?? 1000).execute();
  return rows.map((row) => ({
    ...(JSON.parse(row.payload) as DomainEvent),
    id: row.id,
    actorName: row.actor_name,
    createdAt: row.created_at,
  }));
}

/** Deliveries waiting per consumer (pending, due or not): the outbox's queue, for metrics. */
export async function countPendingDeliveries(
  db: Kysely<DatabaseSchema>,
): Promise<Array<{ consumer: string; count: number }>> {
  const rows = await db
    .selectFrom('outbox_deliveries')
    .select(['consumer', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', '=', 'pending')
    .groupBy('consumer')
    .execute();
  return rows.map((row) => ({ consumer: row.consumer, count: Number(row.count) }));
}
