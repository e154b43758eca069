import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../core/actor.ts';
import { itemFieldsSchema } from '../core/api-contract/meeting-inputs.ts';
import { isAllowedPurpose } from '../core/forum-practice.ts';
import { actionsForItemChange } from '../core/policies/item-change.ts';
import { isStandardItem } from '../core/standard-items.ts';
import { findMeetingIdOfItem } from '../store/access-store.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { findForum } from '../store/forum-store.ts';
import {
  deleteItem,
  type ItemFields,
  insertItemAt,
  loadStoredItems,
  type StoredItem,
  setItemOrder,
  writeItemFields,
} from '../store/item-store.ts';
import type { Archive } from './archive-types.ts';
import { type MeetingCommandTarget, resolveMeeting, runCommand } from './command-pipeline.ts';
import { keepImportedVersion, publishCorrectedMinutes } from './publication-service.ts';
import { notFound, ServiceError } from './service-error.ts';
import {
  type EditableItem,
  loadWorkspace,
  toEditableItems,
  type Workspace,
} from './workspace-service.ts';

type Executor = Kysely<DatabaseSchema>;

/** The API's item fields (core/api-contract), checked to be exactly what the store writes. */
export const storedItemFieldsSchema: z.ZodType<ItemFields> = itemFieldsSchema;

/** A correction of approved minutes: the reason goes into the history. */
export interface CorrectionOptions {
  reason?: string | null;
  isCorrection?: boolean;
}

/** Adds an item before "Evt." (or last when there is none). */
export function addItem(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  fields: Pick<ItemFields, 'title'> & Partial<ItemFields>,
): Promise<EditableItem> {
  return runCommand(archive, actor, {
    name: 'item.add',
    resolve: (db) =>
      resolveMeeting(archive, db, meetingId, actionsForItemChange(filledFields(fields), [], false)),
    check: (target, db) => requireForumPurpose(db, target, fields.purpose, null),
    apply: async (context, target) => {
      const items = await loadStoredItems(context.db, meetingId);
      const last = items.at(-1);
      const position =
        last && isStandardItem(last, items.length - 1, items.length)
          ? items.length - 1
          : items.length;
      // Afbud and absences for the whole meeting hold for an item added later too.
      const inherited = fields.absent === undefined ? absentFromEveryItem(items) : [];
      const itemId = await insertItemAt(context.db, meetingId, position, {
        ...fields,
        ...(inherited.length > 0 ? { absent: inherited } : {}),
      });
      await context.recordRevision({
        entityType: 'item',
        entityId: itemId,
        action: 'create',
        data: { before: null, meetingId, fields },
      });
      context.emit(itemEvent('item.added', target, [itemId]));
      return editableItem(context.db, meetingId, itemId);
    },
  });
}

/** An item command's target: the meeting, and the item as it was before the change. */
interface ItemTarget extends MeetingCommandTarget {
  before: EditableItem;
}

/**
 * Saves changed fields of an item, if `version` is the stored one. Otherwise 409 with both
 * versions: the caller's (the stored item with the sent fields over it) and the current one,
 * so that nothing anyone typed is lost. The policy is asked for what actually changes: the
 * agenda's fields, the decision's, or a correction of approved minutes.
 */
export function updateItem(
  archive: Archive,
  actor: Actor,
  itemId: number,
  version: number,
  fields: Partial<ItemFields>,
  options: CorrectionOptions = {},
): Promise<EditableItem> {
  const isCorrection = options.isCorrection === true;
  return runCommand(archive, actor, {
    name: isCorrection ? 'item.correct' : 'item.save',
    resolve: async (db): Promise<ItemTarget> => {
      const found = await resolveItem(archive, db, itemId, []);
      const before = await editableItem(db, found.meetingId, itemId);
      const actions = actionsForItemChange(
        changedFields(before, fields),
        Object.keys(fields),
        isCorrection,
      );
      return { ...found, actions, before };
    },
    check: async (target, db) => {
      if (target.before.version !== version) throw staleItem(target.before, fields, version);
      await requireForumPurpose(db, target, fields.purpose, target.before.purpose);
    },
    apply: async (context, target) => {
      // An archive meeting's imported document is kept as version 1 before its first change.
      if (isCorrection) await keepImportedVersion(context.db, target.meetingId);
      if (!(await writeItemFields(context.db, itemId, fields, version)))
        throw staleItem(await editableItem(context.db, target.meetingId, itemId), fields, version);
      await context.recordRevision({
        entityType: 'item',
        entityId: itemId,
        action: isCorrection ? 'correction' : 'update',
        reason: options.reason ?? null,
        data: { before: target.before, changes: fields },
      });
      context.emit(itemEvent(isCorrection ? 'item.corrected' : 'item.saved', target, [itemId]));
      if (isCorrection)
        await publishCorrectedMinutes(context, target, {
          reason: options.reason?.trim() || 'Rettet.',
          itemId,
        });
      return editableItem(context.db, target.meetingId, itemId);
    },
  });
}

