import { createHash } from 'node:crypto';
import { formatDanishDate } from '../../core/danish-date.ts';
import type { ItemAnnotations } from '../../core/item-annotations.ts';
import type { AgendaItem } from '../../core/meeting.ts';
import {
  documentKindFor,
  type MeetingStatus,
  meetingStatusLabels,
} from '../../core/meeting-lifecycle.ts';
import type { MeetingAccess } from '../../core/policies/meeting-access.ts';
import type { OparlAttachmentRecord, OparlMeetingRecord } from '../../store/oparl-record-store.ts';
import type { Stamped } from '../../store/oparl-store.ts';
import { documentFileName } from '../document-service.ts';
import { copenhagenDateTime, type PlannedTimes } from './oparl-time.ts';
import {
  type OparlAgendaItem,
  type OparlConsultation,
  type OparlFile,
  type OparlLocation,
  type OparlMeeting,
  type OparlNamedRole,
  oparlType,
} from './oparl-types.ts';
import type { OparlUrls } from './oparl-urls.ts';

/**
 * A meeting and its items as OParl objects. The inputs are already what the reader may see
 * (the read model made them: see oparl-meeting-bundles.ts), so these functions only map
 * Danish sections to OParl fields; a closed item the reader may not see arrives as "Lukket
 * punkt" and leaves as its number, its order and that title.
 */

/** One item of a meeting as the reader sees it, with its id and what hangs on it. */
export interface ItemEntry {
  id: number;
  /** The item's place in the meeting, from 1. */
  order: number;
  /** The item as the read model shows it. */
  item: AgendaItem;
  /** A closed item shown as "Lukket punkt": nothing but number, order and title go out. */
  isRedacted: boolean;
  /** The case (journal number) id, only when the item is shown in full. */
  caseId: number | null;
  /** Purpose, guests, "Kommunikeres ud", as the read model lets the reader see them. */
  annotations: ItemAnnotations;
  /** The Bilag the reader may download (with or without stored bytes). */
  attachments: OparlAttachmentRecord[];
}

/** A meeting as the reader sees it, ready to be mapped. */
export interface MeetingBundle {
  record: OparlMeetingRecord;
  status: MeetingStatus;
  access: Exclude<MeetingAccess, 'none'>;
  items: ItemEntry[];
  planned: PlannedTimes;
}

/** What every mapping needs besides its data. */
export interface MappingOptions {
  urls: OparlUrls;
  /** OParl's `omit_internal`: leave out the lists embedded in objects. */
  omitInternal: boolean;
}

/** The stable key of a place: a hash of its name, since places have no row of their own. */
export function locationKey(name: string): string {
  return createHash('sha256').update(name.trim()).digest('hex').slice(0, 16);
}

/** A place as an OParl Location; `meetings` only outside a meeting (OParl's back reference). */
export function locationObject(
  name: string,
  stamps: Stamped,
  urls: OparlUrls,
  meetingIds?: readonly number[],
): OparlLocation {
  return {
    id: urls.object('location', locationKey(name)),
    type: oparlType('Location'),
    description: name,
    ...(meetingIds ? { meetings: meetingIds.map((id) => urls.object('meeting', id)) } : {}),
    created: stamps.created,
    modified: stamps.modified,
  };
}

/** Whether the meeting's minutes are out, so that it has a minutes document. */
export function hasMinutesDocument(status: MeetingStatus): boolean {
  return documentKindFor(status) === 'minutes';
}

/** The meeting's agenda or minutes as an OParl File (the PDF the document route renders). */
export function meetingDocumentFile(
  bundle: MeetingBundle,
  kind: 'agenda' | 'minutes',
  options: MappingOptions,
  isEmbedded: boolean,
): OparlFile {
  const { record } = bundle;
  const { urls } = options;
  return {
    id: urls.object('file', `${kind}-${record.id}`),
    type: oparlType('File'),
    name: `${kind === 'agenda' ? 'Dagsorden' : 'Referat'} ${record.forum} ${formatDanishDate(record.date)}`,
    fileName: documentFileName(record, kind, 'pdf'),
    mimeType: 'application/pdf',
    accessUrl: urls.meetingDocument(record.id, kind),
    ...(isEmbedded ? {} : { meeting: [urls.object('meeting', record.id)] }),
    created: record.created,
    modified: record.modified,
  };
}

