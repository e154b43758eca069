import type { Actor } from '../core/actor.ts';
import { isInCyclePeriod } from '../core/annual-cycle.ts';
import type { PlannedItem } from '../core/api-contract/planning.ts';
import type {
  NewPlannedItemInput,
  PlannedItemChanges,
} from '../core/api-contract/planning-inputs.ts';
import { formatDanishDate } from '../core/danish-date.ts';
import type { ForumTarget } from '../core/policies/targets.ts';
import { type DueRange, meetingForReturn } from '../core/return-placement.ts';
import { findForum } from '../store/forum-store.ts';
import { findReturnSource, listOpenAgendasAfter } from '../store/meeting-plan-store.ts';
import { findMeetingRecord } from '../store/meeting-store.ts';
import {
  deletePlannedItem,
  findPlannedItem,
  findWaitingReturn,
  insertPlannedItem,
  listPlannedItemsOfForum,
  listWaitingItemsFor,
  type StoredPlannedItem,
  updatePlannedItem,
} from '../store/planning-store.ts';
import type { Archive } from './archive-types.ts';
import { type CommandContext, runCommand } from './command-pipeline.ts';
import { presentPlannedItem } from './planned-item-view.ts';
import {
  type PlanCommandTarget,
  requireForumPurpose,
  requirePlanAccess,
  requirePlannableMeeting,
  resolvePlanForum,
} from './planning-access.ts';
import { requireMeetingAccess } from './read-access.ts';
import { notFound, ServiceError } from './service-error.ts';

/**
 * The forum's punktbank: items planned for future meetings (made by hand, from a return the
 * secretary confirmed, or from the annual cycle), offered when the secretary builds that
 * meeting's agenda. Reading is for the forum's members and staff, changes for its secretaries.
 * Taking an item into an agenda is in planned-item-take.ts.
 */

/** The forum's planned items, those waiting first, as this actor may see them. */
export async function listPlannedItems(
  archive: Archive,
  actor: Actor,
  forumId: number,
): Promise<PlannedItem[]> {
  const forum = await requirePlanAccess(archive, actor, forumId);
  const items = await listPlannedItemsOfForum(archive.database.db, forumId);
  return items.map((item) => presentPlannedItem(item, actor, forum));
}

/**
 * What the punktbank offers a meeting's agenda: the items planned for it and those waiting for
 * no meeting in particular (an item of the annual cycle only in its own period: the third
 * quarter's statistics are not offered in January). 404 when the actor may not see the meeting.
 */
export async function listOfferedItems(
  archive: Archive,
  actor: Actor,
  meetingId: number,
): Promise<PlannedItem[]> {
  const { target } = await requireMeetingAccess(archive, actor, meetingId);
  const forum = await requirePlanAccess(archive, actor, target.forumId);
  const meeting = await findMeetingRecord(archive.database.db, meetingId);
  const items = await listWaitingItemsFor(archive.database.db, target.forumId, meetingId);
  return items
    .filter(
      (item) =>
        item.meetingId !== null ||
        item.cyclePeriod === null ||
        (meeting !== null && isInCyclePeriod(item.cyclePeriod, meeting.date)),
    )
    .map((item) => presentPlannedItem(item, actor, forum))
    .sort((a, b) => Number(a.meeting === null) - Number(b.meeting === null));
}

/** Puts an item in the punktbank by hand, for a meeting or for none yet. */
export function addPlannedItem(
  archive: Archive,
  actor: Actor,
  forumId: number,
  fields: NewPlannedItemInput,
): Promise<PlannedItem> {
  return runCommand(archive, actor, {
    name: 'planned_item.add',
    resolve: (db) => resolvePlanForum(db, forumId, { type: 'forum', id: forumId }),
    check: (target, db) => checkFields(actor, target, db, fields),
    apply: async (context, target) => {
      const id = await insertPlannedItem(context.db, {
        forumId,
        source: 'manual',
        meetingId: fields.meetingId ?? null,
        title: fields.title,
        caseNumber: fields.caseNumber || null,
        purpose: fields.purpose || null,
        durationMinutes: fields.durationMinutes ?? null,
        note: fields.note || null,
        closed: fields.closed ?? false,
      });
      await recordPlanRevision(context, target, id, 'create', { before: null, fields });
      return presentedPlannedItem(context, target.forum, id);
    },
  });
}

/** Changes a planned item that is still waiting, or moves it to another meeting. */
export function changePlannedItem(
  archive: Archive,
  actor: Actor,
  plannedItemId: number,
  changes: PlannedItemChanges,
): Promise<PlannedItem> {
  return runCommand(archive, actor, {
    name: 'planned_item.save',
    resolve: (db) => resolvePlannedItem(db, plannedItemId),
    check: async (target, db) => {
      if (target.item.takenItemId !== null)
        throw new ServiceError(409, 'Punktet er taget ind på en dagsorden; ret det dér.');
      await checkFields(actor, target, db, changes, target.item.purpose);
    },
    apply: async (context, target) => {
      const fields = {
        ...changes,
        ...(changes.caseNumber !== undefined ? { caseNumber: changes.caseNumber || null } : {}),
        ...(changes.purpose !== undefined ? { purpose: changes.purpose || null } : {}),
        ...(changes.note !== undefined ? { note: changes.note || null } : {}),
      };
      await updatePlannedItem(context.db, plannedItemId, fields);
      await recordPlanRevision(context, target, plannedItemId, 'update', {
        before: target.item,
        changes: fields,
      });
      return presentedPlannedItem(context, target.forum, plannedItemId);
    },
  });
}

