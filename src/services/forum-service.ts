import type { Actor } from '../core/actor.ts';
import { invalidEmailMessage, isValidEmailAddress } from '../core/email-address.ts';
import type { StandingItem } from '../core/forum-practice.ts';
import { authorize } from '../core/policies/authorize.ts';
import { canSeeForum } from '../core/policies/meeting-access.ts';
import { type ForumVisibility, targetOfForum } from '../core/policies/targets.ts';
import { findForumTarget } from '../store/access-store.ts';
import {
  defaultReceives,
  type ForumDeputy,
  type ForumMember,
  type ForumRosterMember,
  findForum,
  findForumIdByName,
  insertForum,
  listForumMembers,
  listForums,
  type MemberReceives,
  type StoredForum,
  updateForum,
} from '../store/forum-store.ts';
import { touchForumMeetings } from '../store/meeting-store.ts';
import type { Archive } from './archive-types.ts';
import { type CommandTarget, runCommand } from './command-pipeline.ts';
import { notFound, ServiceError } from './service-error.ts';

/**
 * A member as a forum view shows it: the roster to every reader; the address, the deputy and
 * what the member receives only to those who may edit the forum (addresses are not public).
 */
export type ForumViewMember = ForumRosterMember & Partial<Omit<ForumMember, 'name' | 'role'>>;

/** A forum as the app lists it, with what the actor may do with it. */
export interface ForumView extends Omit<StoredForum, 'members'> {
  members: ForumViewMember[];
  permissions: { canEdit: boolean; canCreateMeeting: boolean };
}

/** The forums this actor may see, each with its members and the actor's permissions. */
export async function getForums(archive: Archive, actor: Actor): Promise<ForumView[]> {
  const db = archive.database.db;
  const forums = (await listForums(db)).filter((forum) => canSeeForum(actor, targetOfForum(forum)));
  return Promise.all(forums.map((forum) => forumViewFor(db, actor, forum)));
}

/** A forum with the policy's answers for what this actor may do with it. */
async function forumViewFor(
  db: Archive['database']['db'],
  actor: Actor,
  forum: StoredForum,
): Promise<ForumView> {
  const target = targetOfForum(forum);
  const canEdit = authorize(actor, 'forum.edit', target).allowed;
  return {
    ...forum,
    members: canEdit ? await listForumMembers(db, forum.id) : forum.members,
    permissions: {
      canEdit,
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
      return forumViewFor(context.db, actor, created);
    },
  });
}

/**
 * A member as an editor saves it. A contact field left out keeps what the member of that name
 * had (a client that only knows names and roles loses no addresses); null clears it.
 */
export interface ForumMemberChanges extends ForumRosterMember {
  email?: string | null;
  deputy?: ForumDeputy | null;
  receives?: Partial<MemberReceives>;
}

/**
 * What a forum's editor saves: name, abbreviation, visibility, members with roles and contact
 * details, and (when given) its purposes and standing items.
 */
export interface ForumChanges {
  name: string;
  abbreviation: string | null;
  visibility?: ForumVisibility;
  members: ForumMemberChanges[];
  purposes?: string[];
  standingItems?: StandingItem[];
  /** Public versions leave out e-mail addresses and phone numbers (GDPR); kept when left out. */
  hidesContactDetails?: boolean;
}

/**
 * The members as they will be stored: each change checked (a valid address or none; a
 * deputy with both a name and a valid address) and completed from the member of the same
 * name where it leaves a field out. Refuses with a Danish message naming the member.
 */
export function completeMembers(
  changes: readonly ForumMemberChanges[],
  before: readonly ForumMember[],
): ForumMember[] {
  const previous = new Map(before.map((member) => [member.name, member]));
  return changes.map((change) => {
    const earlier = previous.get(change.name);
    const email = change.email === undefined ? (earlier?.email ?? null) : cleanText(change.email);
    if (email !== null && !isValidEmailAddress(email))
      throw new ServiceError(400, invalidEmailMessage(`Medlemmet "${change.name}"`));
    const deputy =
      change.deputy === undefined
        ? (earlier?.deputy ?? null)
        : checkDeputy(change.name, change.deputy);
    return {
      name: change.name,
      role: change.role,
      email,
      deputy,
      receives: { ...(earlier?.receives ?? defaultReceives), ...change.receives },
    };
  });
}

function checkDeputy(memberName: string, deputy: ForumDeputy | null): ForumDeputy | null {
  const name = cleanText(deputy?.name);
  const email = cleanText(deputy?.email);
  if (name === null && email === null) return null;
  const whose = `Stedfortræderen for "${memberName}"`;
  if (name === null) throw new ServiceError(400, `${whose} mangler et navn.`);
  if (email === null) throw new ServiceError(400, `${whose} mangler en e-mailadresse.`);
  if (!isValidEmailAddress(email)) throw new ServiceError(400, invalidEmailMessage(whose));
  return { name, email };
}

function cleanText(text: string | null | undefined): string | null {
  return text?.trim() || null;
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
      const membersBefore = await listForumMembers(db, forumId);
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
      const hidesContactDetails = changes.hidesContactDetails ?? before.hidesContactDetails;
      const members = completeMembers(changes.members, membersBefore);
      await updateForum(db, forumId, { ...changes, visibility, hidesContactDetails, members });
      // The forum's name is in every document, and its settings decide who sees what of them.
      if (
        before.name !== changes.name ||
        before.visibility !== visibility ||
        before.hidesContactDetails !== hidesContactDetails
      )
        await touchForumMeetings(db, forumId);
      await context.recordRevision({
        entityType: 'forum',
        entityId: forumId,
        action: 'update',
        data: { before: { ...before, members: membersBefore } },
      });
      context.emit({
        type: 'forum.saved',
        meetingId: null,
        forumId,
        data: { visibility, renamed: before.name !== changes.name },
      });
      return forumViewFor(db, actor, (await findForum(db, forumId)) ?? before);
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