/** Deletes an item that is not a standard item, if `version` is the stored one. */
export async function removeItem(
  archive: Archive,
  actor: Actor,
  itemId: number,
  version: number,
): Promise<void> {
  await runCommand(archive, actor, {
    name: 'item.delete',
    resolve: async (db): Promise<ItemTarget> => {
      const found = await resolveItem(archive, db, itemId, ['agenda.edit']);
      return { ...found, before: await editableItem(db, found.meetingId, itemId) };
    },
    check: (target) => {
      if (target.before.isStandard)
        throw new ServiceError(400, 'Standardpunkterne (punkt 1 og Evt.) kan ikke slettes.');
    },
    apply: async (context, target) => {
      if (target.before.version !== version || !(await deleteItem(context.db, itemId, version)))
        throw new ServiceError(409, 'Punktet er ændret af en anden, siden du åbnede det.', {
          current: await editableItem(context.db, target.meetingId, itemId),
        });
      await context.recordRevision({
        entityType: 'meeting',
        entityId: target.meetingId,
        action: 'delete_item',
        data: { before: target.before },
      });
      context.emit({ ...itemEvent('item.deleted', target, []), removedItemIds: [itemId] });
    },
  });
}

/**
 * Puts the items in a new order (all of them, by id) and renumbers them. The standard items
 * keep their places: item 1 first and "Evt." last, whatever order is sent.
 */
export function reorderItems(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  itemIds: readonly number[],
): Promise<Workspace> {
  return runCommand(archive, actor, {
    name: 'items.reorder',
    resolve: (db) => resolveMeeting(archive, db, meetingId, ['agenda.edit']),
    apply: async (context, target) => {
      const items = toEditableItems(await loadStoredItems(context.db, meetingId));
      const order = orderWithStandardItems(items, itemIds);
      await setItemOrder(context.db, meetingId, order);
      await context.recordRevision({
        entityType: 'meeting',
        entityId: meetingId,
        action: 'reorder',
        data: { before: items.map((item) => item.id), after: order },
      });
      context.emit(itemEvent('items.reordered', target, order));
      return loadWorkspace(context.db, context.actor, target.meeting);
    },
  });
}

/** The new order, checked to name every item once, with the standard items kept in place. */
function orderWithStandardItems(items: readonly EditableItem[], itemIds: readonly number[]) {
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
  return [...(first === null ? [] : [first]), ...middle, ...(last === null ? [] : [last])];
}

/** The meeting of an item, as a command target named after the item; 404 when missing. */
async function resolveItem(
  archive: Archive,
  db: Executor,
  itemId: number,
  actions: MeetingCommandTarget['actions'],
): Promise<MeetingCommandTarget> {
  const meetingId = await findMeetingIdOfItem(db, itemId);
  if (meetingId === null) throw notFound('Punktet');
  return resolveMeeting(archive, db, meetingId, actions, { type: 'item', id: itemId });
}

/** An event about items of the target's meeting. */
export function itemEvent(
  type: 'item.added' | 'item.saved' | 'item.corrected' | 'item.deleted' | 'items.reordered',
  target: MeetingCommandTarget,
  itemIds: readonly number[],
) {
  return { type, meetingId: target.meetingId, forumId: target.meeting.forumId, itemIds };
}

/**
 * Refuses a purpose the item's forum does not have (an item may keep one the forum has since
 * dropped): the forum's list is the one place purposes come from.
 */
async function requireForumPurpose(
  db: Executor,
  target: MeetingCommandTarget,
  purpose: string | null | undefined,
  current: string | null,
): Promise<void> {
  if (purpose === undefined || purpose === null) return;
  const forum = await findForum(db, target.meeting.forumId);
  if (forum && !isAllowedPurpose(purpose, forum.purposes, current))
    throw new ServiceError(
      400,
      `Formålet "${purpose}" findes ikke i forummet. Vælg et af: ${forum.purposes.join(', ')}.`,
    );
}

/** The people absent from every item: those recorded absent for the whole meeting. */
function absentFromEveryItem(items: readonly StoredItem[]): ItemFields['absent'] {
  const [first, ...rest] = items;
  if (!first) return [];
  return first.absent.filter((person) =>
    rest.every((item) => item.absent.some((other) => other.name === person.name)),
  );
}

/** The 409 of a stale save: the caller's version over the stored one, and the current one. */
function staleItem(current: EditableItem, fields: Partial<ItemFields>, version: number) {
  return new ServiceError(
    409,
    'Punktet er ændret af en anden, siden du åbnede det. Vælg hvilken version der skal gælde.',
    { yours: { ...current, ...fields, version }, current },
  );
}

/** The names of the fields a change gives a value (for a new item). */
function filledFields(fields: Partial<ItemFields>): string[] {
  return Object.entries(fields)
    .filter(
      ([, value]) => value !== null && value !== undefined && value !== '' && !isEmptyList(value),
    )
    .map(([name]) => name);
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** The names of the sent fields whose values differ from the stored item's. */
function changedFields(before: EditableItem, fields: Partial<ItemFields>): string[] {
  const stored = before as unknown as Record<string, unknown>;
  return Object.entries(fields)
    .filter(([name, value]) => value !== undefined && !isSameValue(stored[name], value))
    .map(([name]) => name);
}

function isSameValue(stored: unknown, sent: unknown): boolean {
  const normalize = (value: unknown) =>
    typeof value === 'string' ? value.trim() : value === undefined ? null : value;
  return JSON.stringify(normalize(stored)) === JSON.stringify(normalize(sent));
}

async function editableItem(
  db: Executor,
  meetingId: number,
  itemId: number,
): Promise<EditableItem> {
  const item = toEditableItems(await loadStoredItems(db, meetingId)).find(
    (candidate) => candidate.id === itemId,
  );
  if (!item) throw notFound('Punktet');
  return item;
}
