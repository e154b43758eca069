/**
 * Domain events: what happened, appended by the write pipeline to the outbox in the same
 * transaction as the change. Search indexing reads them in that transaction; mail, feeds and
 * follow-ups read them from the outbox after the commit.
 */
export type DomainEventType =
  | 'forum.created'
  | 'forum.saved'
  | 'meeting.created'
  | 'meeting.imported'
  | 'meeting.details_changed'
  | 'meeting.deleted'
  | 'item.added'
  | 'item.saved'
  | 'item.corrected'
  | 'item.deleted'
  | 'items.reordered'
  | 'attachment.added'
  | 'attachment.removed'
  | 'attachment.access_changed'
  | 'attachment.text_read'
  | 'absences.changed'
  | 'agenda.published'
  | 'meeting.started'
  | 'meeting.finished'
  | 'meeting.cancelled'
  | 'minutes.published'
  | 'minutes.corrected'
  | 'minutes.approved';

/** One event: its type, where it happened, and which items it touched. */
export interface DomainEvent {
  type: DomainEventType;
  meetingId: number | null;
  forumId: number | null;
  /** Items whose text or place changed (to index again). */
  itemIds?: readonly number[];
  /** Items that are gone (to drop from the index). */
  removedItemIds?: readonly number[];
  /** Anything else a reader of the event needs (a publication's number, say). */
  data?: Record<string, unknown>;
}