/** Takes an item out of the punktbank (an agenda item it became stays on its agenda). */
export function removePlannedItem(
  archive: Archive,
  actor: Actor,
  plannedItemId: number,
): Promise<{ deleted: true }> {
  return runCommand(archive, actor, {
    name: 'planned_item.delete',
    resolve: (db) => resolvePlannedItem(db, plannedItemId),
    apply: async (context, target) => {
      await deletePlannedItem(context.db, plannedItemId);
      await recordPlanRevision(context, target, plannedItemId, 'delete', { before: target.item });
      return { deleted: true };
    },
  });
}

/** A return to plan: the item it comes back from, and when it is due, if the decision says. */
export interface ReturnToPlan {
  forumId: number;
  itemId: number;
  due?: DueRange | null;
}

/**
 * Plans an item that must come back to the forum ("kommer tilbage med", "drøftes på Chefforum
 * d. 27. april"): a planned item with the item's title, case and closedness, for the first
 * meeting the due range names, else the first after it, else (no range) the next meeting;
 * without such a meeting it waits in the punktbank. Planning the same return again gives the
 * item already planned, so a confirmation can safely call this twice.
 *
 * The follow-ups store the suggestions found in the minutes; when the secretary confirms a
 * return, that confirmation calls this (nothing plans a return before it is confirmed).
 */
export function planReturn(
  archive: Archive,
  actor: Actor,
  plan: ReturnToPlan,
): Promise<PlannedItem> {
  return runCommand(archive, actor, {
    name: 'planned_item.return',
    resolve: async (db) => {
      const target = await resolvePlanForum(db, plan.forumId, { type: 'item', id: plan.itemId });
      const source = await findReturnSource(db, plan.itemId);
      if (!source || source.forumId !== plan.forumId) throw notFound('Punktet');
      return { ...target, source };
    },
    apply: async (context, target) => {
      const { source } = target;
      const waiting = await findWaitingReturn(context.db, source.itemId);
      if (waiting) return presentPlannedItem(waiting, context.actor, target.forum);
      const meetings = await listOpenAgendasAfter(context.db, plan.forumId, source.meetingDate);
      const meeting = meetingForReturn(meetings, plan.due ?? null);
      const forum = await findForum(context.db, plan.forumId);
      const id = await insertPlannedItem(context.db, {
        forumId: plan.forumId,
        source: 'return',
        sourceItemId: source.itemId,
        meetingId: meeting?.id ?? null,
        title: source.title,
        caseNumber: source.caseNumber,
        purpose: null,
        durationMinutes: null,
        note: `Kommer tilbage fra ${forum?.name ?? 'mødet'} ${formatDanishDate(source.meetingDate)}, punkt ${source.number}.`,
        closed: source.closed,
        dueFrom: plan.due?.from ?? null,
        dueTo: plan.due?.to ?? null,
      });
      await recordPlanRevision(context, target, id, 'create', { before: null, returnOf: plan });
      return presentedPlannedItem(context, target.forum, id);
    },
  });
}

/** A planned item's command target: its forum, for `plan.manage`, and the item as it was. */
export async function resolvePlannedItem(
  db: CommandContext['db'],
  plannedItemId: number,
): Promise<PlanCommandTarget & { item: StoredPlannedItem }> {
  const item = await findPlannedItem(db, plannedItemId);
  if (!item) throw notFound('Punktet i punktbanken');
  const target = await resolvePlanForum(db, item.forumId, {
    type: 'planned_item',
    id: plannedItemId,
  });
  return { ...target, item };
}

/** The planned item as the acting secretary sees it after the change. */
export async function presentedPlannedItem(
  context: CommandContext,
  forum: ForumTarget,
  plannedItemId: number,
): Promise<PlannedItem> {
  const item = await findPlannedItem(context.db, plannedItemId);
  if (!item) throw notFound('Punktet i punktbanken');
  return presentPlannedItem(item, context.actor, forum);
}

/**
 * The history of the punktbank: each change with the signed-in author, in the forum's history
 * (the plan is the forum's), naming the planned item.
 */
export function recordPlanRevision(
  context: CommandContext,
  target: PlanCommandTarget,
  plannedItemId: number,
  action: 'create' | 'update' | 'delete' | 'take',
  data: Record<string, unknown>,
): Promise<void> {
  return context.recordRevision({
    entityType: 'forum',
    entityId: target.forum.forumId,
    action: `planned_item.${action}`,
    data: { plannedItemId, ...data },
  });
}

async function checkFields(
  actor: Actor,
  target: PlanCommandTarget,
  db: CommandContext['db'],
  fields: Pick<PlannedItemChanges, 'meetingId' | 'purpose'>,
  currentPurpose: string | null = null,
): Promise<void> {
  if (fields.meetingId !== undefined && fields.meetingId !== null)
    await requirePlannableMeeting(db, actor, target.forum.forumId, fields.meetingId);
  await requireForumPurpose(db, target.forum.forumId, fields.purpose || null, currentPurpose);
}
