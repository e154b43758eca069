import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import type {
  EditableItem,
  Workspace,
  WorkspacePermissions,
} from '../core/api-contract/meetings.ts';
import {
  isLocked,
  type MeetingStatus,
  meetingStatusLabels,
  toMeetingStatus,
} from '../core/meeting-lifecycle.ts';
import { authorize, type PolicyAction } from '../core/policies/authorize.ts';
import {
  hidesContactDetails,
  type MeetingAccess,
  showsClosedItems,
  showsDecisions,
} from '../core/policies/meeting-access.ts';
import {
  canReadAttachment,
  itemWithoutContactDetails,
  redactClosedItem,
  visibleText,
  visibleVersionReason,
} from '../core/policies/read-model.ts';
import {
  addMinutesToClock,
  decisionPhrases,
  isStandardItem,
  timePlan,
} from '../core/standard-items.ts';
import { findMeetingTarget, type StoredMeetingTarget } from '../store/access-store.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { findForum } from '../store/forum-store.ts';
import { loadStoredItems, type StoredItem } from '../store/item-store.ts';
import { findMeetingRecord, findNeighbourMeeting } from '../store/meeting-store.ts';
import type { Archive } from './archive-types.ts';
import { loadPublishedVersions } from './publication-service.ts';
import { requireMeetingAccess } from './read-access.ts';
import { notFound } from './service-error.ts';

type Executor = Kysely<DatabaseSchema>;

export type { EditableItem, Workspace, WorkspacePermissions };

/** Turns stored items into what the editor gets: standard flags and download links. */
export function toEditableItems(items: readonly StoredItem[]): EditableItem[] {
  return items.map(({ meetingId: _meeting, position, attachments, ...item }) => ({
    ...item,
    absent: item.absent.map((person) => ({ name: person.name, role: person.role ?? null })),
    isStandard: isStandardItem(item, position, items.length),
    attachments: attachments.map((attachment) => ({
      id: attachment.id,
      title: attachment.title,
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      size: attachment.size,
      url: attachment.fileId === null ? null : `/api/attachments/${attachment.id}`,
      isPublic: attachment.isPublic,
      textStatus: attachment.textStatus,
    })),
  }));
}

/**
 * An editor's item as this access shows it (the read model's rule, applied to the editor's
 * shape): a closed item is its number and "Lukket punkt" only, and decisions wait for the
 * minutes unless the reader is in the forum.
 */
export function visibleEditableItem(
  item: EditableItem,
  access: MeetingAccess,
  status: MeetingStatus,
): EditableItem {
  if (item.closed && !showsClosedItems(access)) {
    const { number, title, closed, recommendation, decision, absent } = redactClosedItem(item);
    return {
      id: item.id,
      version: item.version,
      number,
      isStandard: item.isStandard,
      title,
      closed,
      caseNumber: null,
      durationMinutes: null,
      purpose: null,
      background: null,
      presentation: null,
      recommendation,
      decision,
      absent: absent.map((person) => ({ name: person.name, role: person.role ?? null })),
      guests: [],
      communication: null,
      attachments: [],
    };
  }
  const withAttachments = {
    ...item,
    attachments: item.attachments.map((attachment) =>
      // A Bilag marked not public keeps its title; its file is not offered.
      canReadAttachment(item, attachment, access)
        ? attachment
        : {
            ...attachment,
            url: null,
            fileName: null,
            mediaType: null,
            size: null,
            textStatus: null,
          },
    ),
  };
  const shown = showsDecisions(access, status)
    ? withAttachments
    : { ...withAttachments, decision: null, absent: [], communication: null };
  if (!hidesContactDetails(access)) return shown;
  const texts = itemWithoutContactDetails(shown);
  return { ...texts, communication: visibleText(texts.communication, access) };
}

/** A meeting's workspace for an actor who may read it; 404 otherwise. */
export async function getWorkspace(
  archive: Archive,
  actor: Actor,
  meetingId: number,
): Promise<Workspace> {
  const readable = await requireMeetingAccess(archive, actor, meetingId);
  return loadWorkspace(archive.database.db, actor, readable.target, readable.access);
}

