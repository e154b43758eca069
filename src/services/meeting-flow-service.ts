import {
  type MeetingAction,
  type MeetingStatus,
  transitionMeeting,
} from '../core/meeting-lifecycle.ts';
import { diffPublications, type ItemChange } from '../core/publication-diff.ts';
import { approvalDecision, standardItems } from '../core/standard-items.ts';
import { findForum } from '../store/forum-store.ts';
import {
  loadStoredItems,
  recordRevision,
  touchMeeting,
  writeItemFields,
} from '../store/item-store.ts';
import { loadMeetingDocuments } from '../store/meeting-reader.ts';
import { updateMeetingStatus } from '../store/meeting-state.ts';
import {
  findMeetingOnDate,
  findMeetingRecord,
  findNeighbourMeeting,
  listMeetingRevisions,
  writeMeetingFields,
} from '../store/meeting-store.ts';
import { saveMeetingDocument } from '../store/meeting-writer.ts';
import { insertPublication, listPublications } from '../store/publication-store.ts';
import type { Archive } from './archive.ts';
import type { Author } from './item-service.ts';
import { notFound, ServiceError } from './service-error.ts';
import { loadWorkspace, type Workspace } from './workspace-service.ts';
import { meetingForWriting } from './write-access.ts';

type Db = Parameters<typeof loadWorkspace>[0];

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
export async function createMeeting(
  archive: Archive,
  meeting: NewMeeting,
  who: Author,
): Promise<Workspace> {
  return archive.database.db.transaction().execute(async (db) => {
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
        items: standardItems(forum.name, previous?.date ?? null),
      },
      { action: 'create', author: who.author },
    );
    await updateMeetingStatus(db, saved.meetingId, 'draft');
    await archive.search.indexItems(db, saved.itemIds);
    return loadWorkspace(db, saved.meetingId);
  });
}

