import { buildCalendar } from '../../core/icalendar.ts';
import { meetingCalendarEvent } from '../../core/meeting-calendar.ts';
import type { MeetingFacts } from './mail-messages.ts';

/** What an invitation needs besides the meeting: its identity and who sends it to whom. */
export interface InvitationFacts {
  meetingId: number;
  uid: string;
  sequence: number;
  durationMinutes: number;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  stamp: Date;
}

/**
 * The meeting as a calendar invitation to one recipient (METHOD:REQUEST), or its withdrawal
 * (METHOD:CANCEL, STATUS:CANCELLED): the same event as the forum's calendar feed shows
 * (core/meeting-calendar), with the organizer and the recipient as attendee that a calendar
 * client needs to file an invitation rather than a copy.
 */
export function buildInvitation(
  method: 'REQUEST' | 'CANCEL',
  meeting: MeetingFacts,
  facts: InvitationFacts,
): string {
  const event = meetingCalendarEvent(
    {
      meetingId: facts.meetingId,
      forumName: meeting.forumName,
      date: meeting.date,
      start: meeting.start,
      location: meeting.location,
      isCancelled: method === 'CANCEL',
      sequence: facts.sequence,
      durationMinutes: facts.durationMinutes,
      url: meeting.url,
    },
    { host: new URL(meeting.url).hostname, stamp: facts.stamp },
  );
  return buildCalendar({
    method,
    events: [
      {
        ...event,
        // The UID the meeting's first invitation had: a later change of the public address must
        // not make its update or cancellation a different event.
        uid: facts.uid,
        organizer: facts.organizer,
        attendees: [facts.attendee],
      },
    ],
  });
}
