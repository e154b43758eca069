/**
 * Who is acting. Every request and every CLI command runs as an Actor, and every service takes
 * it as its first argument. A request without a valid session is the anonymous reader, so the
 * seam fails closed: forgetting to sign someone in can only ever show less.
 */

/** A user's role in one forum. Administrators need none: they may do everything. */
export type ForumRole = 'member' | 'secretary';

/** The forum roles, for validating input. */
export const forumRoles: readonly ForumRole[] = ['member', 'secretary'];

/** Danish names of the roles, for the UI and the CLI. */
export const forumRoleLabels: Record<ForumRole, string> = {
  member: 'Medlem',
  secretary: 'Sekretær',
};

/** Anyone, not signed in: reads the published meetings of public forums. */
export interface AnonymousActor {
  kind: 'anonymous';
  /** The client's address, for the audit log. */
  address: string | null;
}

/** A signed-in user, or the local administrator at the command line. */
export interface UserActor {
  kind: 'user';
  /** The account's id; null for the command line, which has no account. */
  userId: number | null;
  /** The name written in the revision history and the audit log. */
  name: string;
  isAdministrator: boolean;
  /** The user's role in each forum, by forum id. */
  forumRoles: Readonly<Record<number, ForumRole>>;
  address: string | null;
}

/** Who is acting. */
export type Actor = AnonymousActor | UserActor;

/** The anonymous reader. */
export const anonymousActor: AnonymousActor = { kind: 'anonymous', address: null };

/** The anonymous reader at an address (for the audit log). */
export function anonymousAt(address: string | null): AnonymousActor {
  return { kind: 'anonymous', address };
}

/** The command line acts as the local administrator (whoever can run it owns the data). */
export function localAdministrator(name = 'Administrator (kommandolinjen)'): UserActor {
  return { kind: 'user', userId: null, name, isAdministrator: true, forumRoles: {}, address: null };
}

/** How an actor stands to one forum, strongest first. */
export type ForumStanding = 'administrator' | 'secretary' | 'member' | 'signed_in' | 'anonymous';

/** The actor's standing in a forum: the one question every rule starts from. */
export function standingIn(actor: Actor, forumId: number): ForumStanding {
  if (actor.kind === 'anonymous') return 'anonymous';
  if (actor.isAdministrator) return 'administrator';
  return actor.forumRoles[forumId] ?? 'signed_in';
}

/** The name to record as the author of a change. */
export function authorName(actor: Actor): string {
  return actor.kind === 'anonymous' ? 'Anonym' : actor.name;
}
