import type { Actor } from '../core/actor.ts';
import type { StandingItem } from '../core/forum-practice.ts';
import { authorize } from '../core/policies/authorize.ts';
import { canSeeForum } from '../core/policies/meeting-access.ts';
import type { ForumVisibility } from '../core/policies/targets.ts';
import { findForumTarget } from '../store/access-store.ts';
import {
  type ForumMember,
  findForum,
  findForumIdByName,
  insertForum,
  listForums,
  type StoredForum,
  updateForum,
} from '../store/forum-store.ts';
import { touchForumMeetings } from '../store/meeting-store.ts';
import type { Archive } from './archive.ts';
import { type CommandTarget, runCommand } from './command-pipeline.ts';
import { notFound, ServiceError } from './service-error.ts';

/** A forum as the app lists it, with what the actor may do with it. */
export interface ForumView extends StoredForum {
  permissions: { canEdit: boolean; canCreateMeeting: boolean };
}

/** The forums this actor may see, each with its members and the actor's permissions. */
export async function getForums(archive: Archive, actor: Actor): Promise<ForumView[]> {
  const forums = await listForums(archive.database.db);
  return forums
    .filter((forum) => canSeeForum(actor, { forumId: forum.id, visibility: forum.visibility }))
    .map((forum) => forumViewFor(actor, forum));
}

/** A forum with the policy's answers for what this actor may do with it. */
function forumViewFor(actor: Actor, forum: StoredForum): ForumView {
  const target = { forumId: forum.id, visibility: forum.visibility };
  return {
    ...forum,
    permissions: {
      canEdit: authorize(actor, 'forum.edit', target).allowed,
      canCreateMeeting: authorize(actor, 'meeting.create', target).allowed,
    },
  };
}

/** Creates a forum; its name must be new. New forums are internal unless said otherwise. */
export function createForum(
  archive: Archive,
  actor: Actor,
  forum: { name: string; abbreviation: string | null; visibility?: ForumVisibility },
): Promise<ForumView> {
  return runCommand(archive, actor, {
    name: 'forum.create',
    resolve: async (): Promise<CommandTarget> => ({
      actions: ['forum.create'],
      policyTarget: null,
      auditType: 'forum',
      auditId: forum.name,
      meetingId: null,
    }),
    apply: async (context) => {
      if (await findForumIdByName(context.db, forum.name))
        throw new ServiceError(409, `Der findes allerede et forum med navnet "${forum.name}".`);
      const id = await insertForum(context.db, forum);
      await context.recordRevision({
        entityType: 'forum',
        entityId: id,
        action: 'create',
        data: { before: null, forum },
      });
      context.emit({ type: 'forum.created', meetingId: null, forumId: id });
      const created = await findForum(context.db, id);
      if (!created) throw notFound('Forummet');
      return forumViewFor(actor, created);
    },
  });
}

/**
 * What a forum's editor saves: name, abbreviation, visibility, members with roles, and (when
 * given) its purposes and standing items.
 */
export interface ForumChanges {
  name: string;
  abbreviation: string | null;
  visibility?: ForumVisibility;
  members: ForumMember[];
  purposes?: string[];
  standingItems?: StandingItem[];
}

/** Renames a forum, sets its visibility and its members with roles. */
export function saveForum(
  archive: Archive,
  actor: Actor,
  forumId: number,
  changes: ForumChanges,
): Promise<ForumView> {
  return runCommand(archive, actor, {
    name: 'forum.save',
    resolve: async (db): Promise<CommandTarget> => {
      const target = await findForumTarget(db, forumId);
      if (!target) throw notFound('Forummet');
      return {
        actions: ['forum.edit'],
        policyTarget: target,
        auditType: 'forum',
        auditId: forumId,
        meetingId: null,
      };
    },
    apply: async (context) => {
      const { db } = context;
      const before = await findForum(db, forumId);
      if (!before) throw notFound('Forummet');
      const sameName = await findForumIdByName(db, changes.name);
      if (sameName !== null && sameName !== forumId)
        throw new ServiceError(409, `Der findes allerede et forum med navnet "${changes.name}".`);
      const names = changes.members.map((member) => member.name);
      if (new Set(names).size !== names.length)
        throw new ServiceError(400, 'Et medlem står på listen to gange.');
      const purposes = changes.purposes ?? before.purposes;
      const unknown = (changes.standingItems ?? before.standingItems).find(
        (item) => item.purpose !== null && !purposes.includes(item.purpose),
      );
      if (unknown)
        throw new ServiceError(
          400,
          `Det faste punkt "${unknown.title}" har et formål, forummet ikke har.`,
        );
      const visibility = changes.visibility ?? before.visibility;
      await updateForum(db, forumId, { ...changes, visibility });
      // The forum's name is in every document, and its visibility decides who sees them.
      if (before.name !== changes.name || before.visibility !== visibility)
        await touchForumMeetings(db, forumId);
      await context.recordRevision({
        entityType: 'forum',
        entityId: forumId,
        action: 'update',
        data: { before },
      });
      context.emit({
        type: 'forum.saved',
        meetingId: null,
        forumId,
        data: { visibility, renamed: before.name !== changes.name },
      });
      return forumViewFor(actor, (await findForum(db, forumId)) ?? before);
    },
  });
}

/** Sets a forum's visibility by name (`referat forum set NAME --visibility …`). */
export async function setForumVisibility(
  archive: Archive,
  actor: Actor,
  forumName: string,
  visibility: ForumVisibility,
): Promise<ForumView> {
  const forumId = await findForumIdByName(archive.database.db, forumName);
  if (forumId === null) throw notFound(`Forummet "${forumName}"`);
  const forum = await findForum(archive.database.db, forumId);
  if (!forum) throw notFound(`Forummet "${forumName}"`);
  return saveForum(archive, actor, forumId, { ...forum, visibility });
}
