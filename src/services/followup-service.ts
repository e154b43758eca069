import type { Actor } from '../core/actor.ts';
import { extractFollowups, type FollowupExtraction } from '../core/followups/extract-followups.ts';
import type { Meeting } from '../core/meeting.ts';
import type { Archive } from './archive-types.ts';
import { getMeetingView, listMeetings } from './meeting-service.ts';

/** The follow-ups of a meeting, with the meeting they were found in. */
export interface MeetingFollowups extends FollowupExtraction {
  meeting: Meeting;
}

/**
 * The follow-ups in a stored meeting as this actor may see it (a closed item's decision stays
 * hidden from those without rights, so its follow-ups do too). The forum's later meetings in the
 * archive date "næste møde". 404 when the meeting is not there for the actor.
 */
export async function findStoredMeetingFollowups(
  archive: Archive,
  actor: Actor,
  meetingId: number,
): Promise<MeetingFollowups> {
  const {
    id: _id,
    status: _status,
    version: _version,
    ...meeting
  } = await getMeetingView(archive, actor, meetingId);
  const forumMeetings = await listMeetings(archive, actor, { forum: meeting.forum });
  const futureMeetingDates = forumMeetings
    .map((summary) => summary.date)
    .filter((date) => date > meeting.date);
  return { meeting, ...extractFollowups(meeting, { futureMeetingDates }) };
}

/** The follow-ups in a meeting document read from a file; "næste møde" stays undated. */
export function findDocumentFollowups(meeting: Meeting): MeetingFollowups {
  return { meeting, ...extractFollowups(meeting) };
}
