import type { Meeting } from '../core/meeting.ts';
import { type Viewer, visibleMeeting } from '../core/visibility.ts';
import { renderMeeting } from '../render/render-meeting.ts';
import type { RenderFormat } from '../render/renderer.ts';
import { loadMeetingDocuments } from '../store/meeting-reader.ts';
import type { Archive } from './archive.ts';
import { findPublishedDocument } from './meeting-flow-service.ts';
import { notFound } from './service-error.ts';

/** A rendered document and the file name to offer it under. */
export interface RenderedDocument {
  bytes: Uint8Array;
  fileName: string;
}

/** Renders a meeting as agenda or minutes for a viewer, with a safe file name. */
export async function renderDocumentAs(
  meeting: Meeting,
  format: RenderFormat,
  kind: 'agenda' | 'minutes',
  viewer: Viewer,
): Promise<RenderedDocument> {
  const bytes = await renderMeeting(visibleMeeting(meeting, viewer), format, { kind });
  return { bytes, fileName: documentFileName(meeting, kind, format) };
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

/** The document as it would be published now: the preview before "Udsend". */
export async function renderPreview(
  archive: Archive,
  meetingId: number,
  kind: 'agenda' | 'minutes',
  viewer: Viewer,
): Promise<RenderedDocument> {
  const [meeting] = await loadMeetingDocuments(archive.database.db, [meetingId]);
  if (!meeting) throw notFound('Mødet');
  return renderDocumentAs({ ...meeting, kind }, 'pdf', kind, viewer);
}

/** A published version, as it was sent. */
export async function renderPublication(
  archive: Archive,
  meetingId: number,
  kind: 'agenda' | 'minutes',
  number: number,
  viewer: Viewer,
): Promise<RenderedDocument> {
  const document = await findPublishedDocument(archive, meetingId, kind, number);
  const rendered = await renderDocumentAs(document, 'pdf', kind, viewer);
  return { ...rendered, fileName: rendered.fileName.replace(/\.pdf$/u, `-v${number}.pdf`) };
}
