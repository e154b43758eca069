import { requestJson } from './client.ts';
import type {
  MeetingAbsence,
  MeetingDetails,
  MeetingSummary,
  NewItem,
  NewMeeting,
  PublishResult,
  Workspace,
} from './types.ts';

const meetingPath = (id: number): string => `/api/meetings/${id}`;

/** All meetings, newest first. */
export function listMeetings(): Promise<MeetingSummary[]> {
  return requestJson('/api/meetings?limit=1000');
}

/** Creates a meeting with the standard items and answers its workspace. */
export function createMeeting(body: NewMeeting): Promise<Workspace> {
  return requestJson('/api/meetings', { method: 'POST', body });
}

/** The workspace path, for loading with useApiData. */
export function workspacePath(id: number): string {
  return `${meetingPath(id)}/workspace`;
}

/** The meeting's publications with what changed, oldest first. */
export function publicationsPath(id: number): string {
  return `${meetingPath(id)}/publications`;
}

/** Links to a meeting's documents and previews. */
export const documentLinks = {
  pdf: (id: number, kind?: 'agenda' | 'minutes'): string =>
    `${meetingPath(id)}/document.pdf${kind ? `?kind=${kind}` : ''}`,
  docx: (id: number, kind?: 'agenda' | 'minutes'): string =>
    `${meetingPath(id)}/document.docx${kind ? `?kind=${kind}` : ''}`,
  preview: (id: number, kind: 'agenda' | 'minutes'): string =>
    `${meetingPath(id)}/preview.pdf?kind=${kind}`,
  publication: (id: number, kind: 'agenda' | 'minutes', number: number): string =>
    `${meetingPath(id)}/publications/${kind}/${number}/document.pdf`,
  combined: (id: number, kind: 'agenda' | 'minutes'): string =>
    `${meetingPath(id)}/combined.pdf?kind=${kind}`,
};

/** Adds an item before "Evt.". */
export function addItem(meetingId: number, body: NewItem): Promise<unknown> {
  return requestJson(`${meetingPath(meetingId)}/items`, { method: 'POST', body });
}

/** Puts all items in a new order; the answer is the renumbered workspace. */
export function reorderItems(meetingId: number, itemIds: number[]): Promise<Workspace> {
  return requestJson(`${meetingPath(meetingId)}/order`, { method: 'PUT', body: { itemIds } });
}

/** Publishes the agenda (again). */
export function publishAgenda(meetingId: number): Promise<PublishResult> {
  return requestJson(`${meetingPath(meetingId)}/publish-agenda`, { method: 'POST' });
}

/** Starts the meeting: meeting mode. */
export function startMeeting(meetingId: number): Promise<Workspace> {
  return requestJson(`${meetingPath(meetingId)}/start`, { method: 'POST' });
}

/** Ends the meeting under way: it is held ("Afholdt"). */
export function finishMeeting(meetingId: number): Promise<Workspace> {
  return requestJson(`${meetingPath(meetingId)}/finish`, { method: 'POST' });
}

/** Cancels a meeting whose agenda is out; the invitations are withdrawn. */
export function cancelMeeting(meetingId: number, reason: string | null): Promise<Workspace> {
  return requestJson(`${meetingPath(meetingId)}/cancel`, { method: 'POST', body: { reason } });
}

/** Deletes a meeting whose agenda was never sent out. */
export function deleteMeeting(meetingId: number): Promise<unknown> {
  return requestJson(meetingPath(meetingId), { method: 'DELETE' });
}

/** Publishes the minutes (again). */
export function publishMinutes(meetingId: number): Promise<PublishResult> {
  return requestJson(`${meetingPath(meetingId)}/publish-minutes`, { method: 'POST' });
}

/** Approves the minutes, which locks them. */
export function approveMinutes(meetingId: number): Promise<Workspace> {
  return requestJson(`${meetingPath(meetingId)}/approve-minutes`, { method: 'POST' });
}

/** Approves the previous meeting's minutes from item 1 of this one. */
export function approvePreviousMinutes(meetingId: number): Promise<unknown> {
  return requestJson(`${meetingPath(meetingId)}/approve-previous`, { method: 'POST' });
}

/** Marks a person absent for the whole meeting. */
export function addMeetingAbsence(meetingId: number, person: MeetingAbsence): Promise<Workspace> {
  return requestJson(`${meetingPath(meetingId)}/absences`, {
    method: 'POST',
    body: { name: person.name, ...(person.role ? { role: person.role } : {}) },
  });
}

/** Removes a person's absence from every item. */
export function removeMeetingAbsence(meetingId: number, name: string): Promise<Workspace> {
  return requestJson(`${meetingPath(meetingId)}/absences?name=${encodeURIComponent(name)}`, {
    method: 'DELETE',
  });
}

/** Changes a meeting's date, time or room; 409 when someone else changed it meanwhile. */
export function updateMeetingDetails(meetingId: number, body: MeetingDetails): Promise<Workspace> {
  return requestJson(meetingPath(meetingId), { method: 'PATCH', body });
}
