import { detectAttachmentType, maxAttachmentBytes } from '../core/attachment-type.ts';
import {
  deleteAttachment,
  findAttachment,
  insertAttachment,
  readFileBytes,
  storeFile,
} from '../store/file-store.ts';
import { recordRevision, touchMeeting } from '../store/item-store.ts';
import type { Archive } from './archive.ts';
import type { Author } from './item-service.ts';
import { notFound, ServiceError } from './service-error.ts';
import { itemForWriting } from './write-access.ts';

/** An uploaded Bilag as the editor lists it. */
export interface UploadedAttachment {
  id: number;
  title: string;
  fileName: string;
  mediaType: string;
  size: number;
  url: string;
}

/**
 * Adds a Bilag to an item: PDF, DOCX or XLSX by content, at most 25 MB. The file's name gets
 * the extension its content has, whatever the name sent.
 */
export async function uploadAttachment(
  archive: Archive,
  itemId: number,
  upload: { bytes: Uint8Array; fileName: string; title: string | null },
  who: Author,
): Promise<UploadedAttachment> {
  if (upload.bytes.length > maxAttachmentBytes)
    throw new ServiceError(413, 'Filen er for stor: et bilag må højst fylde 25 MB.');
  const detected = detectAttachmentType(upload.bytes);
  if (!detected.ok) throw new ServiceError(415, detected.reason);
  const baseName = upload.fileName.replace(/\.[^.]*$/u, '').trim() || 'bilag';
  const fileName = `${baseName}.${detected.type.extension}`;
  const title = upload.title?.trim() || baseName;
  return archive.database.db.transaction().execute(async (db) => {
    const meetingId = await writableMeetingOf(db, itemId);
    const fileId = await storeFile(db, {
      bytes: upload.bytes,
      name: fileName,
      mediaType: detected.type.mediaType,
    });
    const id = await insertAttachment(db, itemId, { title, fileId });
    await touchMeeting(db, meetingId);
    await recordRevision(db, {
      entityType: 'attachment',
      entityId: id,
      action: 'create',
      author: who.author,
      data: { before: null, itemId, title, fileId },
    });
    await archive.search.indexItems(db, [itemId]);
    return {
      id,
      title,
      fileName,
      mediaType: detected.type.mediaType,
      size: upload.bytes.length,
      url: `/api/attachments/${id}`,
    };
  });
}

/** Removes a Bilag from its item. */
export async function removeAttachment(
  archive: Archive,
  attachmentId: number,
  who: Author,
): Promise<void> {
  await archive.database.db.transaction().execute(async (db) => {
    const attachment = await findAttachment(db, attachmentId);
    if (!attachment) throw notFound('Bilaget');
    const meetingId = await writableMeetingOf(db, attachment.itemId);
    await deleteAttachment(db, attachmentId);
    await touchMeeting(db, meetingId);
    await recordRevision(db, {
      entityType: 'attachment',
      entityId: attachmentId,
      action: 'delete',
      author: who.author,
      data: { before: attachment },
    });
    await archive.search.indexItems(db, [attachment.itemId]);
  });
}

/** A Bilag's file for download. */
export async function downloadAttachment(archive: Archive, attachmentId: number) {
  const db = archive.database.db;
  const attachment = await findAttachment(db, attachmentId);
  if (!attachment?.fileId) throw notFound('Bilaget');
  const bytes = await readFileBytes(db, attachment.fileId);
  if (!bytes) throw notFound('Bilagets fil');
  return {
    bytes,
    fileName: attachment.fileName ?? 'bilag',
    mediaType: attachment.mediaType ?? 'application/octet-stream',
  };
}

async function writableMeetingOf(db: Parameters<typeof itemForWriting>[0], itemId: number) {
  return (await itemForWriting(db, itemId)).meetingId;
}
