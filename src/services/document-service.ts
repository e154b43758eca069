import type { Actor } from '../core/actor.ts';
import type { Meeting } from '../core/meeting.ts';
import { documentKindFor } from '../core/meeting-lifecycle.ts';
import {
  canReadAttachment,
  visibleAnnotations,
  visibleMeeting,
  visiblePublication,
} from '../core/policies/read-model.ts';
import {
  type CombinedAttachment,
  type CombinedFileKind,
  combinePdf,
} from '../render/pdf-combine.ts';
import { renderPdf } from '../render/pdf-renderer.ts';
import { renderMeeting } from '../render/render-meeting.ts';
import { buildRenderDocument } from '../render/render-model.ts';
import { loadMeetingAnnotations } from '../store/annotation-store.ts';
import { readFileBytes } from '../store/file-store.ts';
import { loadStoredItems, type StoredAttachment } from '../store/item-store.ts';
import { loadMeetingDocuments } from '../store/meeting-reader.ts';
import { agendaWheelOption } from './annual-wheel-appendix.ts';
import type { Archive } from './archive-types.ts';
import { caseLinker } from './case-link-settings.ts';
import { findPublication } from './publication-service.ts';
import { requireMeetingAccess, requirePolicy } from './read-access.ts';
import { notFound, ServiceError } from './service-error.ts';

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
  const bytes = await renderMeeting(visible, 'pdf', {
    kind,
    annotations: visibleAnnotations(
      await loadMeetingAnnotations(archive.database.db, meetingId),
      meeting,
      readable.access,
      readable.target.status,
    ),
    ...(await agendaWheelOption(archive.database.db, actor, readable.target, meeting, kind)),
    caseUrl: caseLinker(archive),
  });
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
  const publication = await findPublication(archive, meetingId, kind, number);
  const document = publication.document;
  // A version is shown with the annotations it was sent with, fitted to the reader as well.
  const bytes = await renderMeeting(visiblePublication(document, access, kind), 'pdf', {
    kind,
    annotations: visibleAnnotations(
      publication.annotations,
      document,
      access,
      kind === 'minutes' ? 'minutes_published' : 'agenda_published',
    ),
    caseUrl: caseLinker(archive),
  });
  const fileName = documentFileName(document, kind, 'pdf').replace(/\.pdf$/u, `-v${number}.pdf`);
  return { bytes, fileName };
}

/**
 * The agenda or the minutes (as the meeting's state gives, unless asked) as one PDF with the item's Bilag appended ("samlet PDF"), as this
 * actor may see them: the document as `renderMeetingDocument` gives it, and only the Bilag
 * the actor may download (a closed item's Bilag never reaches a reader without rights).
 * Word and Excel Bilag, and PDFs that cannot be read, get a page saying so in their place.
 */
export async function renderCombinedPdf(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  wantedKind?: 'agenda' | 'minutes',
): Promise<RenderedDocument> {
  const db = archive.database.db;
  const { target, access } = await requireMeetingAccess(archive, actor, meetingId);
  // As the document alone: the state's document unless asked, the minutes once published.
  const kind = wantedKind ?? documentKindFor(target.status);
  if (kind === 'minutes' && documentKindFor(target.status) !== 'minutes')
    throw new ServiceError(409, 'Referatet er ikke udsendt endnu; hent dagsordenen.');
  const [meeting] = await loadMeetingDocuments(db, [meetingId]);
  if (!meeting) throw notFound('Mødet');
  const layout = buildRenderDocument(visibleMeeting({ ...meeting, kind }, access, target.status), {
    kind,
    annotations: visibleAnnotations(
      await loadMeetingAnnotations(db, meetingId),
      meeting,
      access,
      target.status,
    ),
    caseUrl: caseLinker(archive),
  });
  const attachments: CombinedAttachment[] = [];
  for (const item of await loadStoredItems(db, meetingId)) {
    for (const attachment of item.attachments) {
      // A Bilag known only by its title (an imported one) has nothing to append.
      if (attachment.fileId === null || !canReadAttachment(item, attachment, access)) continue;
      const bytes = await readFileBytes(db, attachment.fileId);
      if (!bytes) continue;
      attachments.push({
        bookmark: `Bilag til punkt ${item.number}: ${attachment.title}`,
        title: attachment.title,
        kind: fileKindOf(attachment),
        bytes,
      });
    }
  }
  const bytes = await combinePdf({ title: layout.title, bytes: renderPdf(layout) }, attachments);
  const fileName = documentFileName(meeting, kind, 'pdf').replace(/\.pdf$/u, '-med-bilag.pdf');
  return { bytes, fileName };
}

function fileKindOf(attachment: StoredAttachment): CombinedFileKind {
  const name = attachment.fileName?.toLowerCase() ?? '';
  if (attachment.mediaType === 'application/pdf') return 'pdf';
  if (attachment.mediaType?.includes('wordprocessingml') || name.endsWith('.docx')) return 'word';
  if (attachment.mediaType?.includes('spreadsheetml') || name.endsWith('.xlsx')) return 'excel';
  return 'other';
}