/** Changes a meeting's date, time or room, if `version` is the stored one. */
export async function updateMeetingDetails(
  archive: Archive,
  meetingId: number,
  version: number,
  fields: { date?: string; start?: string | null; location?: string | null },
  who: Author,
): Promise<Workspace> {
  return archive.database.db.transaction().execute(async (db) => {
    const { isLocked: _locked, ...before } = await meetingForWriting(db, meetingId);
    if (fields.date && fields.date !== before.date) {
      if (await findMeetingOnDate(db, before.forumId, fields.date))
        throw new ServiceError(409, 'Forummet har allerede et møde den dag.');
    }
    if (!(await writeMeetingFields(db, meetingId, fields, version)))
      throw new ServiceError(409, 'Mødet er ændret af en anden; genindlæs siden.', {
        current: await loadWorkspace(db, meetingId),
      });
    await recordRevision(db, {
      entityType: 'meeting',
      entityId: meetingId,
      action: 'update',
      author: who.author,
      data: { before, changes: fields },
    });
    return loadWorkspace(db, meetingId);
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
  meetingId: number,
  who: Author,
): Promise<PublicationResult> {
  return publish(archive, meetingId, 'agenda', who);
}

/** Publishes the minutes: the meeting becomes minutes (referat) and the version is kept. */
export function publishMinutes(
  archive: Archive,
  meetingId: number,
  who: Author,
): Promise<PublicationResult> {
  return publish(archive, meetingId, 'minutes', who);
}

async function publish(
  archive: Archive,
  meetingId: number,
  kind: 'agenda' | 'minutes',
  who: Author,
): Promise<PublicationResult> {
  return archive.database.db.transaction().execute(async (db) => {
    const action = kind === 'agenda' ? 'publish_agenda' : 'publish_minutes';
    await moveMeeting(db, meetingId, action, who);
    if (kind === 'minutes') await writeMeetingFields(db, meetingId, { kind: 'minutes' });
    const [document] = await loadMeetingDocuments(db, [meetingId]);
    if (!document) throw notFound('Mødet');
    const published = { ...document, kind };
    const earlier = (await listPublications(db, meetingId)).filter((entry) => entry.kind === kind);
    const saved = await insertPublication(db, meetingId, {
      kind,
      document: published,
      author: who.author,
    });
    return { ...saved, changes: diffPublications(earlier.at(-1)?.document ?? null, published) };
  });
}

/** Starts the meeting: meeting mode, where decisions are written. */
export async function startMeeting(
  archive: Archive,
  meetingId: number,
  who: Author,
): Promise<Workspace> {
  return archive.database.db.transaction().execute(async (db) => {
    await moveMeeting(db, meetingId, 'start_meeting', who);
    return loadWorkspace(db, meetingId);
  });
}

/** Approves a meeting's published minutes; they are locked from then on. */
export async function approveMinutes(
  archive: Archive,
  meetingId: number,
  who: Author,
): Promise<Workspace> {
  return archive.database.db.transaction().execute(async (db) => {
    await moveMeeting(db, meetingId, 'approve_minutes', who);
    return loadWorkspace(db, meetingId);
  });
}

/**
 * Approves the previous meeting's minutes from item 1 of this one, and writes item 1's
 * Beslutning when it is still empty.
 */
export async function approvePreviousMinutes(
  archive: Archive,
  meetingId: number,
  who: Author,
): Promise<Workspace> {
  return archive.database.db.transaction().execute(async (db) => {
    const meeting = await findMeetingRecord(db, meetingId);
    if (!meeting) throw notFound('Mødet');
    const previous = await findNeighbourMeeting(db, meeting.forumId, meeting.date, 'before');
    if (!previous)
      throw new ServiceError(409, 'Der er intet tidligere møde at godkende referat fra.');
    await moveMeeting(db, previous.id, 'approve_minutes', who);
    const [first] = await loadStoredItems(db, meetingId);
    if (first && !first.decision?.trim()) {
      await writeItemFields(db, first.id, { decision: approvalDecision(previous.date) });
      await touchMeeting(db, meetingId);
      await archive.search.indexItems(db, [first.id]);
    }
    return loadWorkspace(db, meetingId);
  });
}

async function moveMeeting(db: Db, meetingId: number, action: MeetingAction, who: Author) {
  const meeting = await findMeetingRecord(db, meetingId);
  if (!meeting) throw notFound('Mødet');
  const moved = transitionMeeting(meeting.status as MeetingStatus, action);
  if (!moved.ok) throw new ServiceError(409, `Det kan ikke lade sig gøre: ${moved.reason}.`);
  await updateMeetingStatus(db, meetingId, moved.status);
  await recordRevision(db, {
    entityType: 'meeting',
    entityId: meetingId,
    action,
    author: who.author,
    data: { before: { status: meeting.status } },
  });
}

/** Marks a person absent for every item of the meeting (Fraværende for the whole meeting). */
export function addMeetingAbsence(
  archive: Archive,
  meetingId: number,
  absence: { name: string; role: string | null },
  who: Author,
): Promise<Workspace> {
  return changeAbsence(archive, meetingId, who, 'add_absence', (absent) =>
    absent.some((entry) => entry.name === absence.name) ? absent : [...absent, absence],
  );
}

/** Removes a person from every item's Fraværende. */
export function removeMeetingAbsence(
  archive: Archive,
  meetingId: number,
  name: string,
  who: Author,
): Promise<Workspace> {
  return changeAbsence(archive, meetingId, who, 'remove_absence', (absent) =>
    absent.filter((entry) => entry.name !== name),
  );
}

async function changeAbsence(
  archive: Archive,
  meetingId: number,
  who: Author,
  action: string,
  change: (absent: Array<{ name: string; role: string | null }>) => Array<{
    name: string;
    role: string | null;
  }>,
): Promise<Workspace> {
  return archive.database.db.transaction().execute(async (db) => {
    await meetingForWriting(db, meetingId);
    const workspace = await loadWorkspace(db, meetingId);
    for (const item of workspace.items) {
      const absent = item.absent.map((entry) => ({ name: entry.name, role: entry.role ?? null }));
      const next = change(absent);
      if (JSON.stringify(next) !== JSON.stringify(absent))
        await writeItemFields(db, item.id, { absent: next });
    }
    await touchMeeting(db, meetingId);
    await recordRevision(db, {
      entityType: 'meeting',
      entityId: meetingId,
      action,
      author: who.author,
      data: { before: workspace.items.map((item) => ({ id: item.id, absent: item.absent })) },
    });
    return loadWorkspace(db, meetingId);
  });
}

/** The meeting's publications with what changed in each, oldest first. */
export async function listPublicationHistory(archive: Archive, meetingId: number) {
  const db = archive.database.db;
  if (!(await findMeetingRecord(db, meetingId))) throw notFound('Mødet');
  const publications = await listPublications(db, meetingId);
  return publications.map((publication, index) => {
    const earlier = publications
      .slice(0, index)
      .filter((entry) => entry.kind === publication.kind)
      .at(-1);
    return {
      number: publication.number,
      kind: publication.kind,
      publishedAt: publication.publishedAt,
      author: publication.author,
      changes: diffPublications(earlier?.document ?? null, publication.document),
    };
  });
}

/** One published version's document, or 404. */
export async function findPublishedDocument(
  archive: Archive,
  meetingId: number,
  kind: 'agenda' | 'minutes',
  number: number,
) {
  const found = (await listPublications(archive.database.db, meetingId)).find(
    (entry) => entry.kind === kind && entry.number === number,
  );
  if (!found) throw notFound('Den udsendte version');
  return found.document;
}

/** The meeting's history (its own revisions and its items'), newest first; 404 when unknown. */
export async function listRevisions(archive: Archive, meetingId: number) {
  if (!(await findMeetingRecord(archive.database.db, meetingId))) throw notFound('Mødet');
  return listMeetingRevisions(archive.database.db, meetingId);
}
