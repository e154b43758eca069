import { createHash } from 'node:crypto';
import { localAdministrator } from '../../core/actor.ts';
import { extractFollowups } from '../../core/followups/extract-followups.ts';
import type { Followup } from '../../core/followups/followup.ts';
import { isNamedOwner, suggestTitle } from '../../core/followups/followup-tracking.ts';
import { findForumTarget } from '../../store/access-store.ts';
import {
  insertFollowupSuggestions,
  listFollowupSourceKeys,
  listItemIdsByNumber,
  listLaterMeetingDates,
  type NewFollowupSuggestion,
} from '../../store/followup-suggestion-store.ts';
import { findForum } from '../../store/forum-store.ts';
import { loadMeetingDocuments } from '../../store/meeting-reader.ts';
import { findMeetingRecord } from '../../store/meeting-store.ts';
import type { Archive } from '../archive-types.ts';
import { runCommand } from '../command-pipeline.ts';
import { notFound } from '../service-error.ts';

/**
 * Who stores the suggestions: Referat itself, acting for the secretariat after a publication
 * (its name is the author in each suggestion's history and in the audit log).
 */
export const followupSuggester = localAdministrator('Referat (opfølgning)');

/** The states in which a meeting's decisions are published: then its follow-ups are found. */
const publishedStatuses: ReadonlySet<string> = new Set(['minutes_published', 'minutes_approved']);

/**
 * Finds the follow-ups in a meeting's published decisions and stores the new ones as
 * suggestions for the secretary: one per item, kind and sentence, never again once suggested,
 * confirmed or rejected. "Næste møde" is dated from the forum's later meetings. With `itemIds`
 * only those items are read (a decision saved after the minutes went out). Returns the new
 * suggestions' ids; nothing is written when there are none.
 */
export async function suggestFollowups(
  archive: Archive,
  meetingId: number,
  options: { itemIds?: readonly number[] } = {},
): Promise<number[]> {
  const db = archive.database.db;
  const meeting = await findMeetingRecord(db, meetingId);
  if (!meeting || !publishedStatuses.has(meeting.status)) return [];
  const [document] = await loadMeetingDocuments(db, [meetingId]);
  if (!document) return [];
  const { followups, warnings } = extractFollowups(document, {
    futureMeetingDates: await listLaterMeetingDates(db, meeting.forumId, meeting.date),
  });
  const itemIds = await listItemIdsByNumber(db, meetingId);
  const known = await listFollowupSourceKeys(db, meetingId);
  const members = (await findForum(db, meeting.forumId))?.members.map((member) => member.name);
  const fresh = followups
    .map((found) => {
      const itemId = itemIds.get(found.item);
      return itemId === undefined
        ? null
        : toSuggestion(found, { meetingId, itemId, forumId: meeting.forumId }, members ?? []);
    })
    .filter((suggestion): suggestion is NewFollowupSuggestion => suggestion !== null)
    .filter((suggestion) => !options.itemIds || options.itemIds.includes(suggestion.itemId))
    .filter((suggestion) => !known.has(`${suggestion.itemId}:${suggestion.sourceKey}`));
  if (fresh.length === 0) return [];
  return storeSuggestions(archive, meeting.forumId, meetingId, fresh, warnings);
}

function storeSuggestions(
  archive: Archive,
  forumId: number,
  meetingId: number,
  suggestions: readonly NewFollowupSuggestion[],
  warnings: readonly string[],
): Promise<number[]> {
  return runCommand(archive, followupSuggester, {
    name: 'followup.suggest',
    resolve: async (db) => {
      const forum = await findForumTarget(db, forumId);
      if (!forum) throw notFound('Forummet');
      return {
        actions: ['followup.manage'],
        policyTarget: forum,
        auditType: 'meeting',
        auditId: meetingId,
        meetingId: null,
      };
    },
    apply: async (context) => {
      const ids = await insertFollowupSuggestions(context.db, suggestions, now());
      const stored: number[] = [];
      for (const [index, id] of ids.entries()) {
        const suggestion = suggestions[index];
        if (id === null || !suggestion) continue;
        stored.push(id);
        await context.recordRevision({
          entityType: 'followup',
          entityId: id,
          action: 'suggest',
          // A weekday that misses its date is for the secretary to judge.
          reason: warningsAbout(suggestion, warnings),
          data: { before: null },
        });
      }
      return stored;
    },
  });
}

const now = (): string => new Date().toISOString();

/** The extraction's warnings about a suggestion's sentence, joined; null without any. */
function warningsAbout(
  suggestion: NewFollowupSuggestion,
  warnings: readonly string[],
): string | null {
  const about = warnings.filter((warning) => warning.includes(`«${suggestion.text}»`));
  return about.length > 0 ? about.join(' ') : null;
}

function toSuggestion(
  found: Followup,
  where: { meetingId: number; itemId: number; forumId: number },
  members: readonly string[],
): NewFollowupSuggestion {
  const member = found.owner
    ? members.find((name) => isNamedOwner(found.owner ?? null, [name]))
    : undefined;
  return {
    ...where,
    kind: found.kind,
    ownerName: member ?? found.owner ?? null,
    ownerKind: found.owner ? (member ? 'member' : 'unit') : null,
    dueFrom: found.due?.from ?? null,
    dueTo: found.due?.to ?? null,
    text: found.text,
    title: suggestTitle(found.text),
    sourceKey: sourceKeyOf(found),
  };
}

/** The kind and the sentence (spacing aside), hashed: the same sentence, the same key. */
function sourceKeyOf(found: Followup): string {
  const sentence = found.text.replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(`${found.kind}\n${sentence}`).digest('hex');
}
