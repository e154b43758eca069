import type { Actor } from '../core/actor.ts';
import { type CyclePlacement, placeAnnualCycle } from '../core/annual-cycle.ts';
import type { AnnualCycleApplication } from '../core/api-contract/planning.ts';
import { listForumMeetingsBetween } from '../store/meeting-plan-store.ts';
import {
  insertPlannedItem,
  listCycleItemsOfYear,
  type StoredPlannedItem,
  updatePlannedItem,
} from '../store/planning-store.ts';
import { listRecurringItems, type StoredRecurringItem } from '../store/recurring-item-store.ts';
import type { Archive } from './archive-types.ts';
import { type CommandContext, runCommand } from './command-pipeline.ts';
import { resolvePlanForum } from './planning-access.ts';

/**
 * "Læg årshjulet ind i årets møder": each recurring item of the forum's annual cycle becomes a
 * planned item on the first meeting of the year in each of its periods (core/annual-cycle).
 * Idempotent: an item already planned for a period stays as it is (taken in, moved or
 * renamed by the secretary); one still waiting for a meeting is placed once the plan has one;
 * applying twice never doubles anything. Only meetings whose agenda can still take items (a
 * draft or a sent agenda) count.
 */
export function applyAnnualCycle(
  archive: Archive,
  actor: Actor,
  forumId: number,
  year: number,
): Promise<AnnualCycleApplication> {
  return runCommand(archive, actor, {
    name: 'annual_cycle.apply',
    resolve: (db) => resolvePlanForum(db, forumId, { type: 'forum', id: forumId }),
    apply: async (context) => {
      const { db } = context;
      const recurring = await listRecurringItems(db, forumId);
      const meetings = (
        await listForumMeetingsBetween(db, forumId, `${year}-01-01`, `${year}-12-31`)
      ).filter(
        (meeting) =>
          !meeting.archived &&
          (meeting.status === 'draft' || meeting.status === 'agenda_published'),
      );
      const placements = placeAnnualCycle(recurring, meetings, year);
      const existing = new Map(
        (await listCycleItemsOfYear(db, forumId, year)).map((item) => [cycleKey(item), item]),
      );
      const result: AnnualCycleApplication = {
        year,
        createdCount: 0,
        placedCount: 0,
        unchangedCount: 0,
        waiting: [],
      };
      for (const placement of placements) {
        const item = recurring.find((entry) => entry.id === placement.recurringItemId);
        if (!item) continue;
        const { outcome, isWaiting } = await applyPlacement(
          context,
          forumId,
          item,
          placement,
          existing.get(`${item.id}@${placement.cyclePeriod}`),
        );
        if (outcome === 'created') result.createdCount++;
        else if (outcome === 'placed') result.placedCount++;
        else result.unchangedCount++;
        if (isWaiting)
          result.waiting.push({ title: item.title, period: `${placement.period.label} ${year}` });
      }
      await context.recordRevision({
        entityType: 'forum',
        entityId: forumId,
        action: 'annual_cycle.apply',
        data: { ...result },
      });
      return result;
    },
  });
}

/**
 * Plans one recurring item for one period, unless it is planned already; says what it did and
 * whether the item still waits for a meeting.
 */
async function applyPlacement(
  context: CommandContext,
  forumId: number,
  item: StoredRecurringItem,
  placement: CyclePlacement,
  planned: StoredPlannedItem | undefined,
): Promise<{ outcome: 'created' | 'placed' | 'unchanged'; isWaiting: boolean }> {
  if (planned) {
    if (planned.meetingId !== null || planned.takenItemId !== null)
      return { outcome: 'unchanged', isWaiting: false };
    if (!placement.meeting) return { outcome: 'unchanged', isWaiting: true };
    await updatePlannedItem(context.db, planned.id, { meetingId: placement.meeting.id });
    return { outcome: 'placed', isWaiting: false };
  }
  await insertPlannedItem(context.db, {
    forumId,
    source: 'annual',
    recurringItemId: item.id,
    cyclePeriod: placement.cyclePeriod,
    meetingId: placement.meeting?.id ?? null,
    title: item.title,
    caseNumber: null,
    purpose: item.purpose,
    durationMinutes: item.durationMinutes,
    note: `Fra årshjulet: ${placement.period.label}.`,
    closed: false,
  });
  return { outcome: 'created', isWaiting: placement.meeting === null };
}

function cycleKey(item: StoredPlannedItem): string {
  return `${item.recurringItemId}@${item.cyclePeriod}`;
}
