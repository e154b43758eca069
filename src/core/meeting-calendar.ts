/**
 * A meeting as a calendar event: the rules the forum's calendar feed and the invitations share,
 * so that a calendar client sees one event per meeting, updated in place (same UID, a higher
 * SEQUENCE) when its date, time or place changes. Pure.
 */
import type { CalendarEvent } from './icalendar.ts';
import { meetingEventUid } from './icalendar.ts';

/** When and where a meeting is: what a calendar event is made of. */
export interface MeetingPlaceAndTime {
  date: string;
  start: string | null;
  location: string | null;
}

/** How long a meeting lasts in the calendar when its items have no times. */
export const defaultMeetingMinutes = 120;

/**
 * The event's SEQUENCE: how many times the meeting's date, time or place has changed, plus one
 * when it is cancelled. `earlier` are the meeting as each of its changes found it, oldest first
 * (the `before` of its revisions); `current` is the meeting now. Each step along the chain
 * earlier[0] → … → current that changes date, start or location counts once, so a move and a
 * move back count twice, and a change to anything else (items, status) counts nothing. The
 * number only ever rises: a new revision adds a step at the end and leaves the others.
 */
export function calendarSequence(
  earlier: readonly MeetingPlaceAndTime[],
  current: MeetingPlaceAndTime,
  isCancelled: boolean,
): number {
  const chain = [...earlier, current];
  let changes = 0;
  for (let index = 1; index < chain.length; index++) {
    const before = chain[index - 1];
    const after = chain[index];
    if (before && after && !samePlaceAndTime(before, after)) changes++;
  }
  return changes + (isCancelled ? 1 : 0);
}

function samePlaceAndTime(a: MeetingPlaceAndTime, b: MeetingPlaceAndTime): boolean {
  return (
    a.date === b.date &&
    (a.start ?? null) === (b.start ?? null) &&
    (a.location ?? null) === (b.location ?? null)
  );
}

/**
 * Reads a revision's `before` as a meeting's date, time and place, or null when it is not one
 * (a status change keeps only the status; an item change keeps the item). Both the details
 * form's revisions (the meeting's record) and a re-import's (the whole document) carry them.
 */
export function placeAndTimeOf(before: unknown): MeetingPlaceAndTime | null {
  if (typeof before !== 'object' || before === null) return null;
  const { date, start, location } = before as Record<string, unknown>;
  if (typeof date !== 'string') return null;
  return {
    date,
    start: typeof start === 'string' ? start : null,
    location: typeof location === 'string' ? location : null,
  };
}

/**
 * How long the meeting lasts in the calendar: its time plan (the items' minutes as the reader
 * sees them), or two hours when no item has a time.
 */
export function meetingCalendarMinutes(
  items: readonly { durationMinutes?: number | null }[],
): number {
  const total = items.reduce((sum, item) => sum + (item.durationMinutes ?? 0), 0);
  return total > 0 ? total : defaultMeetingMinutes;
}

/** A meeting and what its event needs beside it. */
export interface MeetingEventFacts extends MeetingPlaceAndTime {
  meetingId: number;
  forumName: string;
  isCancelled: boolean;
  sequence: number;
  durationMinutes: number;
  /** The meeting's page in the app. */
  url: string;
}

/**
 * A meeting's calendar event: "Chefforum – møde" (with "Aflyst: " before it when cancelled,
 * since many clients show a subscribed event's status nowhere), at the meeting's date and
 * time in Copenhagen, all day when it has no time.
 */
export function meetingCalendarEvent(
  meeting: MeetingEventFacts,
  options: { host: string; stamp: Date },
): CalendarEvent {
  const summary = `${meeting.forumName} – møde`;
  return {
    uid: meetingEventUid(meeting.meetingId, options.host),
    sequence: meeting.sequence,
    date: meeting.date,
    start: meeting.start,
    durationMinutes: meeting.durationMinutes,
    summary: meeting.isCancelled ? `Aflyst: ${summary}` : summary,
    location: meeting.location,
    description: meeting.isCancelled
      ? `Mødet i ${meeting.forumName} er aflyst.\n${meeting.url}`
      : `Møde i ${meeting.forumName}. Dagsorden og referat: ${meeting.url}`,
    url: meeting.url,
    status: meeting.isCancelled ? 'CANCELLED' : 'CONFIRMED',
    stamp: options.stamp,
  };
}
