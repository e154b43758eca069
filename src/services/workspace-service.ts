import type { Kysely } from 'kysely';
import {
  canEditAgenda,
  canEnterDecisions,
  isLocked,
  type MeetingStatus,
  meetingStatusLabels,
  transitionMeeting,
} from '../core/meeting-lifecycle.ts';
import {
  addMinutesToClock,
  decisionPhrases,
  isStandardItem,
  timePlan,
} from '../core/standard-items.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { findForum, type StoredForum } from '../store/forum-store.ts';
import { loadStoredItems, type StoredItem } from '../store/item-store.ts';
import { findMeetingRecord, findNeighbourMeeting } from '../store/meeting-store.ts';
import { listPublications } from '../store/publication-store.ts';
import { notFound } from './service-error.ts';

type Executor = Kysely<DatabaseSchema>;

/** An item as the editor gets it. */
export interface EditableItem extends Omit<StoredItem, 'meetingId' | 'position' | 'attachments'> {
  isStandard: boolean;
  attachments: Array<{
    id: number;
    title: string;
    fileName: string | null;
    mediaType: string | null;
    size: number | null;
    url: string | null;
  }>;
}

/** Everything the meeting editor needs in one answer (see docs/api.md). */
export interface Workspace {
  id: number;
  version: number;
  status: MeetingStatus;
  statusLabel: string;
  kind: 'agenda' | 'minutes';
  date: string;
  start: string | null;
  location: string | null;
  forum: StoredForum;
  previousMeeting: { id: number; date: string; status: string } | null;
  nextMeeting: { id: number; date: string; status: string } | null;
  items: EditableItem[];
  decisionPhrases: string[];
  timePlan: { totalMinutes: number; itemsWithoutTime: number; endsAt: string | null };
  publications: Array<{ number: number; kind: 'agenda' | 'minutes'; publishedAt: string }>;
  permissions: Record<
    | 'canEditAgenda'
    | 'canEnterDecisions'
    | 'isLocked'
    | 'canPublishAgenda'
    | 'canStartMeeting'
    | 'canPublishMinutes'
    | 'canApproveMinutes',
    boolean
  >;
}

/** Turns stored items into what the editor gets: standard flags and download links. */
export function toEditableItems(items: readonly StoredItem[]): EditableItem[] {
  return items.map(({ meetingId: _meeting, position, attachments, ...item }) => ({
    ...item,
    isStandard: isStandardItem(item, position, items.length),
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      title: attachment.title,
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      size: attachment.size,
      url: attachment.fileId === null ? null : `/api/attachments/${attachment.id}`,
    })),
  }));
}

/** Loads a meeting's workspace, or throws 404. */
export async function loadWorkspace(db: Executor, meetingId: number): Promise<Workspace> {
  const meeting = await findMeetingRecord(db, meetingId);
  if (!meeting) throw notFound('Mødet');
  const forum = await findForum(db, meeting.forumId);
  if (!forum) throw notFound('Forummet');
  const status = meeting.status as MeetingStatus;
  const items = toEditableItems(await loadStoredItems(db, meetingId));
  const plan = timePlan(items);
  const allows = (action: Parameters<typeof transitionMeeting>[1]) =>
    transitionMeeting(status, action).ok;
  return {
    id: meeting.id,
    version: meeting.version,
    status,
    statusLabel: meetingStatusLabels[status],
    kind: meeting.kind,
    date: meeting.date,
    start: meeting.start,
    location: meeting.location,
    forum,
    previousMeeting: await findNeighbourMeeting(db, forum.id, meeting.date, 'before'),
    nextMeeting: await findNeighbourMeeting(db, forum.id, meeting.date, 'after'),
    items,
    decisionPhrases: decisionPhrases(forum.name),
    timePlan: {
      ...plan,
      endsAt: meeting.start ? addMinutesToClock(meeting.start, plan.totalMinutes) : null,
    },
    publications: (await listPublications(db, meetingId)).map(({ number, kind, publishedAt }) => ({
      number,
      kind,
      publishedAt,
    })),
    permissions: {
      canEditAgenda: canEditAgenda(status),
      canEnterDecisions: canEnterDecisions(status),
      isLocked: isLocked(status),
      canPublishAgenda: allows('publish_agenda'),
      canStartMeeting: allows('start_meeting'),
      canPublishMinutes: allows('publish_minutes'),
      canApproveMinutes: allows('approve_minutes'),
    },
  };
}
