import type { Insertable, Kysely } from 'kysely';
import { parseCaseNumber } from '../core/case-number.ts';
import type { AgendaItem, Meeting } from '../core/meeting.ts';
import type { DatabaseSchema } from './database-schema.ts';
import { deleteUnreferencedFiles, listFileIdsOfItems, storeFile } from './file-store.ts';
import { loadMeetingDocuments } from './meeting-reader.ts';

type Executor = Kysely<DatabaseSchema>;

/** What saving a meeting did: its id, the ids of its items (for the search index), new or not. */
export interface SavedMeeting {
  meetingId: number;
  forumId: number;
  itemIds: number[];
  isNew: boolean;
  /** Item ids the meeting had before, now gone (for the search index). */
  removedItemIds: number[];
}

/** Who made a change and why, for the revision history. */
export interface ChangeAuthor {
  author?: string | null;
  reason?: string | null;
}

/**
 * A Bilag's file as an import found it beside the export, and whether the export marks the
 * Bilag public. One entry per attachment of each item, in order; null where nothing is known.
 */
export interface ImportedAttachmentFile {
  file: { bytes: Uint8Array; name: string; mediaType: string } | null;
  isPublic: boolean;
}

/** What an imported export says beyond the model: for the meeting and per item, in order. */
export interface MeetingSourceMetadata {
  meeting: Record<string, unknown>;
  items: ReadonlyArray<Record<string, unknown>>;
}

/**
 * Saves a whole Meeting document. A meeting is identified by its forum and date, so importing
 * the same meeting twice updates it rather than duplicating it; its items are replaced. Call it
 * inside a transaction: one meeting, one transaction. Records a revision holding the document
 * as it was before the change (nothing for a new meeting): with the current state in the
 * tables, the chain of revisions gives back every earlier version, and a bulk import of new
 * meetings does not write every text twice.
 */
