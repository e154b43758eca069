import type { Actor } from '../actor.ts';
import { withoutContactDetails, withoutContactDetailsOrNull } from '../contact-details.ts';
import type { ItemAnnotations, MeetingAnnotations } from '../item-annotations.ts';
import { type AgendaItem, createEmptyItem, type Meeting } from '../meeting.ts';
import type { MeetingStatus } from '../meeting-lifecycle.ts';
import {
  areMinutesPublished,
  hidesContactDetails,
  isPublicAccess,
  type MeetingAccess,
  meetingAccess,
  showsClosedItems,
  showsDecisions,
} from './meeting-access.ts';
import type { ForumTarget } from './targets.ts';

/**
 * The read model: what an actor sees of a meeting and everything made from it (items, Bilag,
 * publications, revisions, case timelines, search hits, documents, exports). Presenters build
 * every answer from these functions, so a closed item (lukket punkt) cannot leak through a
 * side door: where a rule changes, it changes here.
 */

/** The text shown instead of a closed item's title to readers without rights. */
export const closedItemTitle = 'Lukket punkt';

/**
 * A closed item as readers without rights see it: its number and "Lukket punkt", nothing
 * else (no title, journal number, Bilag, text or time).
 */
export function redactClosedItem(item: AgendaItem): AgendaItem {
  return { ...createEmptyItem(item.number, closedItemTitle), closed: true };
}

/** An item as this access shows it in a meeting in this state. */
export function visibleItem(
  item: AgendaItem,
  access: MeetingAccess,
  status: MeetingStatus,
): AgendaItem {
  if (item.closed && !showsClosedItems(access)) return redactClosedItem(item);
  const shown = showsDecisions(access, status) ? item : { ...item, decision: null, absent: [] };
  return hidesContactDetails(access) ? itemWithoutContactDetails(shown) : shown;
}

/**
 * An item's texts without e-mail addresses and phone numbers (core/contact-details): what a
 * forum that asks for it publishes. Names stay; only how to reach people goes.
 */
export function itemWithoutContactDetails<T extends ItemTexts>(item: T): T {
  return {
    ...item,
    title: withoutContactDetails(item.title),
    background: withoutContactDetailsOrNull(item.background),
    presentation: withoutContactDetailsOrNull(item.presentation),
    decision: withoutContactDetailsOrNull(item.decision),
    recommendation: item.recommendation && {
      proposer: withoutContactDetails(item.recommendation.proposer),
      points: item.recommendation.points.map(withoutContactDetails),
    },
    attachments: item.attachments.map((attachment) => ({
      ...attachment,
      title: withoutContactDetails(attachment.title),
    })),
  };
}

/** The texts of an item that may carry contact details. */
export interface ItemTexts {
  title: string;
  background: string | null;
  presentation: string | null;
  decision: string | null;
  recommendation: { proposer: string; points: string[] } | null;
  attachments: ReadonlyArray<{ title: string }>;
}

/** A text as this access shows it: without contact details where the forum asks for that. */
export function visibleText<T extends string | null>(text: T, access: MeetingAccess): T {
  if (text === null || !hidesContactDetails(access)) return text;
  return withoutContactDetails(text) as T;
}

/** The meeting as this access shows it (call only when access is not `none`). */
export function visibleMeeting(
  meeting: Meeting,
  access: MeetingAccess,
  status: MeetingStatus,
): Meeting {
  return { ...meeting, items: meeting.items.map((item) => visibleItem(item, access, status)) };
}

/**
 * A published version as this access shows it: a version is what was sent, so its own kind
 * says whether decisions were part of it.
 */
export function visiblePublication(
  document: Meeting,
  access: MeetingAccess,
  kind: 'agenda' | 'minutes',
): Meeting {
  return visibleMeeting(document, access, kind === 'minutes' ? 'minutes_published' : 'held');
}

/**
 * The annotations a reader with this access may see: none of a closed item's for readers
 * without rights to closed items (its purpose, guests, message and corrections are its
 * content), and what the chiefs carry back only where the decisions show. `meeting` is the
 * stored one, whose items still say which are closed.
 */
