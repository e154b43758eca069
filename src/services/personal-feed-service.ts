import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor, UserActor } from '../core/actor.ts';
import type { PersonalFeedStatus } from '../core/api-contract/personal-feed.ts';
import { buildCalendar, type CalendarEvent } from '../core/icalendar.ts';
import { canSeeForum } from '../core/policies/meeting-access.ts';
import { targetOfForum } from '../core/policies/targets.ts';
import { appendAuditEntry } from '../store/audit-store.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import {
  findActiveFeedToken,
  findActiveFeedTokenOfUser,
  insertFeedToken,
  markFeedTokenUsed,
  revokeFeedTokensOfUser,
  type StoredFeedToken,
} from '../store/feed-token-store.ts';
import { listForums } from '../store/forum-store.ts';
import { findUserById, listForumRoles } from '../store/user-store.ts';
import type { Archive } from './archive-types.ts';
import { actorOfUser } from './auth/user-views.ts';
import { auditActor } from './command-pipeline.ts';
import { type FeedSite, listForumCalendarEvents } from './feed-service.ts';
import { listFollowupDeadlineEvents } from './followups/followup-calendar.ts';
import { ServiceError } from './service-error.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * A signed-in user's own calendar: the meetings of the forums they have a role in, at a secret
 * address (webcal) that a calendar client fetches without a session. The address carries a
 * token of 32 random bytes; only its SHA-256 is stored (as a session's), so it is shown once,
 * when it is made. Making a new one revokes the old; a revoked token, a disabled user and a
 * user who must change their password all get the same 404.
 *
 * The token gives nothing but this calendar: the calendar is built for the token's user as
 * the session would build them (the same actor, the same read model), so it shows what they
 * may see, no more. Which forums: those the user has a role in (member or secretary). An
 * administrator may see every forum, but their calendar holds only the forums they have a
 * role in too, so that it is their meetings and not the whole municipality's.
 */

/** The one answer to an address that does not (or no longer) work, whatever the reason. */
export const personalCalendarNotFoundMessage = 'Kalenderen findes ikke.';

/** When a token was last used is written at most this often, so that fetches stay reads. */
export const feedTokenTouchIntervalMs = 15 * 60 * 1000;

/** The answer to these requests without a signed-in user. */
const signInFirstMessage = 'Log ind først.';

/** A token as made: 32 random bytes in base64url, 43 characters. */
const tokenPattern = /^[\w-]{43}$/u;

/** A calendar address just made: the token is here and nowhere else. */
export interface NewFeedToken {
  token: string;
  createdAt: string;
}

/** The token's database key: its SHA-256 (hex). A leaked table opens no calendar. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The calendar's path on the site for a token. */
export function personalCalendarPath(token: string): string {
  return `/mine/${encodeURIComponent(token)}/kalender.ics`;
}

/**
 * The calendar's absolute addresses: as https (or http) for copying, and as webcal:// (the
 * same address, which opens the calendar program to subscribe).
 */
export function personalCalendarUrls(
  site: FeedSite,
  token: string,
): { url: string; webcalUrl: string } {
  const url = `${site.baseUrl}${personalCalendarPath(token)}`;
  return { url, webcalUrl: url.replace(/^https?:/u, 'webcal:') };
}

/** Whether the signed-in user has a calendar address, and when it was made and last used. */
export async function getPersonalFeedStatus(
  archive: Archive,
  actor: Actor,
): Promise<PersonalFeedStatus> {
  const userId = signedInUserId(actor);
  const token = await findActiveFeedTokenOfUser(archive.database.db, userId);
  return {
    exists: token !== null,
    createdAt: token?.createdAt ?? null,
    lastUsedAt: token?.lastUsedAt ?? null,
  };
}

/**
 * Makes the signed-in user a new calendar address; the old one, if any, stops working in the
 * same transaction. Audited. The token is returned this once.
 */
export async function createPersonalFeed(
  archive: Archive,
  actor: Actor,
  now = new Date(),
): Promise<NewFeedToken> {
  const userId = signedInUserId(actor);
  const token = randomBytes(32).toString('base64url');
  const createdAt = now.toISOString();
  await archive.database.db.transaction().execute(async (db) => {
    const revoked = await revokeFeedTokensOfUser(db, userId, createdAt);
    await insertFeedToken(db, { userId, tokenSha256: hashFeedToken(token), createdAt });
    await auditFeedChange(db, actor, userId, 'user.create_calendar_feed', revoked);
  });
  return { token, createdAt };
}

/** Revokes the signed-in user's calendar address, if they have one; audited when they did. */
export async function revokePersonalFeed(
  archive: Archive,
  actor: Actor,
  now = new Date(),
): Promise<void> {
  const userId = signedInUserId(actor);
  await archive.database.db.transaction().execute(async (db) => {
    const revoked = await revokeFeedTokensOfUser(db, userId, now.toISOString());
    if (revoked > 0) await auditFeedChange(db, actor, userId, 'user.revoke_calendar_feed', revoked);
  });
}

/**
 * The calendar a token opens (METHOD:PUBLISH): the meetings of the forums its user has a role
 * in, as that user may see them, by date; each event is the forum calendar's (same UID and
 * SEQUENCE). 404 "Kalenderen findes ikke." for a token that is malformed, unknown or revoked,
 * and for a user who is disabled or must change their password first.
 */
export async function getPersonalCalendar(
  archive: Archive,
  token: string,
  options: FeedSite & { address: string | null; now?: Date },
): Promise<string> {
  const db = archive.database.db;
  const now = options.now ?? new Date();
  const stored = await findUsableToken(db, token);
  const actor = stored ? await loadFeedActor(db, stored.userId, options.address) : null;
  if (!stored || !actor) throw new ServiceError(404, personalCalendarNotFoundMessage);
  await touchIfDue(db, stored, now);
  const events = await listPersonalEvents(db, actor, { baseUrl: options.baseUrl, now });
  return buildCalendar({ method: 'PUBLISH', name: 'Mine møder i Referat', events });
}

/** The user of a request, or 401: only a signed-in account has a calendar of its own. */
function signedInUserId(actor: Actor): number {
  if (actor.kind !== 'user' || actor.userId === null)
    throw new ServiceError(401, signInFirstMessage);
  return actor.userId;
}

/** The token's row when it is in use; a token of the wrong form is not looked up at all. */
async function findUsableToken(db: Executor, token: string): Promise<StoredFeedToken | null> {
  if (!tokenPattern.test(token)) return null;
  return findActiveFeedToken(db, hashFeedToken(token));
}

/**
 * The actor the calendar is built for: the token's user as a session makes them (read fresh,
 * so a changed role counts at the next fetch). Null for a disabled or missing account, and for
 * one that must change its password, which a session leaves anonymous too.
 */
async function loadFeedActor(
  db: Executor,
  userId: number,
  address: string | null,
): Promise<UserActor | null> {
  const user = await findUserById(db, userId);
  if (!user || user.isDisabled || user.mustChangePassword) return null;
  return actorOfUser(user, await listForumRoles(db, [userId]), address);
}

/** Meetings of the forums the actor has a role in, and the deadlines of their own follow-ups. */
async function listPersonalEvents(
  db: Executor,
  actor: UserActor,
  options: FeedSite & { now: Date },
): Promise<CalendarEvent[]> {
  const forums = (await listForums(db)).filter(
    (forum) =>
      Object.hasOwn(actor.forumRoles, forum.id) && canSeeForum(actor, targetOfForum(forum)),
  );
  const events: CalendarEvent[] = [];
  for (const forum of forums)
    events.push(...(await listForumCalendarEvents(db, actor, forum, options)));
  // The deadlines of the user's own open follow-ups, as all-day events.
  events.push(...(await listFollowupDeadlineEvents(db, actor, options)));
  return events.sort(byTime);
}

/** Events by date, all-day ones first on their day, then by time and UID. */
function byTime(a: CalendarEvent, b: CalendarEvent): number {
  return (
    a.date.localeCompare(b.date) ||
    (a.start ?? '').localeCompare(b.start ?? '') ||
    a.uid.localeCompare(b.uid)
  );
}

/** Notes the fetch, at most once per interval. */
async function touchIfDue(db: Executor, token: StoredFeedToken, now: Date): Promise<void> {
  if (token.lastUsedAt && now.getTime() - Date.parse(token.lastUsedAt) < feedTokenTouchIntervalMs)
    return;
  await markFeedTokenUsed(db, token.id, now.toISOString());
}

/** Writes a change of the user's calendar address to the audit log. */
async function auditFeedChange(
  db: Executor,
  actor: Actor,
  userId: number,
  action: 'user.create_calendar_feed' | 'user.revoke_calendar_feed',
  revoked: number,
): Promise<void> {
  await appendAuditEntry(db, {
    ...auditActor(actor),
    action,
    outcome: 'ok',
    targetType: 'user',
    targetId: userId,
    detail: revoked > 0 ? 'den tidligere adresse virker ikke længere' : null,
  });
}
