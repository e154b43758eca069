import { type Actor, authorName } from '../core/actor.ts';
import type { DomainEventType } from '../core/domain-events.ts';
import { type MeetingAction, transitionMeeting } from '../core/meeting-lifecycle.ts';
import type { PolicyAction } from '../core/policies/authorize.ts';
import { diffPublications, type ItemChange } from '../core/publication-diff.ts';
import { approvalDecision, standardItems } from '../core/standard-items.ts';
import { findForumTarget, findMeetingTarget } from '../store/access-store.ts';
import { loadMeetingAnnotations } from '../store/annotation-store.ts';
import { findForum } from '../store/forum-store.ts';
import { loadStoredItems, writeItemFields } from '../store/item-store.ts';
import { loadMeetingDocuments } from '../store/meeting-reader.ts';
import { updateMeetingStatus } from '../store/meeting-state.ts';
import {
  deleteMeetingRow,
  findMeetingOnDate,
  findMeetingRecord,
  findNeighbourMeeting,
  writeMeetingFields,
} from '../store/meeting-store.ts';
import { saveMeetingDocument } from '../store/meeting-writer.ts';
import { insertPublication, listPublications } from '../store/publication-store.ts';
import type { Archive } from './archive-types.ts';
import {
  type CommandContext,
  type MeetingCommandTarget,
  requireAllowed,
  resolveMeeting,
  runCommand,
} from './command-pipeline.ts';
import { meetingEvent, workspaceOf } from './meeting-command-helpers.ts';
import { namePreviousMeetings } from './previous-meeting-naming.ts';
import { notFound, ServiceError } from './service-error.ts';
import { loadWorkspace, type Workspace } from './workspace-service.ts';

/** A new meeting's date, time and room. */
export interface NewMeeting {
  forumId: number;
  date: string;
  start?: string | null;
  location?: string | null;
}

/**
 * Creates a draft meeting with the standard items: item 1 approves the agenda and the previous
 * meeting's minutes (naming its date), and the last item is "Evt.".
 */
export function createMeeting(
  archive: Archive,
  actor: Actor,
  meeting: NewMeeting,
): Promise<Workspace> {
  return runCommand(archive, actor, {
    name: 'meeting.create',
    resolve: async (db) => {
      const forum = await findForumTarget(db, meeting.forumId);
      if (!forum) throw notFound('Forummet');
      return {
        actions: ['meeting.create'],
        policyTarget: forum,
        auditType: 'forum',
        auditId: forum.forumId,
        meetingId: null,
      };
    },
    apply: async (context) => {
      const { db } = context;
      const forum = await findForum(db, meeting.forumId);
      if (!forum) throw notFound('Forummet');
      if (await findMeetingOnDate(db, forum.id, meeting.date))
        throw new ServiceError(409, `${forum.name} har allerede et møde den dag.`);
      const previous = await findNeighbourMeeting(db, forum.id, meeting.date, 'before');
      const saved = await saveMeetingDocument(
        db,
        {
          forum: forum.name,
          kind: 'agenda',
          date: meeting.date,
          start: meeting.start ?? null,
          location: meeting.location ?? null,
          items: standardItems(forum.name, previous?.date ?? null, forum.standingItems),
        },
        { action: 'create', author: authorName(context.actor) },
      );
      await updateMeetingStatus(db, saved.meetingId, 'draft');
      // Standing items carry the purpose the forum gave them (item 1 is before them).
      for (const [index, standing] of forum.standingItems.entries()) {
        const itemId = saved.itemIds[index + 1];
        if (standing.purpose && itemId !== undefined)
          await writeItemFields(db, itemId, { purpose: standing.purpose });
      }
      context.emit({
        type: 'meeting.created',
        meetingId: saved.meetingId,
        forumId: forum.id,
        itemIds: saved.itemIds,
      });
      // A meeting placed between two others changes which meeting the later one approves.
      await namePreviousMeetings(context, forum.id, forum.name);
      return workspaceOf(context, saved.meetingId);
    },
  });
}

/**
 * Deletes a meeting whose agenda was never sent out (a draft made by mistake); item 1 of the
 * meeting after it then names the meeting before it again.
 */