/** A stored Bilag as an OParl File; Bilag without stored bytes have none. */
export function attachmentFile(
  bundle: MeetingBundle,
  entry: ItemEntry,
  attachment: OparlAttachmentRecord,
  options: MappingOptions,
  isEmbedded: boolean,
): OparlFile {
  const { urls } = options;
  return {
    id: urls.object('file', `attachment-${attachment.id}`),
    type: oparlType('File'),
    name: attachment.title,
    ...(attachment.fileName ? { fileName: attachment.fileName } : {}),
    ...(attachment.mediaType ? { mimeType: attachment.mediaType } : {}),
    ...(attachment.size !== null ? { size: attachment.size } : {}),
    accessUrl: urls.attachmentAccess(attachment.id),
    downloadUrl: urls.attachmentDownload(attachment.id),
    ...(isEmbedded
      ? {}
      : {
          meeting: [urls.object('meeting', bundle.record.id)],
          agendaItem: [urls.object('agendaItem', entry.id)],
          ...(entry.caseId !== null ? { paper: [urls.object('paper', entry.caseId)] } : {}),
        }),
    created: bundle.record.created,
    modified: bundle.record.modified,
  };
}

/** Whether a Bilag's bytes are stored here, so that it is an OParl File. */
export function isStoredAttachment(attachment: OparlAttachmentRecord): boolean {
  return attachment.fileName !== null;
}

/** The facts a consultation is made of: an item that carries a case, in its meeting. */
export interface ConsultationFacts extends Stamped {
  itemId: number;
  meetingId: number;
  forumId: number;
  caseId: number;
  purpose: string | null;
}

/** An item's handling of a case as an OParl Consultation; `paper` only outside the Paper. */
export function consultationObject(
  facts: ConsultationFacts,
  urls: OparlUrls,
  isEmbedded: boolean,
): OparlConsultation {
  return {
    id: urls.object('consultation', facts.itemId),
    type: oparlType('Consultation'),
    ...(isEmbedded ? {} : { paper: urls.object('paper', facts.caseId) }),
    agendaItem: urls.object('agendaItem', facts.itemId),
    meeting: urls.object('meeting', facts.meetingId),
    organization: [urls.object('organization', facts.forumId)],
    ...(facts.purpose ? { role: facts.purpose } : {}),
    created: facts.created,
    modified: facts.modified,
  };
}

/** The consultation facts of an item of a meeting, when it carries a case it shows. */
export function consultationFactsOf(
  bundle: MeetingBundle,
  entry: ItemEntry,
): ConsultationFacts | null {
  if (entry.caseId === null || entry.isRedacted) return null;
  return {
    itemId: entry.id,
    meetingId: bundle.record.id,
    forumId: bundle.record.forumId,
    caseId: entry.caseId,
    purpose: entry.annotations.purpose ?? null,
    created: bundle.record.created,
    modified: bundle.record.modified,
  };
}

