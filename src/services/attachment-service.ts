import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import { detectAttachmentType, maxAttachmentBytes } from '../core/attachment-type.ts';
import type { PolicyAction } from '../core/policies/authorize.ts';
import { canReadAttachment } from '../core/policies/read-model.ts';
import { inspectAttachment } from '../parse/attachment-inspection.ts';
import { findAttachmentOwner, findMeetingIdOfItem } from '../store/access-store.ts';
import type { DatabaseSchema, FileTextStatus } from '../store/database-schema.ts';
import {
  deleteAttachment,
  findAttachment,
  insertAttachment,
  readFileBytes,
  storeFile,
  updateAttachmentAccess,
} from '../store/file-store.ts';
import { findFileTextStatus } from '../store/file-text-store.ts';
import type { Archive } from './archive-types.ts';
import { auditRefusal, resolveMeeting, runCommand } from './command-pipeline.ts';
import { precheckWrite, requireMeetingAccess } from './read-access.ts';
import { notFound, ServiceError } from './service-error.ts';

/** An uploaded Bilag as the editor lists it. */
export interface UploadedAttachment {
  id: number;
  title: string;
  fileName: string;
  mediaType: string;
  size: number;
  url: string;
  isPublic: boolean;
  /** Reading its text for search: pending for new content, else as it stands. */
  textStatus: FileTextStatus | null;
}

/**
 * Adds a Bilag to an item: PDF, DOCX or XLSX by content, checked past the first bytes (a PDF
 * must open; an Office file must be a sane zip without macros or programs), at most 25 MB. The
 * file's name gets the extension its content has, whatever the name sent, and belongs to this
 * Bilag alone even when the same bytes were uploaded before under another name.
 */
export async function uploadAttachment(
  archive: Archive,
  actor: Actor,
  itemId: number,
  upload: { bytes: Uint8Array; fileName: string; title: string | null },
): Promise<UploadedAttachment> {
  if (upload.bytes.length > maxAttachmentBytes)
    throw new ServiceError(413, 'Filen er for stor: et bilag må højst fylde 25 MB.');
  const detected = detectAttachmentType(upload.bytes);
  if (!detected.ok) throw new ServiceError(415, detected.reason);
  const baseName = upload.fileName.replace(/\.[^.]*$/u, '').trim() || 'bilag';
  const fileName = `${baseName}.${detected.type.extension}`;
  const title = upload.title?.trim() || baseName;
  const meetingId = await findMeetingIdOfItem(archive.database.db, itemId);
  if (meetingId === null) throw notFound('Punktet');
  // Opening the file takes time: outside the transaction, and only for those who may upload.
  await precheckWrite(archive, actor, meetingId, 'agenda.edit', { type: 'item', id: itemId });
  const inspected = await inspectAttachment(upload.bytes, detected.type.extension);
  if (!inspected.ok) throw new ServiceError(415, inspected.reason);
  const added = await runCommand(archive, actor, {
    name: 'attachment.add',
    resolve: async (db) => {
      const owner = await findMeetingIdOfItem(db, itemId);
      if (owner === null) throw notFound('Punktet');
      return resolveMeeting(archive, db, owner, ['agenda.edit'], { type: 'item', id: itemId });
    },
    apply: async (context, target) => {
      const fileId = await storeFile(context.db, {
        bytes: upload.bytes,
        name: fileName,
        mediaType: detected.type.mediaType,
      });
      const id = await insertAttachment(context.db, itemId, { title, fileId, fileName });
      await context.recordRevision({
        entityType: 'attachment',
        entityId: id,
        action: 'create',
        data: { before: null, itemId, title, fileId, fileName },
      });
      context.emit({
        type: 'attachment.added',
        meetingId: target.meetingId,
        forumId: target.meeting.forumId,
        itemIds: [itemId],
      });
      return {
        id,
        title,
        fileName,
        mediaType: detected.type.mediaType,
        size: upload.bytes.length,
        url: `/api/attachments/${id}`,
        isPublic: true,
        textStatus: await findFileTextStatus(context.db, fileId),
      };
    },
  });
  // Its text is read in the background, for search (services/attachment-text).
  archive.wakeAttachmentTexts?.();
  return added;
}

