import { type Actor, authorName } from '../core/actor.ts';
import type { DomainEventType } from '../core/domain-events.ts';
import { type MeetingAction, transitionMeeting } from '../core/meeting-lifecycle.ts';
import { withAbsentPerson } from '../core/member-order.ts';
import type { PolicyAction } from '../core/policies/authorize.ts';
import { diffPublications, type ItemChange } from '../core/publication-diff.ts';
import {
  approvalDecision,
  approvesPreviousMinutes,
  isStandardItem,
  standardItems,
  withPreviousMeetingNamed,
} from '../core/standard-items.ts';
import { findForumTarget, findMeetingTarget } from '../store/access-store.ts';
import { loadMeetingAnnotations } from '../store/annotation-store.ts';
import { findForum } from '../store/forum-store.ts';
import { loadStoredItems, touchMeeting, writeItemFields } from '../store/item-store.ts';
import { loadMeetingDocuments } from '../store/meeting-reader.ts';
import { updateMeetingStatus } from '../store/meeting-state.ts';
import {
  deleteMeetingRow,
  findMeetingOnDate,
  findMeetingRecord,
  findNeighbourMeeting,
  listOpenMeetingsOfForum,
  writeMeetingFields,
} from '../store/meeting-store.ts';
import { saveMeetingDocument } from '../store/meeting-writer.ts';
import { insertPublication, listPublications } from '../store/publication-store.ts';
import type { Archive } from './archive.ts';
import {
  type CommandContext,
  type MeetingCommandTarget,
  requireAllowed,
  resolveMeeting,
  runCommand,
} from './command-pipeline.ts';
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

/** Approves a meeting's published minutes; they are locked from then on. */
export function approveMinutes(archive: Archive, actor: Actor, meetingId: number) {
  return lifecycleStep(archive, actor, meetingId, 'minutes.approve', 'approve_minutes');
}

const stepEvents: Record<MeetingAction, DomainEventType> = {
  publish_agenda: 'agenda.published',
  start_meeting: 'meeting.started',
  finish_meeting: 'meeting.finished',
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
): Promise<void> {
  const moved = transitionMeeting(target.meeting.status, action);
  if (!moved.ok) throw new ServiceError(409, `Det kan ikke lade sig gøre: ${moved.reason}.`);
  await updateMeetingStatus(context.db, target.meetingId, moved.status);
  await context.recordRevision({
    entityType: 'meeting',
    entityId: target.meetingId,
    action,
    data: { before: { status: target.meeting.status } },
  });
}

/** Marks a person absent for every item of the meeting (Fraværende for the whole meeting). */
export function addMeetingAbsence(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  absence: { name: string; role: string | null },
): Promise<Workspace> {
  return changeAbsence(archive, actor, meetingId, 'add_absence', (absent, members) =>
    withAbsentPerson(absent, absence, members),
  );
}

/** Removes a person from every item's Fraværende. */
export function removeMeetingAbsence(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  name: string,
): Promise<Workspace> {
  return changeAbsence(archive, actor, meetingId, 'remove_absence', (absent) =>
    absent.filter((entry) => entry.name !== name),
  );
}

type AbsentList = Array<{ name: string; role: string | null }>;

function changeAbsence(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  action: string,
  change: (absent: AbsentList, members: readonly { name: string }[]) => AbsentList,
): Promise<Workspace> {
  return runCommand(archive, actor, {
    name: `meeting.${action}`,
    resolve: (db) => resolveMeeting(archive, db, meetingId, ['attendance.record']),
    apply: async (context, target) => {
      const items = await loadStoredItems(context.db, meetingId);
      // Absentees are listed in the forum's member order, wherever they are added from.
      const members = (await findForum(context.db, target.meeting.forumId))?.members ?? [];
      const changed: number[] = [];
      for (const item of items) {
        const absent = item.absent.map((entry) => ({ name: entry.name, role: entry.role ?? null }));
        const next = change(absent, members);
        if (JSON.stringify(next) === JSON.stringify(absent)) continue;
        await writeItemFields(context.db, item.id, { absent: next });
        changed.push(item.id);
      }
      await context.recordRevision({
        entityType: 'meeting',
        entityId: meetingId,
        action,
        data: { before: items.map((item) => ({ id: item.id, absent: item.absent })) },
      });
      context.emit({ ...meetingEvent('absences.changed', target), itemIds: changed });
      return workspaceOf(context, meetingId);
    },
  });
}

/**
 * Makes a correction of approved minutes a new published version of them, with the reason and
 * the corrections noted in the document. Called by the correction command after the change.
 */
export async function publishCorrectedMinutes(
  context: CommandContext,
  target: MeetingCommandTarget,
  correction: { reason: string; itemId: number },
): Promise<number> {
  const { reason } = correction;
  const { db } = context;
  const [document] = await loadMeetingDocuments(db, [target.meetingId]);
  if (!document) throw notFound('Mødet');
  const corrected = (await loadStoredItems(db, target.meetingId)).find(
    (item) => item.id === correction.itemId,
  );
  const saved = await insertPublication(db, target.meetingId, {
    kind: 'minutes',
    document: { ...document, kind: 'minutes' },
    author: authorName(context.actor),
    reason,
    annotations: {
      ...(await loadMeetingAnnotations(db, target.meetingId)),
      // Which item the reason is about: the read model hides it when that item is closed.
      ...(corrected ? { correctedItemNumber: corrected.number } : {}),
    },
  });
  context.emit(meetingEvent('minutes.corrected', target, { number: saved.number, reason }));
  return saved.number;
}

/**
 * Keeps item 1 of the forum's open meetings naming the meeting that really comes before, after
 * a meeting was created, moved or deleted between them; what the agenda prints and what the
 * approval button approves are then the same meeting.
 */
export async function namePreviousMeetings(
  context: CommandContext,
  forumId: number,
  forumName: string,
): Promise<void> {
  const { db } = context;
  for (const meeting of await listOpenMeetingsOfForum(db, forumId)) {
    const [first] = await loadStoredItems(db, meeting.id);
    if (!first?.recommendation || !isStandardItem(first, 0, 2)) continue;
    if (!approvesPreviousMinutes(first.recommendation)) {
      // Item 1 without the at-point is the secretary's choice, unless there was nothing to name.
      if (first.recommendation.points.length > 1) continue;
    }
    const previous = await findNeighbourMeeting(db, forumId, meeting.date, 'before');
    const recommendation = withPreviousMeetingNamed(
      first.recommendation,
      forumName,
      previous?.date ?? null,
    );
    if (JSON.stringify(recommendation) === JSON.stringify(first.recommendation)) continue;
    await writeItemFields(db, first.id, { recommendation });
    await touchMeeting(db, meeting.id);
    context.emit({
      type: 'item.saved',
      meetingId: meeting.id,
      forumId,
      itemIds: [first.id],
    });
  }
}

/** An event about a meeting as a whole. */
function meetingEvent(
  type: DomainEventType,
  target: MeetingCommandTarget,
  data?: Record<string, unknown>,
) {
  return {
    type,
    meetingId: target.meetingId,
    forumId: target.meeting.forumId,
    ...(data ? { data } : {}),
  };
}

/** The workspace as the acting secretary sees it after the change. */
async function workspaceOf(context: CommandContext, meetingId: number): Promise<Workspace> {
  const target = await findMeetingTarget(context.db, meetingId);
  if (!target) throw notFound('Mødet');
  return loadWorkspace(context.db, context.actor, target);
}
