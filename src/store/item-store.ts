import type { Kysely } from 'kysely';
import { purposeLabel } from '../core/forum-practice.ts';
import type { ItemGuest } from '../core/item-annotations.ts';
import type { Absence, Recommendation } from '../core/meeting.ts';
import type { ItemPurpose } from '../core/standard-items.ts';
import { loadItemGuests, replaceItemGuests } from './annotation-store.ts';
import type { DatabaseSchema, FileTextStatus } from './database-schema.ts';
import { deleteUnreferencedFiles, listFileIdsOfItems } from './file-store.ts';
import { agendaItemOf, loadItemRows } from './meeting-reader.ts';
import { ensureCases, ensurePeople } from './meeting-writer.ts';

type Executor = Kysely<DatabaseSchema>;

/** An item's editable fields; an update names only those it changes. */
export interface ItemFields {
  title: string;
  caseNumber: string | null;
  closed: boolean;
  durationMinutes: number | null;
  purpose: ItemPurpose | null;
  background: string | null;
  presentation: string | null;
  recommendation: Recommendation | null;
  decision: string | null;
  absent: Absence[];
  /** Guests and presenters (oplægsholdere) at the item. */
  guests: ItemGuest[];
  /** "Kommunikeres ud": the short message for the departments. */
  communication: string | null;
}

/** A stored Bilag with its file, as the editor lists it. */
export interface StoredAttachment {
  id: number;
  title: string;
  fileId: number | null;
  fileName: string | null;
  mediaType: string | null;
  size: number | null;
  fileReference: string | null;
  /** False for a Bilag marked not public: only the forum's members read its file and text. */
  isPublic: boolean;
  /** Where reading its text stands (null without a stored file). */
  textStatus: FileTextStatus | null;
}

/** An item as the editor sees it: its fields plus id, version, number and attachments. */
export interface StoredItem extends ItemFields {
  id: number;
  meetingId: number;
  version: number;
  number: number;
  position: number;
  attachments: StoredAttachment[];
}

/** A meeting's items in order, with everything the editor shows. */
export async function loadStoredItems(db: Executor, meetingId: number): Promise<StoredItem[]> {
  const { rows, children } = await loadItemRows(db, [meetingId]);
  const attachments = await loadStoredAttachments(
    db,
    rows.map((row) => row.id),
  );
  const guests = await loadItemGuests(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const item = agendaItemOf(row, children);
    return {
      ...item,
      id: row.id,
      meetingId: row.meeting_id,
      version: row.version,
      position: row.position,
      durationMinutes: item.durationMinutes ?? null,
      purpose: purposeLabel(row.purpose as ItemPurpose | null),
      guests: guests.get(row.id) ?? [],
      communication: row.communication ?? null,
      absent: item.absent.map((absence) => ({ name: absence.name, role: absence.role ?? null })),
      attachments: attachments.get(row.id) ?? [],
    };
  });
}