export function visibleAnnotations(
  annotations: MeetingAnnotations,
  meeting: Pick<Meeting, 'items'>,
  access: MeetingAccess,
  status: MeetingStatus,
): MeetingAnnotations {
  const decisions = showsDecisions(access, status);
  const items: Record<number, ItemAnnotations> = {};
  for (const item of meeting.items) {
    const own = annotations.items[item.number];
    if (!own || (item.closed && !showsClosedItems(access))) continue;
    const communication = decisions ? visibleText(own.communication ?? null, access) : null;
    items[item.number] = {
      ...own,
      communication,
      corrections: own.corrections?.map((note) => ({
        ...note,
        reason: visibleText(note.reason, access),
      })),
    };
  }
  return { items, communicationItemNumber: annotations.communicationItemNumber };
}

/**
 * A published version's reason (a correction's) as this access shows it: the reason for a
 * correction of a closed item is that item's content, so readers without rights to closed
 * items see none (the version itself, with the closed item as "Lukket punkt", they may see).
 */
export function visibleVersionReason(
  version: {
    reason: string | null;
    document: Pick<Meeting, 'items'>;
    annotations: Pick<MeetingAnnotations, 'correctedItemNumber'>;
  },
  access: MeetingAccess,
): string | null {
  if (version.reason === null || showsClosedItems(access)) return version.reason;
  const corrected = version.annotations.correctedItemNumber;
  // A reason that names no item is kept back, in case it was about a closed one.
  if (corrected === undefined) return null;
  const item = version.document.items.find((entry) => entry.number === corrected);
  return item && !item.closed ? visibleText(version.reason, access) : null;
}

/** Whether an item's Bilag may be downloaded with this access (before each Bilag's own mark). */
export function canDownloadAttachmentOf(item: { closed: boolean }, access: MeetingAccess): boolean {
  return access !== 'none' && (!item.closed || showsClosedItems(access));
}

/**
 * Whether this access reads a Bilag's file and text: its item's Bilag are readable, and the
 * Bilag is public or the reader is a member or staff. A Bilag marked not public ("Lukket
 * bilag") keeps its title in the list; its file and its words stay with the forum.
 */
export function canReadAttachment(
  item: { closed: boolean },
  attachment: { isPublic: boolean },
  access: MeetingAccess,
): boolean {
  return canDownloadAttachmentOf(item, access) && (attachment.isPublic || showsClosedItems(access));
}

/** The search scope's answer to `canReadAttachment` for a Bilag in a forum whose item is visible. */
export function scopeReadsAttachment(
  scope: ReadScope,
  forumId: number,
  attachment: { isPublic: boolean },
): boolean {
  if (scope.kind === 'all' || attachment.isPublic) return true;
  return scope.staffForumIds.includes(forumId) || scope.memberForumIds.includes(forumId);
}

/** One entry of a case's timeline as stored. */
export interface CaseEntryFacts {
  /** The item's title, where the entry shows one. */
  title?: string;
  closed: boolean;
  decision: string | null;
  status: MeetingStatus;
  access: MeetingAccess;
}

/**
 * A case timeline entry as this access shows it, or null when it must not appear at all: a
 * closed item must not even reveal that it carries the journal number.
 */
export function visibleCaseEntry<T extends CaseEntryFacts>(entry: T): T | null {
  if (entry.access === 'none') return null;
  if (entry.closed && !showsClosedItems(entry.access)) return null;
  const decision = showsDecisions(entry.access, entry.status) ? entry.decision : null;
  const shown = { ...entry, decision: visibleText(decision, entry.access) };
  return typeof shown.title === 'string'
    ? { ...shown, title: visibleText(shown.title, entry.access) }
    : shown;
}

/** A revision entry as the history lists it. */
export interface RevisionFacts {
  entityType: string;
  entityId: number;
  action: string;
  reason: string | null;
}

/**
 * The revisions this access may list: all for the forum's members and staff; for others only
 * the publishing steps and corrections, never those of a closed item.
 */
