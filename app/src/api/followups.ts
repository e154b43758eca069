import type {
  FollowupChanges,
  FollowupConfirmation,
  FollowupDetail,
  FollowupFilter,
  FollowupRejection,
  FollowupView,
  MeetingFollowups,
} from '../../../src/core/api-contract/followups.ts';
import { requestJson } from './client.ts';

/*
 * Follow-ups (opfølgninger) as the app reads and changes them. The types are the API
 * contract's (src/core/api-contract/followups.ts): what the server answers and takes.
 */

export type {
  FollowupChanges,
  FollowupConfirmation,
  FollowupDetail,
  FollowupFilter,
  FollowupView,
  MeetingFollowups,
};

/** A meeting's follow-ups (suggestions, confirmed, rejected, due before it), for useApiData. */
export function meetingFollowupsPath(meetingId: number): string {
  return `/api/meetings/${meetingId}/followups`;
}

/** The signed-in user's own follow-ups. */
export function myFollowupsPath(filter: FollowupFilter): string {
  return `/api/me/followups?status=${filter}`;
}

/** A forum's follow-ups. */
export function forumFollowupsPath(forumId: number, filter: FollowupFilter): string {
  return `/api/forums/${forumId}/followups?status=${filter}`;
}

/** A case's follow-ups. */
export function caseFollowupsPath(caseNumber: string): string {
  return `/api/cases/${encodeURIComponent(caseNumber)}/followups`;
}

/** Confirms a suggestion, with any edits; answers the follow-up as it is now. */
export function confirmFollowup(id: number, body: FollowupConfirmation): Promise<FollowupView> {
  return requestJson(`/api/followups/${id}/confirm`, { method: 'POST', body });
}

/** Edits a follow-up, sets its status or adds a note. */
export function changeFollowup(id: number, body: FollowupChanges): Promise<FollowupView> {
  return requestJson(`/api/followups/${id}`, { method: 'PATCH', body });
}

/** Rejects a suggestion. */
export function rejectFollowup(id: number, body: FollowupRejection): Promise<FollowupView> {
  return requestJson(`/api/followups/${id}/reject`, { method: 'POST', body });
}

/** One follow-up with its history. */
export function followupPath(id: number): string {
  return `/api/followups/${id}`;
}

/** Loads one follow-up with its history. */
export function getFollowup(id: number): Promise<FollowupDetail> {
  return requestJson(followupPath(id));
}
