import type { Actor } from '../core/actor.ts';
import type { TakenPlannedItem } from '../core/api-contract/planning.ts';
import { isAllowedPurpose } from '../core/forum-practice.ts';
import { findMeetingTarget } from '../store/access-store.ts';
import { findForum } from '../store/forum-store.ts';
import { findPlannedItem, markPlannedItemTaken } from '../store/planning-store.ts';
import type { Archive } from './archive-types.ts';
import { runCommand } from './command-pipeline.ts';
import { addItem, removeItem } from './item-service.ts';
import { requirePlanAccess } from './planning-access.ts';
import {
  presentedPlannedItem,
  recordPlanRevision,
  resolvePlannedItem,
} from './planning-service.ts';
import { notFound, ServiceError } from './service-error.ts';

/**
 * Takes a planned item into a meeting's agenda with one click: the agenda gets it through the
 * items' own way in (addItem: before "Evt.", the policy's agenda rules, its revision and
 * event), and the punktbank then marks it taken. Two writes, so two transactions: should
 * someone else take the same item in between, the agenda item just added is removed again
 * and the answer is 409, so an item never lands twice.
 */
export async function takePlannedItem(
  archive: Archive,
  actor: Actor,
  plannedItemId: number,
  meetingId: number,
): Promise<TakenPlannedItem> {
  const db = archive.database.db;
  const planned = await findPlannedItem(db, plannedItemId);
  if (!planned) throw notFound('Punktet i punktbanken');
  await requirePlanAccess(archive, actor, planned.forumId, 'plan.manage');
  if (planned.takenItemId !== null)
    throw new ServiceError(409, 'Punktet er allerede taget ind på en dagsorden.');
  const meeting = await findMeetingTarget(db, meetingId);
  if (!meeting) throw notFound('Mødet');
  if (meeting.forumId !== planned.forumId)
    throw new ServiceError(400, 'Mødet hører til et andet forum end punktet.');
  const forum = await findForum(db, planned.forumId);
  const item = await addItem(archive, actor, meetingId, {
    title: planned.title,
    caseNumber: planned.caseNumber,
    durationMinutes: planned.durationMinutes,
    closed: planned.closed,
    // A purpose the forum has since dropped is left for the secretary to choose again.
    purpose:
      planned.purpose && isAllowedPurpose(planned.purpose, forum?.purposes ?? [], null)
        ? planned.purpose
        : null,
    // The note (where a return comes from, why it is planned) is the item's Anledning.
    background: planned.note,
  });
  try {
    const plannedItem = await runCommand(archive, actor, {
      name: 'planned_item.take',
      resolve: (transaction) => resolvePlannedItem(transaction, plannedItemId),
      apply: async (context, target) => {
        if (!(await markPlannedItemTaken(context.db, plannedItemId, meetingId, item.id)))
          throw new ServiceError(409, 'En anden tog punktet ind på en dagsorden samtidig.');
        await recordPlanRevision(context, target, plannedItemId, 'take', {
          meetingId,
          itemId: item.id,
        });
        return presentedPlannedItem(context, target.forum, plannedItemId);
      },
    });
    return { plannedItem, item };
  } catch (error) {
    await removeItem(archive, actor, item.id, item.version).catch(() => undefined);
    throw error;
  }
}
