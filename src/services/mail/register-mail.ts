import type { DomainEventType } from '../../core/domain-events.ts';
import type { Archive } from '../archive-types.ts';
import type { OutboxConsumer } from '../outbox/outbox-registry.ts';
import type { MailSettings } from './mail-settings.ts';
import type { MailTransport } from './mail-transport.ts';
import type { MailContext } from './mail-types.ts';

export type { MailStatus } from './mail-settings.ts';

/** The outbox consumer's name: its deliveries are kept under it. */
export const mailConsumerName = 'mail';

/**
 * The events the mail reacts to: a published agenda (with the invitation) or minutes, a
 * correction, a meeting moved after its agenda is out (an updated invitation), afbud after it
 * (the deputy's invitation), and a cancelled meeting (the invitation withdrawn).
 */
export const mailEventTypes: ReadonlySet<DomainEventType> = new Set<DomainEventType>([
  'agenda.published',
  'minutes.published',
  'minutes.corrected',
  'meeting.details_changed',
  'absences.changed',
  'meeting.cancelled',
]);

/**
 * Registers the mail with the archive's outbox: every event it reacts to gets a delivery in
 * the writer's transaction, which the outbox worker hands to it after the commit and retries
 * with back-off when a mail server is away. The sending code (nodemailer, the PDF renderer)
 * is loaded on the first delivery, so that opening an archive stays light for the CLI.
 */
export function registerMail(
  archive: Archive,
  settings: MailSettings,
  options: { transport?: MailTransport } = {},
): OutboxConsumer {
  let transport: Promise<MailTransport> | null = options.transport
    ? Promise.resolve(options.transport)
    : null;
  const context: MailContext = {
    archive,
    settings,
    transport: () => {
      transport ??= import('./mail-transport.ts').then((module) =>
        module.createMailTransport(settings),
      );
      return transport;
    },
  };
  archive.mail = {
    transport: options.transport?.kind ?? (settings.smtpUrl ? 'smtp' : 'files'),
    directory: options.transport
      ? options.transport.directory
      : settings.smtpUrl
        ? null
        : settings.outboxDirectory,
  };
  const consumer: OutboxConsumer = {
    name: mailConsumerName,
    handles: (type) => mailEventTypes.has(type),
    // Ten attempts with the worker's back-off span about four hours: a mail server down for a
    // morning still gets the agenda out the same day.
    maxAttempts: 10,
    async handle(delivery) {
      const { deliverMail } = await import('./mail-consumer.ts');
      await deliverMail(context, delivery);
    },
  };
  archive.outbox.register(consumer);
  return consumer;
}

export type { MailContext } from './mail-types.ts';
