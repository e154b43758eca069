import { requestJson } from './client.ts';
import type {
  Attachment,
  AttachmentAccess,
  AttachmentAccessAnswer,
  EditableItem,
  ItemChanges,
} from './types.ts';

/** Saves item fields with the version they were based on; 409 when someone saved first. */
export function patchItem(
  itemId: number,
  version: number,
  changes: ItemChanges,
  options: { keepalive?: boolean } = {},
): Promise<EditableItem> {
  return requestJson(`/api/items/${itemId}`, {
    method: 'PATCH',
    body: { version, ...changes },
    keepalive: options.keepalive,
  });
}

/** Deletes an item (not item 1 or "Evt."). */
export function deleteItem(itemId: number, version: number): Promise<void> {
  return requestJson(`/api/items/${itemId}?version=${version}`, { method: 'DELETE' });
}

/** Corrects an item of approved minutes; the reason is required. */
export function correctItem(
  itemId: number,
  version: number,
  reason: string,
  changes: ItemChanges,
): Promise<EditableItem> {
  return requestJson(`/api/items/${itemId}/corrections`, {
    method: 'POST',
    body: { version, reason, changes },
  });
}

/** Uploads one Bilag as raw bytes. */
export function uploadAttachment(itemId: number, file: File, title: string): Promise<Attachment> {
  return requestJson(`/api/items/${itemId}/attachments?title=${encodeURIComponent(title)}`, {
    method: 'POST',
    body: file,
    headers: {
      'content-type': file.type || 'application/octet-stream',
      'x-file-name': encodeURIComponent(file.name),
    },
  });
}

/** Deletes a Bilag. */
export function deleteAttachment(attachmentId: number): Promise<void> {
  return requestJson(`/api/attachments/${attachmentId}`, { method: 'DELETE' });
}

/**
 * Marks a Bilag public or not public: not public, the public sees only its title. The forum's
 * secretaries may do it in every state of the meeting, also for approved minutes.
 */
export function setAttachmentAccess(
  attachmentId: number,
  access: AttachmentAccess,
): Promise<AttachmentAccessAnswer> {
  return requestJson(`/api/attachments/${attachmentId}/access`, { method: 'PUT', body: access });
}

/** The body of a 409 on an item: what was sent and what is stored. */
export interface ItemConflict {
  error: string;
  current: EditableItem;
}

/** Reads a 409 body, when it carries the stored item. */
export function itemConflictOf(body: unknown): ItemConflict | null {
  if (!body || typeof body !== 'object' || !('current' in body)) return null;
  const current = (body as { current: unknown }).current;
  if (!current || typeof current !== 'object' || !('version' in current)) return null;
  const error = 'error' in body && typeof body.error === 'string' ? body.error : '';
  return { error, current: current as EditableItem };
}

/** The path of a meeting's history, for loading with useApiData. */
export function revisionsPath(meetingId: number): string {
  return `/api/meetings/${meetingId}/revisions`;
}
