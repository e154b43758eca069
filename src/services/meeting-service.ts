import type { Actor } from '../core/actor.ts';
import type { Meeting } from '../core/meeting.ts';
import { documentKindFor, type MeetingStatus } from '../core/meeting-lifecycle.ts';
import type { MeetingAccess } from '../core/policies/meeting-access.ts';
import { visibleAnnotations, visibleMeeting } from '../core/policies/read-model.ts';
import { renderMeeting } from '../render/render-meeting.ts';
import type { RenderFormat } from '../render/renderer.ts';
import type { StoredMeetingTarget } from '../store/access-store.ts';
import { loadMeetingAnnotations } from '../store/annotation-store.ts';
import {
  listMeetingSummaries,
  loadMeetingDocuments,
  type MeetingSummary,
} from '../store/meeting-reader.ts';
import { agendaWheelOption } from './annual-wheel-appendix.ts';
import type { Archive } from './archive-types.ts';
import { caseLinker } from './case-link-settings.ts';
import { documentFileName } from './document-service.ts';
import { loadReadScope, requireMeetingAccess } from './read-access.ts';
import { notFound, ServiceError } from './service-error.ts';

/** A meeting as the API gives it: the interchange document plus its id, state and version. */
export interface MeetingView extends Meeting {
  id: number;
  status: MeetingStatus;
  version: number;
}

/** Lists the meetings this actor may see, newest first. */
export async function listMeetings(
  archive: Archive,
  actor: Actor,
  options: { forum?: string; limit?: number; offset?: number } = {},
): Promise<MeetingSummary[]> {
  const db = archive.database.db;
  return listMeetingSummaries(db, { ...options, scope: await loadReadScope(db, actor) });
}

/** One meeting as this actor may see it; 404 when it is not there for them. */
export async function getMeetingView(
  archive: Archive,
  actor: Actor,
  meetingId: number,
): Promise<MeetingView> {
  const { target, access } = await requireMeetingAccess(archive, actor, meetingId);
  const view = await loadMeetingView(archive, target, access);
  if (!view) throw notFound('Mødet');
  return view;
}

/**
 * A meeting as one access level sees it, loaded now (the view cache calls this with the
 * access it has already decided); null when the meeting is gone.
 */
export async function loadMeetingView(
  archive: Archive,
  target: StoredMeetingTarget,
  access: Exclude<MeetingAccess, 'none'>,
): Promise<MeetingView | null> {
  const [meeting] = await loadMeetingDocuments(archive.database.db, [target.meetingId]);
  if (!meeting) return null;
  return {
    id: target.meetingId,
    status: target.status,
    version: target.version,
    ...visibleMeeting(meeting, access, target.status),
  };
}

/**
 * The meeting's document (agenda or minutes, as its state gives, or as `wantedKind` asks) in
 * a format, as this actor may see it.
 */
export async function renderMeetingDocument(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  format: RenderFormat,
  wantedKind?: 'agenda' | 'minutes',
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { target, access } = await requireMeetingAccess(archive, actor, meetingId);
  const meeting = await loadMeetingView(archive, target, access);
  if (!meeting) throw notFound('Mødet');
  const stateKind = documentKindFor(meeting.status);
  // The agenda can always be had; the minutes only once they are published.
  if (wantedKind === 'minutes' && stateKind !== 'minutes')
    throw new ServiceError(409, 'Referatet er ikke udsendt endnu; hent dagsordenen.');
  const kind = wantedKind ?? stateKind;
  const { id: _id, status: _status, version: _version, ...document } = meeting;
  const annotations = visibleAnnotations(
    await loadMeetingAnnotations(archive.database.db, meetingId),
    // The view has closed items redacted; the rule needs to know which are closed.
    document,
    access,
    target.status,
  );
  // The PDF of an agenda ends with the årshjul when the forum wants it.
  const appendix =
    format === 'pdf'
      ? await agendaWheelOption(archive.database.db, actor, target, meeting, kind)
      : {};
  const bytes = await renderMeeting(document, format, {
    kind,
    annotations,
    ...appendix,
    caseUrl: caseLinker(archive),
  });
  return { bytes, fileName: documentFileName(meeting, kind, format) };
}