export function deleteMeeting(
  archive: Archive,
  actor: Actor,
  meetingId: number,
): Promise<{ deleted: true }> {
  return runCommand(archive, actor, {
    name: 'meeting.delete',
    resolve: (db) => resolveMeeting(archive, db, meetingId, ['meeting.delete']),
    apply: async (context, target) => {
      const { db } = context;
      const before = await findMeetingRecord(db, meetingId);
      const forum = await findForum(db, target.meeting.forumId);
      if (!before || !forum) throw notFound('Mødet');
      await context.recordRevision({
        entityType: 'meeting',
        entityId: meetingId,
        action: 'delete',
        data: { before },
      });
      const removedItemIds = await deleteMeetingRow(db, meetingId);
      context.emit({ ...meetingEvent('meeting.deleted', target), removedItemIds });
      await namePreviousMeetings(context, forum.id, forum.name);
      return { deleted: true };
    },
  });
}

/** Changes a meeting's date, time or room, if `version` is the stored one. */
export function updateMeetingDetails(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  version: number,
  fields: { date?: string; start?: string | null; location?: string | null },
): Promise<Workspace> {
  return runCommand(archive, actor, {
    name: 'meeting.details',
    resolve: (db) => resolveMeeting(archive, db, meetingId, ['meeting.editDetails']),
    check: async (target, db) => {
      if (target.meeting.version !== version)
        throw new ServiceError(409, 'Mødet er ændret af en anden; genindlæs siden.', {
          current: await loadWorkspace(db, actor, target.meeting),
        });
    },
    apply: async (context, target) => {
      const { db } = context;
      const before = await findMeetingRecord(db, meetingId);
      if (!before) throw notFound('Mødet');
      if (fields.date && fields.date !== before.date) {
        if (await findMeetingOnDate(db, before.forumId, fields.date))
          throw new ServiceError(409, 'Forummet har allerede et møde den dag.');
      }
      await writeMeetingFields(db, meetingId, fields);
      await context.recordRevision({
        entityType: 'meeting',
        entityId: meetingId,
        action: 'update',
        data: { before, changes: fields },
      });
      context.emit(meetingEvent('meeting.details_changed', target, { changes: fields }));
      if (fields.date && fields.date !== before.date) {
        const forum = await findForum(db, before.forumId);
        if (forum) await namePreviousMeetings(context, forum.id, forum.name);
      }
      return workspaceOf(context, meetingId);
    },
  });
}

/** A published version and what changed since the one before it. */
export interface PublicationResult {
  number: number;
  publishedAt: string;
  changes: ItemChange[];
}

/** Publishes (or republishes) the agenda: the version is kept, and what changed is shown. */
export function publishAgenda(
  archive: Archive,
  actor: Actor,
  meetingId: number,
): Promise<PublicationResult> {
  return publish(archive, actor, meetingId, 'agenda');
}

/** Publishes the minutes: the meeting becomes minutes (referat) and the version is kept. */
export function publishMinutes(
  archive: Archive,
  actor: Actor,
  meetingId: number,
): Promise<PublicationResult> {
  return publish(archive, actor, meetingId, 'minutes');
}

function publish(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  kind: 'agenda' | 'minutes',
): Promise<PublicationResult> {
  const action = kind === 'agenda' ? 'agenda.publish' : 'minutes.publish';
  return runCommand(archive, actor, {
    name: action,
    resolve: (db) => resolveMeeting(archive, db, meetingId, [action]),
    apply: async (context, target) => {
      const { db } = context;
      await moveMeeting(context, target, kind === 'agenda' ? 'publish_agenda' : 'publish_minutes');
      if (kind === 'minutes') await writeMeetingFields(db, meetingId, { kind: 'minutes' });
      const [document] = await loadMeetingDocuments(db, [meetingId]);
      if (!document) throw notFound('Mødet');
      const published = { ...document, kind };
      const earlier = (await listPublications(db, meetingId)).filter(
        (entry) => entry.kind === kind,
      );
      const saved = await insertPublication(db, meetingId, {
        kind,
        document: published,
        author: authorName(context.actor),
        annotations: await loadMeetingAnnotations(db, meetingId),
      });
      context.emit(
        meetingEvent(kind === 'agenda' ? 'agenda.published' : 'minutes.published', target, {
          number: saved.number,
        }),
      );
      return { ...saved, changes: diffPublications(earlier.at(-1)?.document ?? null, published) };
    },
  });
}

/** Starts the meeting: meeting mode, where decisions are written. */
export function startMeeting(archive: Archive, actor: Actor, meetingId: number) {
  return lifecycleStep(archive, actor, meetingId, 'meeting.start', 'start_meeting');
}

/** Finishes the meeting: it is held ("Afholdt"), and the minutes can be published. */
export function finishMeeting(archive: Archive, actor: Actor, meetingId: number) {
  return lifecycleStep(archive, actor, meetingId, 'meeting.finish', 'finish_meeting');
}

