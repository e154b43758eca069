import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** Stores a file's bytes once per content (SHA-256) and returns the file's id. */
export async function storeFile(
  db: Executor,
  file: { bytes: Uint8Array; name: string; mediaType: string },
): Promise<number> {
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const found = await db
    .selectFrom('files')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (found) return found.id;
  const inserted = await db
    .insertInto('files')
    .values({
      sha256,
      name: file.name,
      media_type: file.mediaType,
      size: file.bytes.length,
      storage_key: 'database',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('file_contents')
    .values({ id: inserted.id, content_base64: Buffer.from(file.bytes).toString('base64') })
    .execute();
  // Its text is read in the background (services/attachment-text), once per content.
  await db
    .insertInto('file_texts')
    .values({ file_id: inserted.id, status: 'pending', updated_at: new Date().toISOString() })
    .execute();
  return inserted.id;
}

/**
 * Adds an attachment to the end of an item's Bilag; returns its id. The file name belongs to
 * the attachment: two uploads of the same bytes share the stored content, not their names.
 */
export async function insertAttachment(
  db: Executor,
  itemId: number,
  attachment: { title: string; fileId: number; fileName: string; isPublic?: boolean },
): Promise<number> {
  const last = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  const position =
    last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  const row = await db
    .insertInto('attachments')
    .values({
      item_id: itemId,
      position,
      title: attachment.title,
      file_id: attachment.fileId,
      file_name: attachment.fileName,
      file_reference: null,
      is_public: attachment.isPublic === false ? 0 : 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An attachment's item and file facts, or null. */
export async function findAttachment(db: Executor, attachmentId: number) {
  const row = await db
    .selectFrom('attachments')
    .leftJoin('files', 'files.id', 'attachments.file_id')
    .select([
      'attachments.id',
      'attachments.item_id as itemId',
      'attachments.title',
      'attachments.file_id as fileId',
      'attachments.file_name as fileName',
      'attachments.is_public as isPublic',
      'files.media_type as mediaType',
    ])
    .where('attachments.id', '=', attachmentId)
    .executeTakeFirst();
  return row ?? null;
}

/** Marks a Bilag public (1) or not public (0). */
export async function updateAttachmentAccess(
  db: Executor,
  attachmentId: number,
  isPublic: boolean,
): Promise<void> {
  await db
    .updateTable('attachments')
    .set({ is_public: isPublic ? 1 : 0 })
    .where('id', '=', attachmentId)
    .execute();
}

/** A stored file's bytes, or null when the content is not stored here. */
export async function readFileBytes(db: Executor, fileId: number): Promise<Buffer | null> {
  const row = await db
    .selectFrom('file_contents')
    .select('content_base64')
    .where('id', '=', fileId)
    .executeTakeFirst();
  return row ? Buffer.from(row.content_base64, 'base64') : null;
}

/** Removes an attachment; its file goes too when no other attachment refers to it. */
export async function deleteAttachment(db: Executor, attachmentId: number): Promise<void> {
  const removed = await db
    .deleteFrom('attachments')
    .where('id', '=', attachmentId)
    .returning('file_id')
    .executeTakeFirst();
  if (removed?.file_id) await deleteUnreferencedFiles(db, [removed.file_id]);
}

/**
 * Deletes those of these files (and their bytes) that no attachment refers to any more: what
 * deleting an attachment, an item or a meeting leaves behind.
 */
export async function deleteUnreferencedFiles(
  db: Executor,
  fileIds: readonly number[],
): Promise<void> {
  if (fileIds.length === 0) return;
  const stillUsed = await db
    .selectFrom('attachments')
    .select('file_id')
    .where('file_id', 'in', [...fileIds])
    .execute();
  const used = new Set(stillUsed.map((row) => row.file_id));
  const orphans = fileIds.filter((id) => !used.has(id));
  if (orphans.length === 0) return;
  await db.deleteFrom('file_texts').where('file_id', 'in', orphans).execute();
  await db.deleteFrom('file_contents').where('id', 'in', orphans).execute();
  await db.deleteFrom('files').where('id', 'in', orphans).execute();
}

/** The stored files the attachments of these items refer to (before the items are deleted). */
export async function listFileIdsOfItems(
  db: Executor,
  itemIds: readonly number[],
): Promise<number[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('attachments')
    .select('file_id')
    .where('item_id', 'in', [...itemIds])
    .where('file_id', 'is not', null)
    .execute();
  return rows.map((row) => row.file_id).filter((id): id is number => id !== null);
}
