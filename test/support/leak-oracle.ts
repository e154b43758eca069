import type { ForumRole } from '../../src/core/actor.ts';
import {
  caseNumberPattern,
  type Ledger,
  type LedgerForum,
  type LedgerMeeting,
  type TokenUsage,
  tokenPattern,
} from './leak-ledger.ts';

/**
 * The test's own statement of who may see what, written from the issue and DESIGN.md rather
 * than from src/core/policies, so that the two keep each other honest:
 * - the forum's secretaries (and administrators) see everything, drafts included;
 * - its members see every published meeting in full, closed items included;
 * - everyone else sees the published meetings of public forums, a closed item as its number
 *   and "Lukket punkt", and decisions and absences only once the minutes are out;
 * - an internal forum and its meetings do not exist for anyone outside it.
 */

/** A reader as the oracle knows them: roles by forum index. */
export interface ReaderProfile {
  label: string;
  isAdministrator: boolean;
  roles: ReadonlyMap<number, ForumRole>;
}

/** How a reader stands to a forum. */
export type Standing = 'staff' | 'member' | 'public';

/** The reader's standing in a forum. */
export function standingOf(reader: ReaderProfile, forum: LedgerForum): Standing {
  if (reader.isAdministrator) return 'staff';
  const role = reader.roles.get(forum.index);
  if (role === 'secretary') return 'staff';
  return role === 'member' ? 'member' : 'public';
}

/** Whether the meeting exists for the reader at all. */
export function canSeeMeeting(reader: ReaderProfile, meeting: LedgerMeeting): boolean {
  const standing = standingOf(reader, meeting.forum);
  if (standing === 'staff') return true;
  if (meeting.status === 'draft') return false;
  return standing === 'member' || meeting.forum.visibility === 'public';
}

/** Whether the forum exists for the reader. */
export function canSeeForum(reader: ReaderProfile, forum: LedgerForum): boolean {
  return forum.visibility === 'public' || standingOf(reader, forum) !== 'public';
}

/** Whether the minutes are out, so that decisions and absences are public. */
export function areMinutesOut(meeting: LedgerMeeting): boolean {
  return meeting.status === 'minutes_published' || meeting.status === 'minutes_approved';
}

/** Whether the reader may see what was written in one place. */
export function canSeeUsage(reader: ReaderProfile, usage: TokenUsage): boolean {
  if (usage.kind === 'forumName' || !usage.meeting) return canSeeForum(reader, usage.forum);
  if (!canSeeMeeting(reader, usage.meeting)) return false;
  if (standingOf(reader, usage.forum) !== 'public') return true;
  switch (usage.kind) {
    case 'meeting':
    case 'open':
      return true;
    case 'openDecision':
      return areMinutesOut(usage.meeting);
    case 'closed':
      return false;
    default: {
      const unknown: never = usage.kind;
      return unknown;
    }
  }
}

/** Whether the reader may see an item (in a list of hits or a case's timeline). */
export function canSeeItem(
  reader: ReaderProfile,
  meeting: LedgerMeeting,
  item: { isClosed: boolean },
): boolean {
  if (!canSeeMeeting(reader, meeting)) return false;
  return !item.isClosed || standingOf(reader, meeting.forum) !== 'public';
}

/** Every token and journal number in a text (lower-cased), overlapping matches included. */
export function findTokens(text: string): string[] {
  const lower = text.toLowerCase();
  const found: string[] = [];
  for (const match of lower.matchAll(tokenPattern)) if (match[1]) found.push(match[1]);
  for (const match of lower.matchAll(caseNumberPattern)) if (match[1]) found.push(match[1]);
  return found;
}

/**
 * Tokens in a document's extracted text: also with everything but letters removed (a word split
 * by hyphenation or a line break) and without white space (a journal number broken over lines).
 */
export function findTokensInDocumentText(text: string): string[] {
  const lower = text.toLowerCase();
  return [
    ...findTokens(lower),
    ...findTokens(lower.replace(/[^\p{L}]+/gu, '')),
    ...findTokens(lower.replace(/\s+/gu, '')),
  ];
}

/** A token the reader must not see, found in an answer. */
export interface HiddenToken {
  token: string;
  usages: TokenUsage[];
}

/** The found tokens the reader may not see. */
export function hiddenTokens(
  reader: ReaderProfile,
  ledger: Ledger,
  found: readonly string[],
): HiddenToken[] {
  const hidden: HiddenToken[] = [];
  for (const token of new Set(found)) {
    const usages = ledger.usages.get(token);
    if (!usages) continue;
    if (!usages.some((usage) => canSeeUsage(reader, usage))) hidden.push({ token, usages });
  }
  return hidden;
}

/** One line about a token's usages, for a leak report. */
export function describeUsages(usages: readonly TokenUsage[]): string {
  return usages
    .map((usage) => {
      const meeting = usage.meeting
        ? `meeting ${usage.meeting.id} (${usage.meeting.status}, ${usage.forum.visibility} forum)`
        : `forum ${usage.forum.id} (${usage.forum.visibility})`;
      const item = usage.item
        ? ` item ${usage.item.number}${usage.item.isClosed ? ' closed' : ''}`
        : '';
      return `${usage.kind} ${usage.place} in ${meeting}${item}`;
    })
    .join('; ');
}
