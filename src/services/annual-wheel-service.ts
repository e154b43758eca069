import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import { drawAnnualWheel } from '../core/annual-wheel.ts';
import { annualWheelEntries, type WheelEntry } from '../core/annual-wheel-entries.ts';
import type { MeetingStatus } from '../core/meeting-lifecycle.ts';
import type { ForumTarget } from '../core/policies/targets.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { findForum } from '../store/forum-store.ts';
import { listForumMeetingsBetween } from '../store/meeting-plan-store.ts';
import { listPlannedItemsOfForum } from '../store/planning-store.ts';
import { listRecurringItems } from '../store/recurring-item-store.ts';
import type { Archive } from './archive-types.ts';
import { canSeePlanMeeting, requirePlanAccess } from './planning-access.ts';
import { notFound } from './service-error.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * The årshjul of a forum's year: its meetings, the items planned for them and the recurring
 * items of its annual cycle, as its reader may see them, drawn as an SVG (core/annual-wheel)
 * for the app, for download, and for the agenda PDF's appendix.
 */

/**
 * The entries of a year's årshjul for this reader: the meetings given (those the reader may
 * see), every planned item (dated by its meeting only when the reader may see it) and the
 * recurring items not yet planned for the year.
 */
export async function loadWheelEntries(
  db: Executor,
  actor: Actor,
  forum: ForumTarget,
  year: number,
  meetings: ReadonlyArray<{ date: string; status: MeetingStatus }>,
): Promise<WheelEntry[]> {
  const planned = await listPlannedItemsOfForum(db, forum.forumId);
  return annualWheelEntries({
    year,
    meetings,
    recurringItems: await listRecurringItems(db, forum.forumId),
    plannedItems: planned.map((item) => ({
      title: item.title,
      source: item.source,
      recurringItemId: item.recurringItemId,
      meetingDate:
        item.meeting && canSeePlanMeeting(actor, forum, item.meeting.status)
          ? item.meeting.date
          : null,
      dueFrom: item.dueFrom,
      cyclePeriod: item.cyclePeriod,
      isTaken: item.takenItemId !== null,
    })),
  });
}

/** The årshjul as an SVG document, for the forum's members and staff. */
export async function getAnnualWheelSvg(
  archive: Archive,
  actor: Actor,
  forumId: number,
  year: number,
): Promise<string> {
  const forumTarget = await requirePlanAccess(archive, actor, forumId);
  const db = archive.database.db;
  const forum = await findForum(db, forumId);
  if (!forum) throw notFound('Forummet');
  const meetings = (
    await listForumMeetingsBetween(db, forumId, `${year}-01-01`, `${year}-12-31`)
  ).filter((meeting) => canSeePlanMeeting(actor, forumTarget, meeting.status));
  const entries = await loadWheelEntries(db, actor, forumTarget, year, meetings);
  const svg = drawAnnualWheel({ year, forumName: forum.name, entries });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
