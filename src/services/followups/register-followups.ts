import type { DomainEventType } from '../../core/domain-events.ts';
import type { Archive } from '../archive-types.ts';
import type { OutboxConsumer } from '../outbox/outbox-registry.ts';

/** The outbox consumer's name: its deliveries are kept under it. */
export const followupsConsumerName = 'followups';

/**
 * The events that may bring new follow-ups: the minutes published (again) or corrected, and a
 * decision saved or corrected once they are out (earlier saves find a meeting not yet
 * published, and nothing happens).
 */
export const followupEventTypes: ReadonlySet<DomainEventType> = new Set<DomainEventType>([
  'minutes.published',
  'minutes.corrected',
  'item.saved',
  'item.corrected',
]);

/** Events about the whole minutes: every item is read, not only those the event names. */
const wholeMeetingEvents: ReadonlySet<DomainEventType> = new Set<DomainEventType>([
  'minutes.published',
  'minutes.corrected',
]);

/**
 * Registers the follow-ups with the archive's outbox: after a publication or a saved
 * decision, the worker finds the follow-ups in the decisions and stores the new ones as
 * suggestions for the secretary (services/followups/followup-suggestions). The finding code is
 * loaded on the first delivery, so that opening an archive stays light for the CLI.
 */
export function registerFollowups(archive: Archive): OutboxConsumer {
  const consumer: OutboxConsumer = {
    name: followupsConsumerName,
    handles: (type) => followupEventTypes.has(type),
    async handle(delivery) {
      const { event } = delivery;
      if (event.meetingId === null) return;
      const { suggestFollowups } = await import('./followup-suggestions.ts');
      await suggestFollowups(
        archive,
        event.meetingId,
        wholeMeetingEvents.has(event.type) ? {} : { itemIds: event.itemIds ?? [] },
      );
    },
  };
  archive.outbox.register(consumer);
  return consumer;
}