/** Loads a meeting's workspace as this actor sees it (access decided by the caller). */
export async function loadWorkspace(
  db: Executor,
  actor: Actor,
  target: StoredMeetingTarget,
  access: Exclude<MeetingAccess, 'none'> = 'staff',
): Promise<Workspace> {
  const meeting = await findMeetingRecord(db, target.meetingId);
  if (!meeting) throw notFound('Mødet');
  const forum = await findForum(db, meeting.forumId);
  if (!forum) throw notFound('Forummet');
  const status = toMeetingStatus(meeting.status);
  const current = { ...target, status, version: meeting.version, archived: meeting.archived };
  const items = toEditableItems(await loadStoredItems(db, meeting.id)).map((item) =>
    visibleEditableItem(item, access, status),
  );
  const plan = timePlan(items);
  const previous = await findNeighbourMeeting(db, forum.id, meeting.date, 'before');
  // Approving the previous minutes from item 1 is a question about that meeting too.
  const previousTarget = previous ? await findMeetingTarget(db, previous.id) : null;
  return {
    id: meeting.id,
    version: meeting.version,
    status,
    statusLabel: meetingStatusLabels[status],
    archived: meeting.archived,
    kind: meeting.kind,
    date: meeting.date,
    start: meeting.start,
    location: meeting.location,
    forum,
    previousMeeting: visibleNeighbour(previous, access),
    nextMeeting: visibleNeighbour(
      await findNeighbourMeeting(db, forum.id, meeting.date, 'after'),
      access,
    ),
    items,
    decisionPhrases: decisionPhrases(forum.name),
    timePlan: {
      ...plan,
      endsAt: meeting.start ? addMinutesToClock(meeting.start, plan.totalMinutes) : null,
    },
    publications: (await loadPublishedVersions(db, meeting.id)).map((publication) => ({
      number: publication.number,
      kind: publication.kind,
      publishedAt: publication.publishedAt,
      author: publication.author,
      reason: visibleVersionReason(publication, access),
      imported: publication.imported === true,
    })),
    permissions: permissionsFor(actor, current, previousTarget),
  };
}

/** A neighbouring meeting, unless it is a draft that only the forum's staff may see. */
function visibleNeighbour<T extends { status: string }>(
  neighbour: T | null,
  access: MeetingAccess,
): T | null {
  return neighbour && (access === 'staff' || neighbour.status !== 'draft') ? neighbour : null;
}

/**
 * The policy's answer for every action the editor offers. Item 1 may approve the previous
 * meeting's minutes when the policy allows it for both meetings: this one (under way) and the
 * one before (minutes out, not yet approved).
 */
function permissionsFor(
  actor: Actor,
  meeting: StoredMeetingTarget,
  previous: StoredMeetingTarget | null,
): WorkspacePermissions {
  const can = (action: PolicyAction) => authorize(actor, action, meeting).allowed;
  return {
    canEditAgenda: can('agenda.edit'),
    canEnterDecisions: can('decision.enter'),
    canCorrect: can('item.correct'),
    canEditDetails: can('meeting.editDetails'),
    isLocked: isLocked(meeting.status) || meeting.archived === true,
    canPublishAgenda: can('agenda.publish'),
    canStartMeeting: can('meeting.start'),
    canFinishMeeting: can('meeting.finish'),
    canDeleteMeeting: can('meeting.delete'),
    canCancelMeeting: can('meeting.cancel'),
    canRecordAttendance: can('attendance.record'),
    canPublishMinutes: can('minutes.publish'),
    canApproveMinutes: can('minutes.approve'),
    canApprovePrevious:
      can('minutes.approvePrevious') &&
      previous !== null &&
      authorize(actor, 'minutes.approve', previous).allowed,
    canSeeHistory: can('meeting.readHistory'),
    canPreview: can('meeting.preview'),
    canSetAttachmentAccess: can('attachment.setAccess'),
  };
}
