import type { Kysely } from 'kysely';
import { readPurposes, readStandingItems, type StandingItem } from '../core/forum-practice.ts';
import { type ForumVisibility, toForumVisibility } from '../core/policies/targets.ts';
import type { DatabaseSchema } from './database-schema.ts';
import { ensurePeople } from './meeting-writer.ts';

type Executor = Kysely<DatabaseSchema>;

/** A member as the forum's roster shows it to any reader: the name, the role beside it. */
export interface ForumRosterMember {
  name: string;
  role: string | null;
}

/** A member's stedfortræder, invited in the member's place when the member sends afbud. */
export interface ForumDeputy {
  name: string;
  email: string;
}

/** What a member is sent by e-mail. */
export interface MemberReceives {
  agenda: boolean;
  minutes: boolean;
}

/**
 * A member of a forum with the role written beside the name, and what the forum's editors
 * and the mail need: the address, the deputy and what the member is sent.
 */
export interface ForumMember extends ForumRosterMember {
  email: string | null;
  deputy: ForumDeputy | null;
  receives: MemberReceives;
}

/** What a member receives unless told otherwise: both the agenda and the minutes. */
export const defaultReceives: MemberReceives = { agenda: true, minutes: true };

/**
 * A forum with its members in order, as the roster: contact details are not part of it, so
 * that nothing that shows a forum (a meeting's workspace, the CLI) passes addresses on.
 */
export interface StoredForum {
  id: number;
  name: string;
  abbreviation: string | null;
  visibility: ForumVisibility;
  members: ForumRosterMember[];
  /** The purposes its items may state, in the forum's own words. */
  purposes: string[];
  /** Items placed on every new agenda before "Evt.". */
  standingItems: StandingItem[];
  /** Its public versions leave out e-mail addresses and phone numbers (GDPR). */
  hidesContactDetails: boolean;
}

/** Every forum with its members, by name. */
export async function listForums(db: Executor): Promise<StoredForum[]> {
  const forums = await db
    .selectFrom('forums')
    .select([
      'id',
      'name',
      'abbreviation',
      'visibility',
      'purposes',
      'standing_items',
      'hides_contact_details',
    ])
    .orderBy('name')
    .execute();
  const members = await db
    .selectFrom('forum_members')
    .innerJoin('people', 'people.id', 'forum_members.person_id')
    .select(['forum_members.forum_id', 'people.name', 'forum_members.role'])
    .orderBy('forum_members.forum_id')
    .orderBy('forum_members.position')
    .execute();
  return forums.map((forum) => ({
    id: forum.id,
    name: forum.name,
    abbreviation: forum.abbreviation,
    visibility: toForumVisibility(forum.visibility),
    purposes: readPurposes(forum.purposes),
    standingItems: readStandingItems(forum.standing_items),
    hidesContactDetails: Number(forum.hides_contact_details) === 1,
    members: members
      .filter((member) => member.forum_id === forum.id)
      .map((member) => ({ name: member.name, role: member.role })),
  }));
}

/** One forum, or null. */
export async function findForum(db: Executor, forumId: number): Promise<StoredForum | null> {
  return (await listForums(db)).find((forum) => forum.id === forumId) ?? null;
}

/** A forum's members in order, with their addresses, deputies and what they receive. */
export async function listForumMembers(db: Executor, forumId: number): Promise<ForumMember[]> {
  const rows = await db
    .selectFrom('forum_members')
    .innerJoin('people', 'people.id', 'forum_members.person_id')
    .select([
      'people.name',
      'forum_members.role',
      'forum_members.email',
      'forum_members.deputy_name',
      'forum_members.deputy_email',
      'forum_members.receives_agenda',
      'forum_members.receives_minutes',
    ])
    .where('forum_members.forum_id', '=', forumId)
    .orderBy('forum_members.position')
    .execute();
  return rows.map((row) => ({
    name: row.name,
    role: row.role,
    email: row.email,
    deputy:
      row.deputy_name && row.deputy_email
        ? { name: row.deputy_name, email: row.deputy_email }
        : null,
    receives: {
      agenda: Number(row.receives_agenda) === 1,
      minutes: Number(row.receives_minutes) === 1,
    },
  }));
}

/** Whether a forum of that name exists (names are unique). */
export async function findForumIdByName(db: Executor, name: string): Promise<number | null> {
  const row = await db
    .selectFrom('forums')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Creates a forum and returns its id; it is internal unless said otherwise. */
export async function insertForum(
  db: Executor,
  forum: { name: string; abbreviation: string | null; visibility?: ForumVisibility },
): Promise<number> {
  const row = await db
    .insertInto('forums')
    .values({
      name: forum.name,
      abbreviation: forum.abbreviation,
      visibility: forum.visibility ?? 'internal',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets a forum's visibility. */
export async function updateForumVisibility(
  db: Executor,
  forumId: number,
  visibility: ForumVisibility,
): Promise<void> {
  await db.updateTable('forums').set({ visibility }).where('id', '=', forumId).execute();
}

/** Renames a forum, sets its visibility and replaces its members with their contact details. */
export async function updateForum(
  db: Executor,
  forumId: number,
  forum: {
    name: string;
    abbreviation: string | null;
    visibility: ForumVisibility;
    hidesContactDetails: boolean;
    members: readonly ForumMember[];
    purposes?: readonly string[];
    standingItems?: readonly StandingItem[];
  },
): Promise<void> {
  await db
    .updateTable('forums')
    .set({
      name: forum.name,
      abbreviation: forum.abbreviation,
      visibility: forum.visibility,
      hides_contact_details: forum.hidesContactDetails ? 1 : 0,
      ...(forum.purposes ? { purposes: JSON.stringify(forum.purposes) } : {}),
      ...(forum.standingItems ? { standing_items: JSON.stringify(forum.standingItems) } : {}),
    })
    .where('id', '=', forumId)
    .execute();
  await db.deleteFrom('forum_members').where('forum_id', '=', forumId).execute();
  if (forum.members.length === 0) return;
  const people = await ensurePeople(
    db,
    forum.members.map((member) => member.name),
  );
  await db
    .insertInto('forum_members')
    .values(
      forum.members.map((member, position) => ({
        forum_id: forumId,
        position,
        person_id: people.get(member.name) ?? 0,
        role: member.role,
        email: member.email,
        deputy_name: member.deputy?.name ?? null,
        deputy_email: member.deputy?.email ?? null,
        receives_agenda: member.receives.agenda ? 1 : 0,
        receives_minutes: member.receives.minutes ? 1 : 0,
      })),
    )
    .execute();
}
