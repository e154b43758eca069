import type { Kysely } from 'kysely';
import { purposeLabel } from '../core/forum-practice.ts';
import {
  type CorrectionNote,
  type ItemAnnotations,
  type ItemGuest,
  isCommunicationItemTitle,
  type MeetingAnnotations,
} from '../core/item-annotations.ts';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * A meeting's annotations as stored: each item's purpose, guests, communication message and
 * the corrections made to it (from the history, where each correction keeps its reason).
 */
export async function loadMeetingAnnotations(
  db: Executor,
  meetingId: number,
): Promise<MeetingAnnotations> {
  const rows = await db
    .selectFrom('agenda_items')
    .select(['id', 'number', 'title', 'purpose', 'communication'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  const ids = rows.map((row) => row.id);
  const guests = await loadItemGuests(db, ids);
  const corrections = await loadCorrections(db, ids);
  const items: Record<number, ItemAnnotations> = {};
  for (const row of rows) {
    const annotations: ItemAnnotations = {
      purpose: purposeLabel(row.purpose),
      guests: guests.get(row.id) ?? [],
      communication: row.communication?.trim() || null,
      corrections: corrections.get(row.id) ?? [],
    };
    items[row.number] = annotations;
  }
  const gathering = rows.find((row) => isCommunicationItemTitle(row.title));
  return { items, communicationItemNumber: gathering?.number ?? null };
}

/** Guests and presenters of items, by item id, in order. */
export async function loadItemGuests(
  db: Executor,
  itemIds: readonly number[],
): Promise<Map<number, ItemGuest[]>> {
  const byItem = new Map<number, ItemGuest[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .selectFrom('item_guests')
    .select(['item_id', 'name', 'role'])
    .where('item_id', 'in', [...itemIds])
    .orderBy('item_id')
    .orderBy('position')
    .execute();
  for (const row of rows)
    byItem.set(row.item_id, [
      ...(byItem.get(row.item_id) ?? []),
      { name: row.name, role: row.role },
    ]);
  return byItem;
}

/** Replaces an item's guests. */
export async function replaceItemGuests(
  db: Executor,
  itemId: number,
  guests: readonly ItemGuest[],
): Promise<void> {
  await db.deleteFrom('item_guests').where('item_id', '=', itemId).execute();
  if (guests.length === 0) return;
  await db
    .insertInto('item_guests')
    .values(
      guests.map((guest, position) => ({
        item_id: itemId,
        position,
        name: guest.name,
        role: guest.role,
      })),
    )
    .execute();
}

/** The corrections of items (history entries with a reason), by item id, oldest first. */
async function loadCorrections(
  db: Executor,
  itemIds: readonly number[],
): Promise<Map<number, CorrectionNote[]>> {
  const byItem = new Map<number, CorrectionNote[]>();
  if (itemIds.length === 0) return byItem;
  const rows = await db
    .selectFrom('revisions')
    .select(['entity_id', 'reason', 'created_at'])
    .where('entity_type', '=', 'item')
    .where('action', '=', 'correction')
    .where('entity_id', 'in', [...itemIds])
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const note = { date: row.created_at.slice(0, 10), reason: row.reason?.trim() || 'Rettet.' };
    byItem.set(row.entity_id, [...(byItem.get(row.entity_id) ?? []), note]);
  }
  return byItem;
}
