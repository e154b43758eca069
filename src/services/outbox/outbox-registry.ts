import type { DomainEvent, DomainEventType } from '../../core/domain-events.ts';
import type { ClaimedDelivery } from '../../store/outbox-store.ts';

/**
 * Something that reacts to events after they are committed (mail, feeds, follow-ups): each
 * event it handles is delivered to it once, retried with back-off when it fails.
 */
export interface OutboxConsumer {
  /** A stable name: deliveries are kept per consumer under it. */
  name: string;
  /** Whether this consumer wants events of this type (decided when the event is appended). */
  handles(type: DomainEventType): boolean;
  /** Handles one delivery; throwing means "try again later". */
  handle(delivery: ClaimedDelivery): Promise<void>;
  /** Attempts before a delivery is given up as failed; 8 unless set. */
  maxAttempts?: number;
}

/**
 * Reacts to an event inside the writer's transaction: for what must never disagree with the
 * data, such as the search index (a closed item must leave the public index in the same
 * commit that closes it).
 */
export type TransactionalSubscriber<Db> = (db: Db, event: DomainEvent) => Promise<void>;

/** The consumers an archive's outbox delivers to. */
export class OutboxRegistry {
  readonly #consumers = new Map<string, OutboxConsumer>();

  /** Adds a consumer; its name must be new. */
  register(consumer: OutboxConsumer): void {
    if (this.#consumers.has(consumer.name))
      throw new Error(`outbox-forbrugeren ${consumer.name} findes allerede`);
    this.#consumers.set(consumer.name, consumer);
  }

  /** The names of the consumers that want an event of this type. */
  consumersFor(type: DomainEventType): string[] {
    return [...this.#consumers.values()]
      .filter((consumer) => consumer.handles(type))
      .map((consumer) => consumer.name);
  }

  /** Every registered consumer. */
  list(): OutboxConsumer[] {
    return [...this.#consumers.values()];
  }
}
