import { z } from 'zod';
import { recommendationSchema } from '../core/meeting.ts';
import { isStandardItem } from '../core/standard-items.ts';
import {
  deleteItem,
  type ItemFields,
  insertItemAt,
  loadStoredItems,
  recordRevision,
  setItemOrder,
  touchMeeting,
  writeItemFields,
} from '../store/item-store.ts';
import type { Archive } from './archive.ts';
import { notFound, ServiceError } from './service-error.ts';
import {
  type EditableItem,
  loadWorkspace,
  toEditableItems,
  type Workspace,
} from './workspace-service.ts';
import { itemForWriting, meetingForWriting } from './write-access.ts';

/** The editable fields of an item as the API takes them; each one optional. */
export const itemFieldsSchema = z.strictObject({
  title: z.string().trim().min(1, 'titlen må ikke være tom').max(500),
  caseNumber: z.string().trim().max(60).nullable(),
  closed: z.boolean(),
  durationMinutes: z.int().min(1).max(600).nullable(),
  purpose: z.enum(['orientering', 'droftelse', 'beslutning']).nullable(),
  background: z.string().max(200_000).nullable(),
  presentation: z.string().max(500_000).nullable(),
  recommendation: recommendationSchema.nullable(),
  decision: z.string().max(200_000).nullable(),
  absent: z.array(
    z.strictObject({
      name: z.string().trim().min(1).max(200),
      role: z.string().max(200).nullable(),
    }),
  ),
}) satisfies z.ZodType<ItemFields>;

/** Who is writing (for the revision history). */
export interface Author {
  author: string | null;
}

/** Adds an item before "Evt." (or last when there is none). */
export async function addItem(
  archive: Archive,
  meetingId: number,
  fields: Pick<ItemFields, 'title'> & Partial<ItemFields>,
  who: Author,
): Promise<EditableItem> {
  return archive.database.db.transaction().execute(async (db) => {
    await meetingForWriting(db, meetingId);
    const items = await loadStoredItems(db, meetingId);
    const last = items.at(-1);
    const position =
      last && isStandardItem(last, items.length - 1, items.length)
        ? items.length - 1
        : items.length;
    const itemId = await insertItemAt(db, meetingId, position, fields);
    await touchMeeting(db, meetingId);
    await recordRevision(db, {
      entityType: 'item',
      entityId: itemId,
      action: 'create',
      author: who.author,
      data: { before: null, meetingId, fields },
    });
    await archive.search.indexItems(db, [itemId]);
    return editableItem(db, meetingId, itemId);
  });
}

/**
 * Saves changed fields of an item, if `version` is the stored one. Otherwise 409 with both
 * versions: the caller's (the stored item with the sent fields over it) and the current one,
 * so that nothing anyone typed is lost.
 */
export async function updateItem(
  archive: Archive,
  itemId: number,
  version: number,
  fields: Partial<ItemFields>,
  who: Author & { reason?: string | null; isCorrection?: boolean },
): Promise<EditableItem> {
  return archive.database.db.transaction().execute(async (db) => {
    const ref = await itemForWriting(db, itemId, who.isCorrection);
    if (!ref.meeting.isLocked && who.isCorrection)
      throw new ServiceError(
        409,
        'Kun et godkendt referat rettes med en rettelse; gem punktet som normalt.',
      );
    const before = await editableItem(db, ref.meetingId, itemId);
    if (ref.version !== version || !(await writeItemFields(db, itemId, fields, version))) {
      // Read again: a concurrent save may have committed since `before` was read.
      const current = await editableItem(db, ref.meetingId, itemId);
      throw new ServiceError(
        409,
        'Punktet er ændret af en anden, siden du åbnede det. Vælg hvilken version der skal gælde.',
        { yours: { ...current, ...fields, version }, current },
      );
    }
    await touchMeeting(db, ref.meetingId);
    await recordRevision(db, {
      entityType: 'item',
      entityId: itemId,
      action: who.isCorrection ? 'correction' : 'update',
      author: who.author,
      reason: who.reason ?? null,
      data: { before, changes: fields },
    });
    await archive.search.indexItems(db, [itemId]);
    return editableItem(db, ref.meetingId, itemId);
  });
}

/** Deletes an item that is not a standard item, if `version` is the stored one. */
export async function removeItem(
  archive: Archive,
  itemId: number,
  version: number,
  who: Author,
): Promise<void> {
  await archive.database.db.transaction().execute(async (db) => {
    const ref = await itemForWriting(db, itemId);
    const before = await editableItem(db, ref.meetingId, itemId);
    if (before.isStandard)
      throw new ServiceError(400, 'Standardpunkterne (punkt 1 og Evt.) kan ikke slettes.');
    if (ref.version !== version || !(await deleteItem(db, itemId, version)))
      throw new ServiceError(409, 'Punktet er ændret af en anden, siden du åbnede det.', {
        current: await editableItem(db, ref.meetingId, itemId),
      });
    await touchMeeting(db, ref.meetingId);
    await recordRevision(db, {
      entityType: 'meeting',
      entityId: ref.meetingId,
      action: 'delete_item',
      author: who.author,
      data: { before },
    });
    await archive.search.removeItems(db, [itemId]);
  });
}

/**
 * Puts the items in a new order (all of them, by id) and renumbers them. The standard items
 * keep their places: item 1 first and "Evt." last, whatever order is sent.
 */
export async function reorderItems(
  archive: Archive,
  meetingId: number,
  itemIds: readonly number[],
  who: Author,
): Promise<Workspace> {
  return archive.database.db.transaction().execute(async (db) => {
    await meetingForWriting(db, meetingId);
    const items = toEditableItems(await loadStoredItems(db, meetingId));
    const known = new Set(items.map((item) => item.id));
    if (
      itemIds.length !== items.length ||
      !itemIds.every((id) => known.has(id)) ||
      new Set(itemIds).size !== itemIds.length
    )
      throw new ServiceError(
        409,
        'Rækkefølgen skal nævne alle mødets punkter præcis én gang; genindlæs siden.',
      );
    const first = items[0]?.isStandard ? items[0].id : null;
    const last = items.length > 1 && items.at(-1)?.isStandard ? (items.at(-1)?.id ?? null) : null;
    const middle = itemIds.filter((id) => id !== first && id !== last);
    const order = [...(first === null ? [] : [first]), ...middle, ...(last === null ? [] : [last])];
    await setItemOrder(db, meetingId, order);
    await touchMeeting(db, meetingId);
    await recordRevision(db, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'reorder',
      author: who.author,
      data: { before: items.map((item) => item.id), after: order },
    });
    await archive.search.indexItems(db, order);
    return loadWorkspace(db, meetingId);
  });
}

async function editableItem(
  db: Parameters<typeof loadStoredItems>[0],
  meetingId: number,
  itemId: number,
): Promise<EditableItem> {
  const item = toEditableItems(await loadStoredItems(db, meetingId)).find(
    (candidate) => candidate.id === itemId,
  );
  if (!item) throw notFound('Punktet');
  return item;
}