export function visibleRevisions<T extends RevisionFacts>(
  entries: readonly T[],
  access: MeetingAccess,
  closedItemIds: ReadonlySet<number>,
): T[] {
  if (showsClosedItems(access)) return [...entries];
  if (access === 'none') return [];
  return entries
    .filter(
      (entry) =>
        publicRevisionActions.has(entry.action) &&
        !(entry.entityType === 'item' && closedItemIds.has(entry.entityId)),
    )
    .map((entry) => ({ ...entry, reason: visibleText(entry.reason, access) }));
}

const publicRevisionActions = new Set([
  'publish_agenda',
  'publish_minutes',
  'approve_minutes',
  'correction',
]);

/**
 * Which meetings and items a list or a search may return for an actor: the read model's rule
 * as sets of forums, which the store and the search engines turn into SQL.
 * - `staffForumIds`: every meeting and item (drafts and closed items too);
 * - `memberForumIds`: published meetings, closed items included;
 * - `publicForumIds`: published meetings, open items only (a search also leaves out meetings
 *   in progress, whose decisions are still being written: see publiclySearchableStatuses);
 * - `contactHidingForumIds`: those of the public forums whose texts leave out e-mail
 *   addresses and phone numbers (a hit's title and snippet go through visibleText).
 * `all` means every forum with staff rights (an administrator).
 */
export type ReadScope =
  | { kind: 'all' }
  | {
      kind: 'limited';
      staffForumIds: number[];
      memberForumIds: number[];
      publicForumIds: number[];
      contactHidingForumIds: number[];
    };

/** The statuses whose meetings a public list may show: everything published. */
export const publiclyListedStatuses: readonly MeetingStatus[] = [
  'agenda_published',
  'in_progress',
  'held',
  'minutes_published',
  'minutes_approved',
  'cancelled',
];

/** The statuses whose meetings a public search may show. */
export const publiclySearchableStatuses: readonly MeetingStatus[] = [
  'agenda_published',
  'minutes_published',
  'minutes_approved',
  'cancelled',
];

/**
 * Whether a reader with this scope sees the decisions of a meeting of this forum in this state:
 * the forum's members and staff always, everyone else once the minutes are published (the same
 * rule as showsDecisions, for search hits, which know the scope rather than the access).
 */
export function scopeShowsDecisions(
  scope: ReadScope,
  forumId: number,
  status: MeetingStatus,
): boolean {
  if (scope.kind === 'all') return true;
  if (scope.staffForumIds.includes(forumId) || scope.memberForumIds.includes(forumId)) return true;
  return areMinutesPublished(status);
}

/**
 * A search hit's text (its title or snippet) as a reader with this scope sees it: without
 * e-mail addresses and phone numbers in a forum that asks for that. A snippet's highlight
 * markers ([[…]]) are dropped where they would hide an address from the rule.
 */
export function scopeVisibleText(scope: ReadScope, forumId: number, text: string): string {
  if (scope.kind === 'all' || !scope.contactHidingForumIds.includes(forumId)) return text;
  const cleaned = withoutContactDetails(text);
  const plain = text.replaceAll('[[', '').replaceAll(']]', '');
  return withoutContactDetails(plain) === plain ? cleaned : withoutContactDetails(plain);
}

/** The read scope of an actor, given every forum with its visibility. */
export function readScope(actor: Actor, forums: readonly ForumTarget[]): ReadScope {
  if (actor.kind === 'user' && actor.isAdministrator) return { kind: 'all' };
  const scope = {
    kind: 'limited' as const,
    staffForumIds: [] as number[],
    memberForumIds: [] as number[],
    publicForumIds: [] as number[],
    contactHidingForumIds: [] as number[],
  };
  for (const forum of forums) {
    // A published meeting tells the forum's access without the meeting's own state.
    const access = meetingAccess(actor, { ...forum, status: 'minutes_approved' });
    if (access === 'staff') scope.staffForumIds.push(forum.forumId);
    else if (access === 'member') scope.memberForumIds.push(forum.forumId);
    else if (isPublicAccess(access)) scope.publicForumIds.push(forum.forumId);
    if (hidesContactDetails(access)) scope.contactHidingForumIds.push(forum.forumId);
  }
  return scope;
}