/**
 * Marks a Bilag public or not public: a secretary's decision about access, allowed in every
 * state of the meeting (the policy's `attachment.setAccess`), kept in the history, and seen by
 * search in the same transaction.
 */
export async function setAttachmentAccess(
  archive: Archive,
  actor: Actor,
  attachmentId: number,
  isPublic: boolean,
): Promise<{ id: number; isPublic: boolean }> {
  return runCommand(archive, actor, {
    name: 'attachment.setAccess',
    resolve: (db) => resolveAttachment(archive, db, attachmentId, 'attachment.setAccess'),
    apply: async (context, target) => {
      const before = await findAttachment(context.db, attachmentId);
      await updateAttachmentAccess(context.db, attachmentId, isPublic);
      await context.recordRevision({
        entityType: 'attachment',
        entityId: attachmentId,
        action: 'update',
        data: { before: { isPublic: before?.isPublic !== 0 }, after: { isPublic } },
      });
      context.emit({
        type: 'attachment.access_changed',
        meetingId: target.meetingId,
        forumId: target.meeting.forumId,
        itemIds: [target.itemId],
      });
      return { id: attachmentId, isPublic };
    },
  });
}

/** A Bilag's meeting as a command's target (404 when there is no such Bilag), with its item. */
async function resolveAttachment(
  archive: Archive,
  db: Kysely<DatabaseSchema>,
  attachmentId: number,
  action: PolicyAction,
) {
  const owner = await findAttachmentOwner(db, attachmentId);
  if (!owner) throw notFound('Bilaget');
  const target = await resolveMeeting(archive, db, owner.meetingId, [action], {
    type: 'attachment',
    id: attachmentId,
  });
  return { ...target, itemId: owner.itemId };
}

/** Removes a Bilag from its item; its bytes go when no other Bilag shares them. */
export async function removeAttachment(
  archive: Archive,
  actor: Actor,
  attachmentId: number,
): Promise<void> {
  await runCommand(archive, actor, {
    name: 'attachment.remove',
    resolve: (db) => resolveAttachment(archive, db, attachmentId, 'agenda.edit'),
    apply: async (context, target) => {
      const attachment = await findAttachment(context.db, attachmentId);
      await deleteAttachment(context.db, attachmentId);
      await context.recordRevision({
        entityType: 'attachment',
        entityId: attachmentId,
        action: 'delete',
        data: { before: attachment },
      });
      context.emit({
        type: 'attachment.removed',
        meetingId: target.meetingId,
        forumId: target.meeting.forumId,
        itemIds: [target.itemId],
      });
    },
  });
}

/**
 * A Bilag's file for download, only where the actor may read it (the read model's
 * `canReadAttachment`): a closed item's Bilag, or one marked not public, is 404 to readers
 * without rights, as if it did not exist.
 */
export async function downloadAttachment(archive: Archive, actor: Actor, attachmentId: number) {
  const db = archive.database.db;
  const owner = await findAttachmentOwner(db, attachmentId);
  if (!owner) throw notFound('Bilaget');
  const { access } = await requireMeetingAccess(archive, actor, owner.meetingId);
  const attachment = await findAttachment(db, attachmentId);
  if (!attachment || !canReadAttachment(owner, { isPublic: attachment.isPublic !== 0 }, access)) {
    await auditRefusal(archive, actor, {
      action: 'attachment.read',
      auditType: 'attachment',
      auditId: attachmentId,
      message: 'Bilaget findes ikke.',
    });
    throw notFound('Bilaget');
  }
  if (!attachment.fileId) throw notFound('Bilaget');
  const bytes = await readFileBytes(db, attachment.fileId);
  if (!bytes) throw notFound('Bilagets fil');
  return {
    bytes,
    fileName: attachment.fileName ?? 'bilag',
    mediaType: attachment.mediaType ?? 'application/octet-stream',
  };
}
