import type { Actor } from '../core/actor.ts';
import type { PlanMeeting, PlannedItem } from '../core/api-contract/planning.ts';
import type { ForumTarget } from '../core/policies/targets.ts';
import type { PlanMeetingRef, StoredPlannedItem } from '../store/planning-store.ts';
import { canSeePlanMeeting } from './planning-access.ts';

/**
 * A planned item as its reader sees it: a meeting the reader may not see (a member and a
 * draft) is left out, so the punktbank never admits that a hidden meeting exists.
 */
export function presentPlannedItem(
  item: StoredPlannedItem,
  actor: Actor,
  forum: ForumTarget,
): PlannedItem {
  const visible = (meeting: PlanMeetingRef | null): PlanMeeting | null =>
    meeting && canSeePlanMeeting(actor, forum, meeting.status) ? meeting : null;
  const sourceMeeting = visible(item.sourceItem?.meeting ?? null);
  const meeting = visible(item.meeting);
  return {
    id: item.id,
    forumId: item.forumId,
    meeting,
    title: item.title,
    caseNumber: item.caseNumber,
    purpose: item.purpose,
    durationMinutes: item.durationMinutes,
    note: item.note,
    closed: item.closed,
    source: item.source,
    sourceItem:
      item.sourceItem && sourceMeeting
        ? { id: item.sourceItem.id, number: item.sourceItem.number, meeting: sourceMeeting }
        : null,
    recurringItemId: item.recurringItemId,
    cyclePeriod: item.cyclePeriod,
    due: item.dueFrom && item.dueTo ? { from: item.dueFrom, to: item.dueTo } : null,
    // The agenda item it became is in its meeting: named only with the meeting.
    takenItemId: meeting ? item.takenItemId : null,
    isTaken: item.takenItemId !== null,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
