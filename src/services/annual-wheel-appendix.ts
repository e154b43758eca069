import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import { monthName } from '../core/annual-cycle.ts';
import { describeWheel, drawAnnualWheel } from '../core/annual-wheel.ts';
import { annualWheelEntries, describeWheelEntry } from '../core/annual-wheel-entries.ts';
import type { ForumTarget } from '../core/policies/targets.ts';
import type { RenderAppendix } from '../render/render-appendix.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { findForum } from '../store/forum-store.ts';
import { listForumMeetingsBetween } from '../store/meeting-plan-store.ts';
import { findShowsAnnualWheel, listRecurringItems } from '../store/recurring-item-store.ts';
import { canSeePlanMeeting } from './planning-access.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * The årshjul as the agenda PDF's last page, when the forum has asked for it (its planning
 * setting): the meeting's year with the meetings this reader may see and the recurring items
 * of the annual cycle, which the forum publishes by asking. The punktbank stays out: planned
 * items are internal (a return may come from a closed item), and the agenda goes to the public.
 * Spread into the render options: `{ appendix }`, or nothing for minutes and other forums.
 */
export async function agendaWheelOption(
  db: Executor,
  actor: Actor,
  forum: ForumTarget,
  meeting: { date: string },
  kind: 'agenda' | 'minutes',
): Promise<{ appendix?: RenderAppendix }> {
  if (kind !== 'agenda' || !(await findShowsAnnualWheel(db, forum.forumId))) return {};
  const stored = await findForum(db, forum.forumId);
  if (!stored) return {};
  const year = Number(meeting.date.slice(0, 4));
  const meetings = (
    await listForumMeetingsBetween(db, forum.forumId, `${year}-01-01`, `${year}-12-31`)
  ).filter((entry) => canSeePlanMeeting(actor, forum, entry.status));
  const entries = annualWheelEntries({
    year,
    meetings,
    recurringItems: await listRecurringItems(db, forum.forumId),
    plannedItems: [],
  });
  const wheel = { year, forumName: stored.name, entries };
  return {
    appendix: {
      heading: `Årshjul ${year}`,
      svg: drawAnnualWheel(wheel, { idPrefix: 'aarshjul-pdf' }),
      alt: describeWheel(wheel),
      lines: entries.map(
        (entry) => `${capitalize(monthName(entry.month))}: ${describeWheelEntry(entry)}`,
      ),
    },
  };
}

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
