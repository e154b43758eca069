import {
  approvesPreviousMinutes,
  isStandardItem,
  withPreviousMeetingNamed,
} from '../core/standard-items.ts';
import { loadStoredItems, touchMeeting, writeItemFields } from '../store/item-store.ts';
import { findNeighbourMeeting, listOpenMeetingsOfForum } from '../store/meeting-store.ts';
import type { CommandContext } from './command-pipeline.ts';

/**
 * Keeps item 1 of the forum's open meetings naming the meeting that really comes before, after
 * a meeting was created, moved or deleted between them; what the agenda prints and what the
 * approval button approves are then the same meeting.
 */
export async function namePreviousMeetings(
  context: CommandContext,
  forumId: number,
  forumName: string,
): Promise<void> {
  const { db } = context;
  for (const meeting of await listOpenMeetingsOfForum(db, forumId)) {
    const [first] = await loadStoredItems(db, meeting.id);
    if (!first?.recommendation || !isStandardItem(first, 0, 2)) continue;
    if (!approvesPreviousMinutes(first.recommendation)) {
      // Item 1 without the at-point is the secretary's choice, unless there was nothing to name.
      if (first.recommendation.points.length > 1) continue;
    }
    const previous = await findNeighbourMeeting(db, forumId, meeting.date, 'before');
    const recommendation = withPreviousMeetingNamed(
      first.recommendation,
      forumName,
      previous?.date ?? null,
    );
    if (JSON.stringify(recommendation) === JSON.stringify(first.recommendation)) continue;
    await writeItemFields(db, first.id, { recommendation });
    await touchMeeting(db, meeting.id);
    context.emit({
      type: 'item.saved',
      meetingId: meeting.id,
      forumId,
      itemIds: [first.id],
    });
  }
}