async function loadStoredAttachments(
  db: Executor,
  itemIds: readonly number[],
): Promise<Map<number, StoredAttachment[]>> {
  const byItem = new Map<number, StoredAttachment[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .selectFrom('attachments')
    .leftJoin('files', 'files.id', 'attachments.file_id')
    .leftJoin('file_texts', 'file_texts.file_id', 'attachments.file_id')
    .select([
      'attachments.id',
      'attachments.item_id',
      'attachments.is_public',
      'file_texts.status as textStatus',
      'attachments.title',
      'attachments.file_id',
      'attachments.file_reference',
      'attachments.file_name',
      'files.media_type',
      'files.size',
    ])
    .where('attachments.item_id', 'in', [...itemIds])
    .orderBy('attachments.item_id')
    .orderBy('attachments.position')
    .execute();
  for (const row of rows) {
    const list = byItem.get(row.item_id) ?? [];
    list.push({
      id: row.id,
      title: row.title,
      fileId: row.file_id,
      fileName: row.file_name ?? null,
      mediaType: row.media_type ?? null,
      size: row.size ?? null,
      fileReference: row.file_reference,
      isPublic: row.is_public !== 0,
      textStatus: row.textStatus ?? null,
    });
    byItem.set(row.item_id, list);
  }
  return byItem;
}

/** Which meeting an item belongs to and its version, or null when there is no such item. */
export async function findItemRef(
  db: Executor,
  itemId: number,
): Promise<{ id: number; meetingId: number; version: number } | null> {
  const row = await db
    .selectFrom('agenda_items')
    .select(['id', 'meeting_id', 'version'])
    .where('id', '=', itemId)
    .executeTakeFirst();
  return row ? { id: row.id, meetingId: row.meeting_id, version: row.version } : null;
}

/**
 * Writes the named fields of an item and bumps its version, in the caller's transaction. With
 * `expectedVersion` the write happens only if the stored version is still that one (checked
 * and bumped in one statement, so two concurrent saves on PostgreSQL cannot both pass); false
 * when it was not.
 */
export async function writeItemFields(
  db: Executor,
  itemId: number,
  fields: Partial<ItemFields>,
  expectedVersion?: number,
): Promise<boolean> {
  const now = new Date().toISOString();
  const columns: Partial<Omit<DatabaseSchema['agenda_items'], 'id'>> = { updated_at: now };
  if (fields.title !== undefined) columns.title = fields.title;
  if (fields.closed !== undefined) columns.closed = fields.closed ? 1 : 0;
  if (fields.durationMinutes !== undefined) columns.duration_minutes = fields.durationMinutes;
  if (fields.purpose !== undefined) columns.purpose = fields.purpose;
  if (fields.background !== undefined) columns.background = fields.background;
  if (fields.presentation !== undefined) columns.presentation = fields.presentation;
  if (fields.decision !== undefined) columns.decision = fields.decision;
  if (fields.communication !== undefined)
    columns.communication = fields.communication?.trim() || null;
  if (fields.recommendation !== undefined)
    columns.proposer = fields.recommendation?.proposer ?? null;
  if (fields.caseNumber !== undefined) {
    const caseNumber = fields.caseNumber?.trim() || null;
    columns.case_id = caseNumber
      ? ((await ensureCases(db, [caseNumber])).get(caseNumber) ?? null)
      : null;
  }
  let update = db
    .updateTable('agenda_items')
    .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
    .where('id', '=', itemId);
  if (expectedVersion !== undefined) update = update.where('version', '=', expectedVersion);
  const result = await update.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  if (fields.recommendation !== undefined)
    await replacePoints(db, itemId, fields.recommendation?.points ?? []);
  if (fields.absent !== undefined) await replaceAbsences(db, itemId, fields.absent);
  if (fields.guests !== undefined) await replaceItemGuests(db, itemId, fields.guests);
  return true;
}

async function replacePoints(db: Executor, itemId: number, points: readonly string[]) {
  await db.deleteFrom('recommendation_points').where('item_id', '=', itemId).execute();
  if (points.length === 0) return;
  await db
    .insertInto('recommendation_points')
    .values(points.map((text, position) => ({ item_id: itemId, position, text })))
    .execute();
}

async function replaceAbsences(db: Executor, itemId: number, absent: readonly Absence[]) {
  await db.deleteFrom('absences').where('item_id', '=', itemId).execute();
  if (absent.length === 0) return;
  const people = await ensurePeople(
    db,
    absent.map((absence) => absence.name),
  );
  await db
    .insertInto('absences')
    .values(
      absent.map((absence, position) => ({
        item_id: itemId,
        position,
        person_id: people.get(absence.name) ?? 0,
        role: absence.role ?? null,
      })),
    )
    .execute();
}

/** Inserts an item at a position (0-based), moving later items down; returns its id. */
export async function insertItemAt(
  db: Executor,
  meetingId: number,
  position: number,
  fields: Pick<ItemFields, 'title'> & Partial<ItemFields>,
): Promise<number> {
  await db
    .updateTable('agenda_items')
    .set((eb) => ({ position: eb('position', '+', 1), number: eb('number', '+', 1) }))
    .where('meeting_id', '=', meetingId)
    .where('position', '>=', position)
    .execute();
  const inserted = await db
    .insertInto('agenda_items')
    .values({
      meeting_id: meetingId,
      number: position + 1,
      position,
      title: fields.title,
      case_id: null,
      closed: 0,
      duration_minutes: null,
      background: null,
      presentation: null,
      proposer: null,
      decision: null,
      purpose: null,
      version: 0,
      updated_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The remaining fields go through the one writer (cases, points, people); version 0 → 1.
  await writeItemFields(db, inserted.id, fields);
  return inserted.id;
}

/**
 * Deletes an item and closes the gap in positions and numbers; with `expectedVersion`, only if
 * the stored version is still that one (false otherwise, as for a missing item).
 */
export async function deleteItem(
  db: Executor,
  itemId: number,
  expectedVersion?: number,
): Promise<boolean> {
  const fileIds = await listFileIdsOfItems(db, [itemId]);
  let removal = db
    .deleteFrom('agenda_items')
    .where('id', '=', itemId)
    .returning(['meeting_id', 'position']);
  if (expectedVersion !== undefined) removal = removal.where('version', '=', expectedVersion);
  const row = await removal.executeTakeFirst();
  if (!row) return false;
  // The item's Bilag went with it (on delete cascade); bytes nobody else refers to go too.
  await deleteUnreferencedFiles(db, fileIds);
  await db
    .updateTable('agenda_items')
    .set((eb) => ({ position: eb('position', '-', 1), number: eb('number', '-', 1) }))
    .where('meeting_id', '=', row.meeting_id)
    .where('position', '>', row.position)
    .execute();
  return true;
}

/** Puts a meeting's items in the given order and numbers them 1…n. */
export async function setItemOrder(
  db: Executor,
  meetingId: number,
  orderedIds: readonly number[],
): Promise<void> {
  for (const [position, id] of orderedIds.entries())
    await db
      .updateTable('agenda_items')
      .set((eb) => ({ position, number: position + 1, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('meeting_id', '=', meetingId)
      .execute();
}

/** Bumps a meeting's version: every write to it or its items does, so caches see the change. */
export async function touchMeeting(db: Executor, meetingId: number): Promise<void> {
  await db
    .updateTable('meetings')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', meetingId)
    .execute();
}

/** One entry of the append-only history. */
export interface RevisionEntry {
  entityType: 'meeting' | 'item' | 'forum' | 'attachment' | 'followup';
  entityId: number;
  action: string;
  author: string | null;
  reason?: string | null;
  /** What the entity was before (null when it is new), and anything else worth keeping. */
  data: Record<string, unknown>;
}

/** Appends a revision. */
export async function recordRevision(db: Executor, entry: RevisionEntry): Promise<void> {
  await db
    .insertInto('revisions')
    .values({
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      action: entry.action,
      author: entry.author,
      reason: entry.reason ?? null,
      data: JSON.stringify(entry.data),
      created_at: new Date().toISOString(),
    })
    .execute();
}
