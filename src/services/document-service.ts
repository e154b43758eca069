import type { Actor } from '../core/actor.ts';
import type { Meeting } from '../core/meeting.ts';
import { visibleMeeting, visiblePublication } from '../core/policies/read-model.ts';
import { renderMeeting } from '../render/render-meeting.ts';
import { loadMeetingDocuments } from '../store/meeting-reader.ts';
import type { Archive } from './archive.ts';
import { findPublication } from './publication-service.ts';
import { requireMeetingAccess, requirePolicy } from './read-access.ts';
import { notFound } from './service-error.ts';

/** A rendered document and the file name to offer it under. */
export interface RenderedDocument {
  bytes: Uint8Array;
  fileName: string;
}

/** "dagsorden-chefforum-2018-10-11.pdf": only characters safe in a Content-Disposition header. */
export function documentFileName(
  meeting: Pick<Meeting, 'forum' | 'date'>,
  kind: 'agenda' | 'minutes',
  format: string,
): string {
  const forumPart =
    meeting.forum
      .toLowerCase()
      .replace(/[^a-z0-9æøå]+/gu, '-')
      .replace(/^-|-$/gu, '') || 'moede';
  return `${kind === 'agenda' ? 'dagsorden' : 'referat'}-${forumPart}-${meeting.date}.${format}`;
}

/**
 * The document as it would be published now: the preview before "Udsend", for the forum's
 * secretaries (it shows what is not yet published).
 */
export async function renderPreview(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  kind: 'agenda' | 'minutes',
): Promise<RenderedDocument> {
  const readable = await requireMeetingAccess(archive, actor, meetingId);
  await requirePolicy(archive, actor, 'meeting.preview', readable.target, {
    type: 'meeting',
    id: meetingId,
  });
  const [meeting] = await loadMeetingDocuments(archive.database.db, [meetingId]);
  if (!meeting) throw notFound('Mødet');
  const visible = visibleMeeting({ ...meeting, kind }, readable.access, readable.target.status);
  const bytes = await renderMeeting(visible, 'pdf', { kind });
  return { bytes, fileName: documentFileName(meeting, kind, 'pdf') };
}

/** A published version as it was sent, as this actor may see it. */
export async function renderPublication(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  kind: 'agenda' | 'minutes',
  number: number,
): Promise<RenderedDocument> {
  const { access } = await requireMeetingAccess(archive, actor, meetingId);
  const document = await findPublication(archive, meetingId, kind, number);
  const bytes = await renderMeeting(visiblePublication(document, access, kind), 'pdf', { kind });
  const fileName = documentFileName(document, kind, 'pdf').replace(/\.pdf$/u, `-v${number}.pdf`);
  return { bytes, fileName };
}
