import type { Kysely } from 'kysely';
import type { FollowupKind } from '../core/followups/followup.ts';
import type { FollowupOwnerKind } from '../core/followups/followup-tracking.ts';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/*
 * What storing the suggestions found in a meeting's decisions needs: the meeting's items by
 * number, the sentences already suggested, the forum's later meetings, and the insert itself.
 */

/** A suggestion found in a decision, about to be stored. */
export interface NewFollowupSuggestion {
  meetingId: number;
  itemId: number;
  forumId: number;
  kind: FollowupKind;
  ownerName: string | null;
  ownerKind: FollowupOwnerKind | null;
  dueFrom: string | null;
  dueTo: string | null;
  text: string;
  title: string;
  /** Unique per item: the kind and the sentence, hashed by the caller. */
  sourceKey: string;
}

/**
 * Stores suggestions, skipping any whose item already has one from the same sentence (the
 * unique key decides, so two workers at once cannot both add it); returns each suggestion's
 * new id, or null for one skipped.
 */
export async function insertFollowupSuggestions(
  db: Executor,
  suggestions: readonly NewFollowupSuggestion[],
  at: string,
): Promise<Array<number | null>> {
  const ids: Array<number | null> = [];
  for (const suggestion of suggestions) {
    const inserted = await db
      .insertInto('followups')
      .values({
        meeting_id: suggestion.meetingId,
        item_id: suggestion.itemId,
        forum_id: suggestion.forumId,
        kind: suggestion.kind,
        state: 'suggested',
        status: 'open',
        owner_name: suggestion.ownerName,
        owner_kind: suggestion.ownerKind,
        due_from: suggestion.dueFrom,
        due_to: suggestion.dueTo,
        text: suggestion.text,
        title: suggestion.title,
        notes: null,
        source_key: suggestion.sourceKey,
        created_at: at,
        updated_at: at,
        version: 1,
        reminded_before_at: null,
        reminded_overdue_at: null,
      })
      .onConflict((conflict) => conflict.columns(['item_id', 'source_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    ids.push(inserted?.id ?? null);
  }
  return ids;
}

/** The source keys a meeting's items already have follow-ups for, as "itemId:key". */
export async function listFollowupSourceKeys(
  db: Executor,
  meetingId: number,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('followups')
    .select(['item_id', 'source_key'])
    .where('meeting_id', '=', meetingId)
    .execute();
  return new Set(rows.map((row) => `${row.item_id}:${row.source_key}`));
}

/** A meeting's item ids by their number, for placing what was found in an item. */
export async function listItemIdsByNumber(
  db: Executor,
  meetingId: number,
): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('agenda_items')
    .select(['id', 'number'])
    .where('meeting_id', '=', meetingId)
    .execute();
  return new Map(rows.map((row) => [row.number, row.id]));
}

/**
 * The dates of a forum's meetings after a date that will be held (not cancelled), in order:
 * what "næste møde" in a decision can mean.
 */
export async function listLaterMeetingDates(
  db: Executor,
  forumId: number,
  afterDate: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('meetings')
    .select('date')
    .where('forum_id', '=', forumId)
    .where('date', '>', afterDate)
    .where('status', '!=', 'cancelled')
    .orderBy('date')
    .execute();
  return rows.map((row) => row.date);
}