/** An item as an OParl AgendaItem; `meeting` only outside the Meeting. */
export function agendaItemObject(
  bundle: MeetingBundle,
  entry: ItemEntry,
  options: MappingOptions,
  isEmbedded: boolean,
): OparlAgendaItem {
  const { urls } = options;
  const { item } = entry;
  const base = {
    id: urls.object('agendaItem', entry.id),
    type: oparlType('AgendaItem'),
    ...(isEmbedded ? {} : { meeting: urls.object('meeting', bundle.record.id) }),
    number: String(item.number),
    order: entry.order,
    name: item.title,
    public: !item.closed,
    created: bundle.record.created,
    modified: bundle.record.modified,
  };
  // "Lukket punkt": its number and that title, nothing else (not even its planned time).
  if (entry.isRedacted) return { ...base, public: false };
  const times = bundle.planned.items[entry.order - 1];
  const files = entry.attachments
    .filter(isStoredAttachment)
    .map((attachment) => attachmentFile(bundle, entry, attachment, options, true));
  const { annotations } = entry;
  return {
    ...base,
    ...(consultationFactsOf(bundle, entry)
      ? { consultation: urls.object('consultation', entry.id) }
      : {}),
    ...(item.decision?.trim() ? { resolutionText: item.decision } : {}),
    ...(files.length > 0 && !options.omitInternal ? { auxiliaryFile: files } : {}),
    ...(times?.start ? { start: times.start } : {}),
    ...(times?.end ? { end: times.end } : {}),
    ...(item.caseNumber ? { 'referat:caseNumber': item.caseNumber } : {}),
    ...(annotations.purpose ? { 'referat:purpose': annotations.purpose } : {}),
    ...(item.durationMinutes ? { 'referat:durationMinutes': item.durationMinutes } : {}),
    ...(item.background?.trim() ? { 'referat:background': item.background } : {}),
    ...(item.presentation?.trim() ? { 'referat:presentation': item.presentation } : {}),
    ...(item.recommendation
      ? {
          'referat:recommendation': {
            proposer: item.recommendation.proposer,
            points: [...item.recommendation.points],
          },
        }
      : {}),
    ...(item.absent.length > 0 ? { 'referat:absent': namedRoles(item.absent) } : {}),
    ...(annotations.guests && annotations.guests.length > 0
      ? { 'referat:guests': namedRoles(annotations.guests) }
      : {}),
    ...(annotations.communication ? { 'referat:communication': annotations.communication } : {}),
    ...(entry.attachments.length > 0
      ? {
          'referat:attachments': entry.attachments.map((attachment) => ({
            title: attachment.title,
            ...(isStoredAttachment(attachment)
              ? { file: urls.object('file', `attachment-${attachment.id}`) }
              : {}),
          })),
        }
      : {}),
  };
}

function namedRoles(
  entries: ReadonlyArray<{ name: string; role?: string | null }>,
): OparlNamedRole[] {
  return entries.map((entry) => ({ name: entry.name, role: entry.role ?? null }));
}

/** A meeting as an OParl Meeting, with its items, its place and its documents embedded. */
export function meetingObject(
  bundle: MeetingBundle,
  options: MappingOptions,
  location: OparlLocation | null,
): OparlMeeting {
  const { record, status } = bundle;
  const { urls } = options;
  const start = record.start ? copenhagenDateTime(record.date, record.start) : null;
  return {
    id: urls.object('meeting', record.id),
    type: oparlType('Meeting'),
    name: `${record.forum} ${formatDanishDate(record.date)}`,
    meetingState: meetingStatusLabels[status],
    ...(status === 'cancelled' ? { cancelled: true } : {}),
    ...(start ? { start } : {}),
    ...(start && bundle.planned.end ? { end: bundle.planned.end } : {}),
    ...(location ? { location } : {}),
    organization: [urls.object('organization', record.forumId)],
    invitation: meetingDocumentFile(bundle, 'agenda', options, true),
    ...(hasMinutesDocument(status)
      ? { resultsProtocol: meetingDocumentFile(bundle, 'minutes', options, true) }
      : {}),
    ...(options.omitInternal
      ? {}
      : {
          agendaItem: bundle.items.map((entry) => agendaItemObject(bundle, entry, options, true)),
        }),
    web: urls.meetingWeb(record.id),
    created: record.created,
    modified: record.modified,
    'referat:date': record.date,
    'referat:status': status,
    'referat:archived': record.archived,
  };
}
