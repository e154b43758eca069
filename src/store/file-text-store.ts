import type { Kysely } from 'kysely';
import type { DatabaseSchema, FileTextStatus } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** A stored file whose text is to be read, claimed by one worker. */
export interface ClaimedFileText {
  fileId: number;
  name: string;
  mediaType: string;
}

/** What reading a file's text gave. */
export interface FileTextResult {
  status: Exclude<FileTextStatus, 'pending' | 'working'>;
  method: string | null;
  text: string | null;
  note: string | null;
}

/** Claims tried before giving up when other instances take the same rows. */
const claimAttempts = 5;

/**
 * Claims the next file whose text is to be read: a pending one, or one whose reader stopped
 * (`working` since before `staleBefore`, an instance killed mid-OCR). The claim is a
 * conditional update, which only one instance can win on either engine, so several instances
 * on one database never read a file twice at once.
 */
export async function claimPendingFileText(
  db: Executor,
  staleBefore: string,
): Promise<ClaimedFileText | null> {
  for (let attempt = 0; attempt < claimAttempts; attempt++) {
    const candidate = await db
      .selectFrom('file_texts')
      .innerJoin('files', 'files.id', 'file_texts.file_id')
      .select([
        'file_texts.file_id as fileId',
        'file_texts.status',
        'file_texts.updated_at as updatedAt',
        'files.name',
        'files.media_type as mediaType',
      ])
      .where((eb) =>
        eb.or([
          eb('file_texts.status', '=', 'pending'),
          eb.and([
            eb('file_texts.status', '=', 'working'),
            eb('file_texts.updated_at', '<', staleBefore),
          ]),
        ]),
      )
      .orderBy('file_texts.file_id')
      .limit(1)
      .executeTakeFirst();
    if (!candidate) return null;
    const claimed = await db
      .updateTable('file_texts')
      .set({ status: 'working', updated_at: new Date().toISOString() })
      .where('file_id', '=', candidate.fileId)
      .where('status', '=', candidate.status)
      .where('updated_at', '=', candidate.updatedAt)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 1)
      return { fileId: candidate.fileId, name: candidate.name, mediaType: candidate.mediaType };
  }
  return null;
}

/** Saves what reading a file gave; its file may be gone by now (then nothing is saved). */
export async function saveFileText(
  db: Executor,
  fileId: number,
  result: FileTextResult,
): Promise<void> {
  await db
    .updateTable('file_texts')
    .set({ ...result, updated_at: new Date().toISOString() })
    .where('file_id', '=', fileId)
    .execute();
}

/** Gives a claimed file back to the waiting ones (its reader was stopped). */
export async function releaseFileText(db: Executor, fileId: number): Promise<void> {
  await db
    .updateTable('file_texts')
    .set({ status: 'pending', updated_at: new Date().toISOString() })
    .where('file_id', '=', fileId)
    .where('status', '=', 'working')
    .execute();
}

/** The items whose Bilag use this file: to be indexed again once its text is read. */
export async function listItemIdsUsingFile(db: Executor, fileId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('attachments')
    .select('item_id')
    .distinct()
    .where('file_id', '=', fileId)
    .execute();
  return rows.map((row) => row.item_id);
}

/** How many files are in each state of text reading: the work left, for progress and metrics. */
export async function countFileTexts(db: Executor): Promise<Record<FileTextStatus, number>> {
  const rows = await db
    .selectFrom('file_texts')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('status')
    .execute();
  const counts: Record<FileTextStatus, number> = {
    pending: 0,
    working: 0,
    done: 0,
    failed: 0,
    none: 0,
  };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

/** Where reading a file's text stands, or null when the file has no such row. */
export async function findFileTextStatus(
  db: Executor,
  fileId: number,
): Promise<FileTextStatus | null> {
  const row = await db
    .selectFrom('file_texts')
    .select('status')
    .where('file_id', '=', fileId)
    .executeTakeFirst();
  return row?.status ?? null;
}
