import { claimDeliveries, markDeliveryDone, markDeliveryFailed } from '../../store/outbox-store.ts';
import type { Archive } from '../archive-types.ts';
import { startBackgroundPasses } from '../background-passes.ts';
import type { OutboxConsumer } from './outbox-registry.ts';

/** How the worker paces itself. */
export interface OutboxWorkerOptions {
  /** How often to look for due deliveries when nothing wakes the worker; 5 s unless set. */
  intervalMs?: number;
  /** Deliveries claimed at a time per consumer. */
  batchSize?: number;
  /** How long a claim holds before another worker may take the delivery over. */
  leaseMs?: number;
}

/** A running outbox worker. */
export interface OutboxWorker {
  /** Look for due deliveries now (the write pipeline calls it after a commit). */
  wake(): void;
  /** Stops after the pass under way. */
  stop(): Promise<void>;
}

const defaultMaxAttempts = 8;

/**
 * Delivers due events to every consumer once: claims a batch, hands each delivery to its
 * consumer, and marks it done, or schedules a retry with back-off (30 s, 1 min, 2 min … up to
 * an hour), giving up after the consumer's attempts. Returns how many were delivered. Several
 * workers (instances) may run this at once: a claim is exclusive.
 */
export async function deliverDueEvents(
  archive: Archive,
  options: OutboxWorkerOptions & { now?: Date } = {},
): Promise<number> {
  let delivered = 0;
  for (const consumer of archive.outbox.list())
    delivered += await deliverTo(archive, consumer, options);
  return delivered;
}

async function deliverTo(
  archive: Archive,
  consumer: OutboxConsumer,
  options: OutboxWorkerOptions & { now?: Date },
): Promise<number> {
  const db = archive.database.db;
  const claimed = await claimDeliveries(db, archive.database.engine, consumer.name, {
    limit: options.batchSize ?? 20,
    leaseMs: options.leaseMs ?? 60_000,
    now: options.now,
  });
  let delivered = 0;
  for (const delivery of claimed) {
    try {
      await consumer.handle(delivery);
      await markDeliveryDone(db, delivery.eventId, consumer.name);
      delivered++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const isLastAttempt = delivery.attempts >= (consumer.maxAttempts ?? defaultMaxAttempts);
      const now = options.now ?? new Date();
      const retryAt = isLastAttempt ? null : new Date(now.getTime() + backOffMs(delivery.attempts));
      await markDeliveryFailed(db, delivery.eventId, consumer.name, message, retryAt);
    }
  }
  return delivered;
}

/** The wait before the next attempt: 30 s doubled per attempt, at most an hour. */
export function backOffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
}

/**
 * Starts the outbox worker of an instance: a pass now, one whenever the write pipeline wakes
 * it, and one every interval (for retries and for events other instances wrote). Errors of a
 * pass (the database away for a moment) are left for the next one.
 */
export function startOutboxWorker(
  archive: Archive,
  options: OutboxWorkerOptions = {},
): OutboxWorker {
  const passes = startBackgroundPasses(async () => {
    await deliverDueEvents(archive, options);
    return false;
  }, options.intervalMs ?? 5_000);
  archive.wakeOutbox = passes.wake;
  return {
    wake: passes.wake,
    async stop() {
      if (archive.wakeOutbox === passes.wake) archive.wakeOutbox = undefined;
      await passes.stop();
    },
  };
}
