import type { Actor } from '../../core/actor.ts';
import {
  listMeetingMailDeliveries,
  listOpenMailEvents,
  type StoredMailDelivery,
} from '../../store/mail-store.ts';
import type { Archive } from '../archive-types.ts';
import { requireMeetingAccess, requirePolicy } from '../read-access.ts';
import { mailConsumerName } from './register-mail.ts';

/** One recipient's mail as the delivery panel shows it. */
export type MailDeliveryView = Omit<StoredMailDelivery, 'eventId' | 'meetingId'>;

/** An event whose mail has not gone out yet: waiting for the worker, or given up. */
export interface QueuedMail {
  eventId: number;
  type: string;
  status: 'pending' | 'failed';
  /** Why the last attempt failed (the worker tries again, unless given up). */
  error: string | null;
}

/** A meeting's e-mail: how mail goes out here, what was sent to whom, and what still waits. */
export interface MeetingMailDeliveries {
  transport: {
    /** 'smtp': a mail server; 'files': .eml files in `directory`; 'none': no mail here. */
    kind: 'smtp' | 'files' | 'none';
    directory: string | null;
  };
  deliveries: MailDeliveryView[];
  queue: QueuedMail[];
}

/**
 * The meeting's e-mail deliveries, for its forum's secretaries and the administrators (the
 * policy's secretaries-only read, as for a preview): the recipients' addresses are not for
 * every reader. A meeting the actor may not read at all is 404, as everywhere.
 */
export async function getMeetingMailDeliveries(
  archive: Archive,
  actor: Actor,
  meetingId: number,
): Promise<MeetingMailDeliveries> {
  const readable = await requireMeetingAccess(archive, actor, meetingId);
  await requirePolicy(archive, actor, 'meeting.preview', readable.target, {
    type: 'meeting',
    id: meetingId,
  });
  const db = archive.database.db;
  const deliveries = await listMeetingMailDeliveries(db, meetingId);
  const queue = archive.mail ? await listOpenMailEvents(db, meetingId, mailConsumerName) : [];
  return {
    transport: archive.mail
      ? { kind: archive.mail.transport, directory: archive.mail.directory }
      : { kind: 'none', directory: null },
    deliveries: deliveries.map(({ eventId: _eventId, meetingId: _meetingId, ...entry }) => entry),
    queue: queue.map((entry) => ({
      eventId: entry.eventId,
      type: entry.type,
      status: entry.status,
      error: entry.lastError,
    })),
  };
}
