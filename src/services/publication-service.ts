import type { Actor } from '../core/actor.ts';
import type { Meeting } from '../core/meeting.ts';
import { authorize } from '../core/policies/authorize.ts';
import { visiblePublication, visibleRevisions } from '../core/policies/read-model.ts';
import { diffPublications } from '../core/publication-diff.ts';
import { loadStoredItems } from '../store/item-store.ts';
import { listMeetingRevisions } from '../store/meeting-store.ts';
import { listPublications } from '../store/publication-store.ts';
import type { Archive } from './archive.ts';
import { requireMeetingAccess } from './read-access.ts';
import { notFound } from './service-error.ts';

/**
 * The meeting's publications with what changed in each, oldest first, as this actor may see
 * them: each version passes the read model before it is compared, so the list of changes of a
 * closed item says nothing to a reader without rights.
 */
export async function listPublicationHistory(archive: Archive, actor: Actor, meetingId: number) {
  const { access } = await requireMeetingAccess(archive, actor, meetingId);
  const publications = (await listPublications(archive.database.db, meetingId)).map(
    (publication) => ({
      ...publication,
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
      changes: diffPublications(earlier?.document ?? null, publication.document),
    };
  });
}

/** One published version's document as stored, or 404 (callers apply the read model). */
export async function findPublication(
  archive: Archive,
  meetingId: number,
  kind: 'agenda' | 'minutes',
  number: number,
): Promise<Meeting> {
  const found = (await listPublications(archive.database.db, meetingId)).find(
    (entry) => entry.kind === kind && entry.number === number,
  );
  if (!found) throw notFound('Den udsendte version');
  return found.document;
}

/**
 * The meeting's history (its own revisions and its items'), newest first, as this actor may
 * see it: all of it for the forum's members and staff, the publishing steps and corrections of
 * open items for everyone else.
 */
export async function listRevisions(archive: Archive, actor: Actor, meetingId: number) {
  const readable = await requireMeetingAccess(archive, actor, meetingId);
  const db = archive.database.db;
  const entries = await listMeetingRevisions(db, meetingId);
  if (authorize(actor, 'meeting.readHistory', readable.target).allowed) return entries;
  const items = await loadStoredItems(db, meetingId);
  const closed = new Set(items.filter((item) => item.closed).map((item) => item.id));
  return visibleRevisions(entries, readable.access, closed);
}