/**
 * Cancels a meeting whose agenda is out ("Aflys mødet"): it stays in the archive as "Aflyst",
 * its invitations are withdrawn (the event tells the mail), and item 1 of the meeting after it
 * names the meeting before it again.
 */
export function cancelMeeting(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  reason: string | null,
): Promise<Workspace> {
  return runCommand(archive, actor, {
    name: 'meeting.cancel',
    resolve: (db) => resolveMeeting(archive, db, meetingId, ['meeting.cancel']),
    apply: async (context, target) => {
      await moveMeeting(context, target, 'cancel_meeting', reason);
      context.emit(meetingEvent('meeting.cancelled', target, { reason }));
      const forum = await findForum(context.db, target.meeting.forumId);
      if (forum) await namePreviousMeetings(context, forum.id, forum.name);
      return workspaceOf(context, meetingId);
    },
  });
}

/** Approves a meeting's published minutes; they are locked from then on. */
export function approveMinutes(archive: Archive, actor: Actor, meetingId: number) {
  return lifecycleStep(archive, actor, meetingId, 'minutes.approve', 'approve_minutes');
}

const stepEvents: Record<MeetingAction, DomainEventType> = {
  publish_agenda: 'agenda.published',
  start_meeting: 'meeting.started',
  finish_meeting: 'meeting.finished',
  cancel_meeting: 'meeting.cancelled',
  publish_minutes: 'minutes.published',
  approve_minutes: 'minutes.approved',
};

function lifecycleStep(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  action: PolicyAction,
  step: MeetingAction,
): Promise<Workspace> {
  return runCommand(archive, actor, {
    name: action,
    resolve: (db) => resolveMeeting(archive, db, meetingId, [action]),
    apply: async (context, target) => {
      await moveMeeting(context, target, step);
      context.emit(meetingEvent(stepEvents[step], target));
      return workspaceOf(context, meetingId);
    },
  });
}

/**
 * Approves the previous meeting's minutes from item 1 of this one, and writes item 1's
 * Beslutning when it is still empty. Both meetings are the policy's business: this one must be
 * under way, and the previous one's minutes must be out and not yet approved.
 */
export function approvePreviousMinutes(
  archive: Archive,
  actor: Actor,
  meetingId: number,
): Promise<Workspace> {
  return runCommand(archive, actor, {
    name: 'minutes.approvePrevious',
    resolve: (db) => resolveMeeting(archive, db, meetingId, ['minutes.approvePrevious']),
    apply: async (context, target) => {
      const { db } = context;
      const meeting = await findMeetingRecord(db, meetingId);
      if (!meeting) throw notFound('Mødet');
      const neighbour = await findNeighbourMeeting(db, meeting.forumId, meeting.date, 'before');
      const previous = neighbour
        ? await findMeetingTarget(db, neighbour.id, archive.database.engine)
        : null;
      if (!neighbour || !previous)
        throw new ServiceError(409, 'Der er intet tidligere møde at godkende referat fra.');
      requireAllowed(context.actor, 'minutes.approve', previous, {
        auditType: 'meeting',
        auditId: previous.meetingId,
      });
      const previousTarget = { ...target, meetingId: previous.meetingId, meeting: previous };
      await moveMeeting(context, previousTarget, 'approve_minutes');
      context.emit(meetingEvent('minutes.approved', previousTarget));
      const [first] = await loadStoredItems(db, meetingId);
      if (first && !first.decision?.trim()) {
        const decision = approvalDecision(neighbour.date);
        await writeItemFields(db, first.id, { decision });
        await context.recordRevision({
          entityType: 'item',
          entityId: first.id,
          action: 'update',
          data: { before: { decision: first.decision }, changes: { decision } },
        });
        context.emit({ ...meetingEvent('item.saved', target), itemIds: [first.id] });
      }
      return workspaceOf(context, meetingId);
    },
  });
}

/** Moves a meeting on in its lifecycle (the policy has allowed it) and records the step. */
async function moveMeeting(
  context: CommandContext,
  target: MeetingCommandTarget,
  action: MeetingAction,
  reason: string | null = null,
): Promise<void> {
  const moved = transitionMeeting(target.meeting.status, action);
  if (!moved.ok) throw new ServiceError(409, `Det kan ikke lade sig gøre: ${moved.reason}.`);
  await updateMeetingStatus(context.db, target.meetingId, moved.status);
  await context.recordRevision({
    entityType: 'meeting',
    entityId: target.meetingId,
    action,
    reason,
    data: { before: { status: target.meeting.status } },
  });
}
