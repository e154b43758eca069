import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import { authorName } from '../core/actor.ts';
import { noAnnotations } from '../core/item-annotations.ts';
import { authorize } from '../core/policies/authorize.ts';
import {
  visiblePublication,
  visibleRevisions,
  visibleVersionReason,
} from '../core/policies/read-model.ts';
import { diffPublications } from '../core/publication-diff.ts';
import { itemChangesOfRevisions } from '../core/revision-changes.ts';
import { loadMeetingAnnotations } from '../store/annotation-store.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { loadStoredItems } from '../store/item-store.ts';
import { loadMeetingDocuments } from '../store/meeting-reader.ts';
import { findMeetingRecord, listMeetingRevisions } from '../store/meeting-store.ts';
import {
  insertPublication,
  listPublications,
  type StoredPublication,
} from '../store/publication-store.ts';
import type { Archive } from './archive-types.ts';
import type { CommandContext, MeetingCommandTarget } from './command-pipeline.ts';
import { requireMeetingAccess } from './read-access.ts';
import { notFound } from './service-error.ts';

type Executor = Kysely<DatabaseSchema>;

/** Who the imported version of an archive meeting is by. */
export const importedAuthor = 'Importeret fra arkivet';

/**
 * A meeting's published versions, oldest first. An archive meeting's imported document is
 * its published version: it stands as version 1 until a correction keeps it for good (see
 * keepImportedVersion), so the list never says that nothing was published.
 */
export async function loadPublishedVersions(
  db: Executor,
  meetingId: number,
): Promise<StoredPublication[]> {
  // A kept imported version is known by its author, which no user can have.
  const stored = (await listPublications(db, meetingId)).map((entry) =>
    entry.author === importedAuthor ? { ...entry, imported: true } : entry,
  );
  const meeting = await findMeetingRecord(db, meetingId);
  if (!meeting?.archived || stored.some((entry) => entry.kind === meeting.kind)) return stored;
  const [document] = await loadMeetingDocuments(db, [meetingId]);
  if (!document) return stored;
  const imported: StoredPublication = {
    number: 1,
    kind: meeting.kind,
    publishedAt: meeting.createdAt,
    author: importedAuthor,
    document,
    reason: null,
    annotations: noAnnotations,
    imported: true,
  };
  return [imported, ...stored];
}

/**
 * Before an archive meeting is first corrected, its imported document is kept as version 1,
 * so that the correction becomes version 2 beside what was imported.
 */
export async function keepImportedVersion(db: Executor, meetingId: number): Promise<void> {
  const versions = await loadPublishedVersions(db, meetingId);
  const imported = versions.find((entry) => entry.imported);
  if (!imported) return;
  await insertPublication(db, meetingId, {
    kind: imported.kind,
    document: imported.document,
    author: importedAuthor,
    publishedAt: imported.publishedAt,
  });
}

/**
 * The meeting's publications with what changed in each, oldest first, as this actor may see
 * them: each version passes the read model before it is compared, so the list of changes of a
 * closed item says nothing to a reader without rights.
 */
export async function listPublicationHistory(archive: Archive, actor: Actor, meetingId: number) {
  const { access } = await requireMeetingAccess(archive, actor, meetingId);
  const publications = (await loadPublishedVersions(archive.database.db, meetingId)).map(
    (publication) => ({
      ...publication,
      reason: visibleVersionReason(publication, access),
      document: visiblePublication(publication.document, access, publication.kind),
    }),
  );
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
      reason: publication.reason,
      imported: publication.imported === true,
      changes: diffPublications(earlier?.document ?? null, publication.document),
    };
  });
}

/** One published version as stored, or 404 (callers apply the read model). */
export async function findPublication(
  archive: Archive,
  meetingId: number,
  kind: 'agenda' | 'minutes',
  number: number,
): Promise<StoredPublication> {
  const found = (await loadPublishedVersions(archive.database.db, meetingId)).find(
    (entry) => entry.kind === kind && entry.number === number,
  );
  if (!found) throw notFound('Den udsendte version');
  return found;
}

/**
 * The meeting's history (its own revisions and its items'), newest first, as this actor may
 * see it: all of it for the forum's members and staff, the publishing steps and corrections of
 * open items for everyone else.
 */
export async function listRevisions(archive: Archive, actor: Actor, meetingId: number) {
  const readable = await requireMeetingAccess(archive, actor, meetingId);
  const db = archive.database.db;
  const stored = await listMeetingRevisions(db, meetingId);
  const items = await loadStoredItems(db, meetingId);
  // The changed fields are named here, so that the texts in `data` never leave the server.
  const changes = itemChangesOfRevisions(stored, items);
  const entries = stored.map(({ data: _data, ...entry }, index) => ({
    ...entry,
    itemChanges: changes[index] ?? [],
  }));
  if (authorize(actor, 'meeting.readHistory', readable.target).allowed) return entries;
  const closed = new Set(items.filter((item) => item.closed).map((item) => item.id));
  return visibleRevisions(entries, readable.access, closed);
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
  context.emit({
    type: 'minutes.corrected',
    meetingId: target.meetingId,
    forumId: target.meeting.forumId,
    data: { number: saved.number, reason },
  });
  return saved.number;
}
