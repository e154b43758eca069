import type { SearchProvider } from '../search/search-provider.ts';
import type { Database } from '../store/database.ts';
import type { MailStatus } from './mail/mail-settings.ts';
import type { OutboxRegistry } from './outbox/outbox-registry.ts';

/**
 * The open archive: its database, the search provider that suits the database's engine, and
 * the outbox's consumers (mail, feeds …) that read the write pipeline's events. The type lives
 * apart from the composition root (archive.ts), which registers the consumers: the services
 * name the type, and the root names the services, without a circle between them.
 */
export interface Archive {
  database: Database;
  search: SearchProvider;
  outbox: OutboxRegistry;
  /** Tells a running outbox worker that new events wait (set by the worker when it starts). */
  wakeOutbox?: () => void;
  /** Tells a running Bilag text reader that new files wait (services/attachment-text). */
  wakeAttachmentTexts?: () => void;
  /** How e-mail goes out (set when the mail is registered; without it, no mail is sent). */
  mail?: MailStatus;
  /** REFERAT_CASE_URL: journal numbers link to the case system (services/case-link-settings). */
  caseUrlTemplate?: string | null;
  close(): Promise<void>;
}
