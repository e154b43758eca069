import type { Actor } from '../core/actor.ts';
import { monthName } from '../core/annual-cycle.ts';
import type { MeetingSeriesResult, YearPlan } from '../core/api-contract/planning.ts';
import type { MeetingSeriesInput } from '../core/api-contract/planning-inputs.ts';
import { isoWeekOf } from '../core/followups/calendar-days.ts';
import { meetingStatusLabels } from '../core/meeting-lifecycle.ts';
import { seriesDates, seriesRuleProblem } from '../core/meeting-series.ts';
import { authorize } from '../core/policies/authorize.ts';
import type { ForumTarget } from '../core/policies/targets.ts';
import { findForum } from '../store/forum-store.ts';
import {
  countWaitingItemsByMeeting,
  findTakenDates,
  listForumMeetingsBetween,
  type PlanMeeting,
} from '../store/meeting-plan-store.ts';
import { loadWheelEntries } from './annual-wheel-service.ts';
import type { Archive } from './archive-types.ts';
import { createMeeting } from './meeting-flow-service.ts';
import { canSeePlanMeeting, requirePlanAccess } from './planning-access.ts';
import { notFound, ServiceError } from './service-error.ts';

/**
 * The year's meeting plan: a series of meetings created at once ("every second Thursday at
 * 9:00 in Mødelokale 1, skipping weeks 7, 29–31 and 52"), and the year at a glance. Each
 * meeting of a series is created the one way meetings are (createMeeting: item 1, standing
 * items, the previous meeting named); moving and cancelling one are the meetings' own
 * PATCH /api/meetings/:id, cancel and delete.
 */

/**
 * The dates of a series (a dry run: which are new and which the forum already meets on), or
 * the meetings it creates. Dates the forum already meets on are left as they are.
 */
export async function planMeetingSeries(
  archive: Archive,
  actor: Actor,
  forumId: number,
  input: MeetingSeriesInput,
): Promise<MeetingSeriesResult> {
  // Even the dry run is the secretary's: it tells which days the forum already meets.
  await requirePlanAccess(archive, actor, forumId, 'meeting.create');
  const rule = { ...input, skipWeeks: input.skipWeeks ?? [] };
  const problem = seriesRuleProblem(rule);
  if (problem) throw new ServiceError(400, problem);
  const { dates, skipped } = seriesDates(rule);
  const taken = await findTakenDates(archive.database.db, forumId, dates);
  const planned = dates.map((date) => ({
    date,
    week: isoWeekOf(date).week,
    state: taken.has(date) ? ('exists' as const) : ('new' as const),
    meetingId: taken.get(date) ?? null,
  }));
  if (input.dryRun) return { isDryRun: true, dates: planned, skipped, createdCount: 0 };
  let createdCount = 0;
  for (const entry of planned) {
    if (entry.state === 'exists') continue;
    const workspace = await createMeeting(archive, actor, {
      forumId,
      date: entry.date,
      start: input.start ?? null,
      location: input.location ?? null,
    });
    Object.assign(entry, { state: 'created', meetingId: workspace.id });
    createdCount++;
  }
  return { isDryRun: false, dates: planned, skipped, createdCount };
}

/**
 * The year at a glance: its twelve months with the meetings this actor may see (state, time,
 * place, planned items waiting, and whether it may be moved, cancelled or deleted), and the
 * årshjul's entries. For the forum's members and staff.
 */
export async function getYearPlan(
  archive: Archive,
  actor: Actor,
  forumId: number,
  year: number,
): Promise<YearPlan> {
  const forumTarget = await requirePlanAccess(archive, actor, forumId);
  const db = archive.database.db;
  const forum = await findForum(db, forumId);
  if (!forum) throw notFound('Forummet');
  const meetings = (
    await listForumMeetingsBetween(db, forumId, `${year}-01-01`, `${year}-12-31`)
  ).filter((meeting) => canSeePlanMeeting(actor, forumTarget, meeting.status));
  const waiting = await countWaitingItemsByMeeting(db, forumId);
  const shown = meetings.map((meeting) => yearMeeting(actor, forumTarget, meeting, waiting));
  return {
    forum: { id: forum.id, name: forum.name },
    year,
    months: Array.from({ length: 12 }, (_, index) => ({
      month: index + 1,
      name: monthName(index + 1),
      meetings: shown.filter((meeting) => Number(meeting.date.slice(5, 7)) === index + 1),
    })),
    wheelEntries: await loadWheelEntries(db, actor, forumTarget, year, meetings),
    permissions: {
      canManagePlan: authorize(actor, 'plan.manage', forumTarget).allowed,
      canCreateMeetings: authorize(actor, 'meeting.create', forumTarget).allowed,
    },
  };
}

function yearMeeting(
  actor: Actor,
  forum: ForumTarget,
  meeting: PlanMeeting,
  waiting: ReadonlyMap<number, number>,
) {
  const target = { ...forum, status: meeting.status, archived: meeting.archived };
  const may = (action: 'meeting.editDetails' | 'meeting.cancel' | 'meeting.delete') =>
    authorize(actor, action, target).allowed;
  return {
    id: meeting.id,
    date: meeting.date,
    start: meeting.start,
    location: meeting.location,
    status: meeting.status,
    statusLabel: meetingStatusLabels[meeting.status],
    version: meeting.version,
    waitingItemCount: waiting.get(meeting.id) ?? 0,
    permissions: {
      canEditDetails: may('meeting.editDetails'),
      canCancel: may('meeting.cancel'),
      canDelete: may('meeting.delete'),
    },
  };
}
