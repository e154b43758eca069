import type { Kysely } from 'kysely';
import type { UserActor } from '../../core/actor.ts';
import { formatDanishDate } from '../../core/danish-date.ts';
import type { CalendarEvent } from '../../core/icalendar.ts';
import type { DatabaseSchema } from '../../store/database-schema.ts';
import { copenhagenToday } from '../portal-service.ts';
import { findOwnFollowups } from './followup-reading.ts';

/**
 * The UID of a follow-up's deadline in a calendar: stable, so a moved deadline moves the one
 * event. `host` is the public host name.
 */
export function followupEventUid(followupId: number, host: string): string {
  return `followup-${followupId}@${host}`;
}

/**
 * The deadlines of the user's own open follow-ups (findOwnFollowups) as all-day events on the
 * last day of each due range: "Frist: <titel>". Its SEQUENCE is the follow-up's version, which
 * rises with every change; one that is done or cancelled leaves the calendar.
 */
export async function listFollowupDeadlineEvents(
  db: Kysely<DatabaseSchema>,
  actor: UserActor,
  options: { baseUrl: string; now: Date },
): Promise<CalendarEvent[]> {
  const own = await findOwnFollowups(db, actor, 'open', copenhagenToday(options.now));
  const host = new URL(options.baseUrl).hostname;
  return own.flatMap((followup) =>
    followup.dueTo
      ? [
          {
            uid: followupEventUid(followup.id, host),
            sequence: followup.version,
            date: followup.dueTo,
            start: null,
            durationMinutes: 0,
            summary: `Frist: ${followup.title}`,
            location: null,
            description: `${followup.forumName} ${formatDanishDate(followup.meetingDate)}, punkt ${followup.itemNumber}: ${followup.itemTitle}\n${followup.text}`,
            url: `${options.baseUrl}/opfoelgning`,
            stamp: options.now,
          },
        ]
      : [],
  );
}