export async function saveMeetingDocument(
  db: Executor,
  meeting: Meeting,
  change: ChangeAuthor & {
    action?: string;
    sourceMetadata?: MeetingSourceMetadata | null;
    attachmentFiles?: ReadonlyArray<ReadonlyArray<ImportedAttachmentFile | null>>;
  } = {},
): Promise<SavedMeeting> {
  const now = new Date().toISOString();
  const sourceMetadata = change.sourceMetadata ?? null;
  const forumId = await ensureForum(db, meeting.forum, now);
  const existing = await db
    .selectFrom('meetings')
    .select(['id', 'version'])
    .where('forum_id', '=', forumId)
    .where('date', '=', meeting.date)
    .executeTakeFirst();
  let meetingId: number;
  let removedItemIds: number[] = [];
  let previous: Meeting | null = null;
  let replacedFileIds: number[] = [];
  if (existing) {
    meetingId = existing.id;
    [previous = null] = await loadMeetingDocuments(db, [meetingId]);
    const oldItems = await db
      .selectFrom('agenda_items')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .execute();
    removedItemIds = oldItems.map((item) => item.id);
    replacedFileIds = await listFileIdsOfItems(db, removedItemIds);
    await db.deleteFrom('agenda_items').where('meeting_id', '=', meetingId).execute();
    await db
      .updateTable('meetings')
      .set({
        kind: meeting.kind,
        start: meeting.start ?? null,
        location: meeting.location ?? null,
        version: existing.version + 1,
        updated_at: now,
        source_metadata: sourceMetadata ? JSON.stringify(sourceMetadata.meeting) : null,
      })
      .where('id', '=', meetingId)
      .execute();
  } else {
    const inserted = await db
      .insertInto('meetings')
      .values({
        forum_id: forumId,
        kind: meeting.kind,
        date: meeting.date,
        start: meeting.start ?? null,
        location: meeting.location ?? null,
        status: meeting.kind === 'minutes' ? 'minutes_published' : 'agenda_published',
        version: 1,
        created_at: now,
        updated_at: now,
        source_metadata: sourceMetadata ? JSON.stringify(sourceMetadata.meeting) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    meetingId = inserted.id;
  }
  const itemIds = await insertItems(db, meetingId, meeting.items, now, {
    itemMetadata: sourceMetadata?.items,
    attachmentFiles: change.attachmentFiles,
  });
  // After the new items: a Bilag imported again keeps its stored file and the text read from it.
  await deleteUnreferencedFiles(db, replacedFileIds);
  await db
    .insertInto('revisions')
    .values({
      entity_type: 'meeting',
      entity_id: meetingId,
      action: change.action ?? (existing ? 'update' : 'create'),
      author: change.author ?? null,
      reason: change.reason ?? null,
      data: JSON.stringify(
        previous
          ? { before: previous }
          : { before: null, forum: meeting.forum, date: meeting.date },
      ),
      created_at: now,
    })
    .execute();
  return { meetingId, forumId, itemIds, isNew: !existing, removedItemIds };
}

async function ensureForum(db: Executor, name: string, now: string): Promise<number> {
  const found = await db
    .selectFrom('forums')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  if (found) return found.id;
  const inserted = await db
    .insertInto('forums')
    .values({ name, abbreviation: null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

async function insertItems(
  db: Executor,
  meetingId: number,
  items: readonly AgendaItem[],
  now: string,
  extra: {
    itemMetadata?: MeetingSourceMetadata['items'];
    attachmentFiles?: ReadonlyArray<ReadonlyArray<ImportedAttachmentFile | null>>;
  },
): Promise<number[]> {
  const itemMetadata = extra.itemMetadata ?? [];
  const caseIds = await ensureCases(
    db,
    items.map((item) => item.caseNumber).filter((value): value is string => !!value),
  );
  const personIds = await ensurePeople(
    db,
    items.flatMap((item) => item.absent.map((absence) => absence.name)),
  );
  const itemIds: number[] = [];
  const points: DatabaseSchema['recommendation_points'][] = [];
  const attachments: Array<Insertable<DatabaseSchema['attachments']>> = [];
  const absences: DatabaseSchema['absences'][] = [];
  // All items in multi-row inserts, then their ids by position: two statements per meeting
  // instead of one per item (a bulk import writes ~100,000 items).
  const itemRows = items.map((item, position) => ({
    meeting_id: meetingId,
    number: item.number,
    position,
    title: item.title,
    case_id: item.caseNumber ? (caseIds.get(item.caseNumber) ?? null) : null,
    closed: item.closed ? 1 : 0,
    duration_minutes: item.durationMinutes ?? null,
    background: item.background,
    presentation: item.presentation,
    proposer: item.recommendation ? item.recommendation.proposer : null,
    decision: item.decision,
    version: 1,
    updated_at: now,
    source_metadata: itemMetadata[position] ? JSON.stringify(itemMetadata[position]) : null,
  }));
  await insertInChunks(itemRows, (chunk) => db.insertInto('agenda_items').values(chunk).execute());
  const idRows = await db
    .selectFrom('agenda_items')
    .select(['id', 'position'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  const idByPosition = new Map(idRows.map((row) => [row.position, row.id]));
  for (const [position, item] of items.entries()) {
    const itemId = idByPosition.get(position) ?? 0;
    itemIds.push(itemId);
    points.push(
      ...(item.recommendation?.points ?? []).map((text, position) => ({
        item_id: itemId,
        position,
        text,
      })),
    );
    for (const [position, attachment] of item.attachments.entries()) {
      const found = extra.attachmentFiles?.[itemIds.length - 1]?.[position] ?? null;
      const fileId = found?.file ? await storeFile(db, found.file) : null;
      attachments.push({
        item_id: itemId,
        position,
        title: attachment.title,
        file_id: fileId,
        file_name: found?.file?.name ?? null,
        file_reference: attachment.file ?? null,
        is_public: found?.isPublic === false ? 0 : 1,
      });
    }
    absences.push(
      ...item.absent.map((absence, position) => ({
        item_id: itemId,
        position,
        person_id: personIds.get(absence.name) ?? 0,
        role: absence.role ?? null,
      })),
    );
  }
  await insertInChunks(points, (chunk) =>
    db.insertInto('recommendation_points').values(chunk).execute(),
  );
  await insertInChunks(attachments, (chunk) =>
    db.insertInto('attachments').values(chunk).execute(),
  );
  await insertInChunks(absences, (chunk) => db.insertInto('absences').values(chunk).execute());
  return itemIds;
}

/** Multi-row inserts, kept under the engines' limits on bound parameters. */
async function insertInChunks<Row>(
  rows: readonly Row[],
  insert: (chunk: Row[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += 100)
    await insert(rows.slice(start, start + 100));
}

/** The case ids for journal numbers, creating cases that are new (with their KLE parts). */
export async function ensureCases(
  db: Executor,
  caseNumbers: readonly string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(caseNumbers)];
  const ids = new Map<string, number>();
  if (unique.length === 0) return ids;
  await readCaseIds(db, unique, ids);
  // The new cases in one statement, in journal-number order so that concurrent imports take
  // their locks in the same order; a case another writer added meanwhile is read back.
  const rows = unique
    .filter((value) => !ids.has(value))
    .sort()
    .map((caseNumber) => {
      const parsed = parseCaseNumber(caseNumber);
      const parts = parsed.ok && parsed.caseNumber.form === 'kle' ? parsed.caseNumber : null;
      return {
        case_number: caseNumber,
        kle_subject: parts?.subject ?? null,
        facet: parts?.facet ?? null,
        sequence: parts?.sequence ?? null,
        year: parsed.ok ? parsed.caseNumber.year : null,
      };
    });
  await insertInChunks(rows, async (chunk) => {
    const inserted = await db
      .insertInto('cases')
      .values(chunk)
      .onConflict((conflict) => conflict.column('case_number').doNothing())
      .returning(['id', 'case_number'])
      .execute();
    for (const row of inserted) ids.set(row.case_number, row.id);
  });
  const missing = unique.filter((value) => !ids.has(value));
  if (missing.length > 0) await readCaseIds(db, missing, ids);
  return ids;
}

/** Adds the ids of the cases that exist among these journal numbers. */
async function readCaseIds(
  db: Executor,
  caseNumbers: readonly string[],
  ids: Map<string, number>,
): Promise<void> {
  const found = await db
    .selectFrom('cases')
    .select(['id', 'case_number'])
    .where('case_number', 'in', [...caseNumbers])
    .execute();
  for (const row of found) ids.set(row.case_number, row.id);
}

/** The person ids for names, creating people who are new. */
export async function ensurePeople(
  db: Executor,
  names: readonly string[],
): Promise<Map<string, number>> {
  const unique = [...new Set(names)];
  const ids = new Map<string, number>();
  if (unique.length === 0) return ids;
  const found = await db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('name', 'in', unique)
    .execute();
  for (const row of found) ids.set(row.name, row.id);
  for (const name of unique.filter((value) => !ids.has(value))) {
    const inserted = await db
      .insertInto('people')
      .values({ name })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(name, inserted.id);
  }
  return ids;
}
