import type { Meeting } from '../core/meeting.ts';
import { documentKindFor, type MeetingStatus } from '../core/meeting-lifecycle.ts';
import { type Viewer, visibleMeeting } from '../core/visibility.ts';
import { renderMeeting } from '../render/render-meeting.ts';
import type { RenderFormat } from '../render/renderer.ts';
import {
  listMeetingSummaries,
  loadMeetingDocuments,
  type MeetingSummary,
} from '../store/meeting-reader.ts';
import { findMeetingState } from '../store/meeting-state.ts';
import type { Archive } from './archive.ts';
import { documentFileName } from './document-service.ts';
import { ServiceError } from './service-error.ts';

/** A meeting as the API gives it: the interchange document plus its id, state and version. */
export interface MeetingView extends Meeting {
  id: number;
  status: MeetingStatus;
  version: number;
}

/** Lists meetings, newest first. */
export function listMeetings(
  archive: Archive,
  options: { forum?: string; limit?: number; offset?: number } = {},
): Promise<MeetingSummary[]> {
  return listMeetingSummaries(archive.database.db, options);
}

/** One meeting as this viewer may see it, or null when there is no such meeting. */
export async function getMeeting(
  archive: Archive,
  meetingId: number,
  viewer: Viewer,
): Promise<MeetingView | null> {
  const state = await findMeetingState(archive.database.db, meetingId);
  if (!state) return null;
  const [meeting] = await loadMeetingDocuments(archive.database.db, [meetingId]);
  if (!meeting) return null;
  return {
    id: meetingId,
    status: state.status,
    version: state.version,
    ...visibleMeeting(meeting, viewer),
  };
}

/** The meeting's document (agenda or minutes, as its state gives) in a format, for this viewer. */
export async function renderMeetingDocument(
  archive: Archive,
  meetingId: number,
  format: RenderFormat,
  viewer: Viewer,
  wantedKind?: 'agenda' | 'minutes',
): Promise<{ bytes: Uint8Array; fileName: string } | null> {
  const meeting = await getMeeting(archive, meetingId, viewer);
  if (!meeting) return null;
  const stateKind = documentKindFor(meeting.status);
  // The agenda can always be had; the minutes only once they are published.
  if (wantedKind === 'minutes' && stateKind !== 'minutes')
    throw new ServiceError(409, 'Referatet er ikke udsendt endnu; hent dagsordenen.');
  const kind = wantedKind ?? stateKind;
  const { id: _id, status: _status, version: _version, ...document } = meeting;
  const bytes = await renderMeeting(document, format, { kind });
  const fileName = documentFileName(meeting, kind, format);
  return { bytes, fileName };
}
