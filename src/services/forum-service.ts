import {
  type ForumMember,
  findForum,
  findForumIdByName,
  insertForum,
  listForums,
  type StoredForum,
  updateForum,
} from '../store/forum-store.ts';
import { recordRevision } from '../store/item-store.ts';
import { touchForumMeetings } from '../store/meeting-store.ts';
import type { Archive } from './archive.ts';
import type { Author } from './item-service.ts';
import { notFound, ServiceError } from './service-error.ts';

/** Every forum with its members. */
export function getForums(archive: Archive): Promise<StoredForum[]> {
  return listForums(archive.database.db);
}

/** Creates a forum; its name must be new. */
export async function createForum(
  archive: Archive,
  forum: { name: string; abbreviation: string | null },
  who: Author,
): Promise<StoredForum> {
  return archive.database.db.transaction().execute(async (db) => {
    if (await findForumIdByName(db, forum.name))
      throw new ServiceError(409, `Der findes allerede et forum med navnet "${forum.name}".`);
    const id = await insertForum(db, forum);
    await recordRevision(db, {
      entityType: 'forum',
      entityId: id,
      action: 'create',
      author: who.author,
      data: { before: null, forum },
    });
    const created = await findForum(db, id);
    if (!created) throw notFound('Forummet');
    return created;
  });
}

/** Renames a forum and sets its members with roles. */
export async function saveForum(
  archive: Archive,
  forumId: number,
  forum: { name: string; abbreviation: string | null; members: ForumMember[] },
  who: Author,
): Promise<StoredForum> {
  return archive.database.db.transaction().execute(async (db) => {
    const before = await findForum(db, forumId);
    if (!before) throw notFound('Forummet');
    const sameName = await findForumIdByName(db, forum.name);
    if (sameName !== null && sameName !== forumId)
      throw new ServiceError(409, `Der findes allerede et forum med navnet "${forum.name}".`);
    const names = forum.members.map((member) => member.name);
    if (new Set(names).size !== names.length)
      throw new ServiceError(400, 'Et medlem står på listen to gange.');
    await updateForum(db, forumId, forum);
    if (before.name !== forum.name) await touchForumMeetings(db, forumId);
    await recordRevision(db, {
      entityType: 'forum',
      entityId: forumId,
      action: 'update',
      author: who.author,
      data: { before },
    });
    return (await findForum(db, forumId)) ?? before;
  });
}
