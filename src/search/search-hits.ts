import { type Kysely, sql } from 'kysely';
import type { MeetingStatus } from '../core/meeting-lifecycle.ts';
import {
  publiclySearchableStatuses,
  type ReadScope,
  scopeReadsAttachment,
  scopeShowsDecisions,
  scopeVisibleText,
} from '../core/policies/read-model.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { scopeCondition } from '../store/read-scope-sql.ts';
import { loadExtraBodyText } from './indexable-items.ts';
import type { SearchHit } from './search-provider.ts';
import type { MatchingStems } from './search-query.ts';
import { buildSnippet } from './snippet.ts';

/** An item the engine ranked, before it is shown. */
export interface RankedItem {
  id: number;
  /** Higher is better. */
  score: number;
  /** The item's best matching Bilag, when its Bilag matched too. */
  attachmentId?: number;
}

/** What hit loading needs to know of the search. */
export interface HitOptions {
  matchingStems: MatchingStems;
  isDecisionOnly: boolean;
  /** The read scope (see SearchFilters.scope); without one, open items only. */
  scope: ReadScope | undefined;
}

/**
 * Turns ranked ids into hits, in rank order: the item, its meeting and journal number from the
 * store, and a snippet built from the original text. The read scope (closedness, forums,
 * meeting states) is checked again here against the store itself, so a stale index can drop a
 * hit but never show what the reader may not see.
 */
export async function loadSearchHits(
  db: Kysely<DatabaseSchema>,
  ranked: readonly RankedItem[],
  options: HitOptions,
): Promise<SearchHit[]> {
  if (ranked.length === 0) return [];
  const ids = ranked.map((item) => item.id);
  let query = db
    .selectFrom('agenda_items as a')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('forums as fo', 'fo.id', 'm.forum_id')
    .leftJoin('cases as c', 'c.id', 'a.case_id')
    .select([
      'a.id',
      'a.number',
      'a.title',
      'a.background',
      'a.presentation',
      'a.decision',
      'm.id as meetingId',
      'm.date',
      'm.forum_id as forumId',
      'm.status',
      'fo.name as forum',
      'c.case_number as caseNumber',
    ])
    .where('a.id', 'in', ids);
  const visible = options.scope
    ? scopeCondition(
        options.scope,
        { forumId: sql`m.forum_id`, status: sql`m.status`, closed: sql`a.closed` },
        publiclySearchableStatuses,
      )
    : sql`a.closed = 0`;
  if (visible) query = query.where(visible.$castTo<boolean>());
  const rows = await query.execute();
  const extra = options.isDecisionOnly
    ? new Map<number, string[]>()
    : await loadExtraBodyText(db, ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const attachments = await loadMatchedAttachments(db, ranked);
  const hits: SearchHit[] = [];
  for (const { id, score, attachmentId } of ranked) {
    const row = byId.get(id);
    if (!row) continue;
    const showsDecision =
      !options.scope ||
      scopeShowsDecisions(options.scope, row.forumId, row.status as MeetingStatus);
    const body = [row.background, row.presentation, ...(extra.get(id) ?? [])];
    const sections = options.isDecisionOnly
      ? [row.decision]
      : [...(showsDecision ? [row.decision] : []), ...body];
    const ownSnippet = buildSnippet(sections, options.matchingStems);
    // The item's own text comes first; a Bilag names the hit only when the item has no match.
    const attachment =
      attachmentId === undefined || isMatched(ownSnippet, options)
        ? null
        : readableAttachment(attachments.get(attachmentId), row.forumId, options);
    if (!attachment && !showsDecision && !isMatchedOutsideDecision(row.title, body, options))
      continue;
    if (attachmentId !== undefined && !attachment && !isMatched(ownSnippet, options)) continue;
    // A forum may keep e-mail addresses and phone numbers out of what the public reads.
    const shown = (text: string) =>
      options.scope ? scopeVisibleText(options.scope, row.forumId, text) : text;
    hits.push({
      meeting: { id: row.meetingId, forum: row.forum, date: row.date },
      item: { id: row.id, number: row.number, title: shown(row.title), caseNumber: row.caseNumber },
      score,
      snippet: shown(
        attachment ? buildSnippet([attachment.text], options.matchingStems) : ownSnippet,
      ),
      attachment: attachment
        ? { id: attachment.id, title: shown(attachment.title), fileName: attachment.fileName }
        : null,
    });
  }
  return hits;
}

/**
 * Whether an item would be found without its decision: a reader who may not see the decision
 * yet (the minutes are not out) must neither find an item by it nor read it in a snippet.
 * A search by filters alone (a journal number) matches no words and is kept.
 */
function isMatchedOutsideDecision(
  title: string,
  body: ReadonlyArray<string | null>,
  options: HitOptions,
): boolean {
  return (
    !options.isDecisionOnly &&
    isMatched(buildSnippet([title, ...body], options.matchingStems), options)
  );
}

/** Whether a snippet shows a matched word (a search by filters alone matches none and passes). */
function isMatched(snippet: string, options: HitOptions): boolean {
  return options.matchingStems.size === 0 || snippet.includes('[[');
}

/** A Bilag whose text matched, as the store has it now. */
interface MatchedAttachment {
  id: number;
  itemId: number;
  title: string;
  fileName: string | null;
  isPublic: boolean;
  text: string;
}

/** The matched Bilag of ranked items, with their text, for the snippet and the check below. */
async function loadMatchedAttachments(
  db: Kysely<DatabaseSchema>,
  ranked: readonly RankedItem[],
): Promise<Map<number, MatchedAttachment>> {
  const ids = ranked.flatMap((item) =>
    item.attachmentId === undefined ? [] : [item.attachmentId],
  );
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('attachments as a')
    .innerJoin('file_texts as t', 't.file_id', 'a.file_id')
    .select(['a.id', 'a.item_id', 'a.title', 'a.file_name', 'a.is_public', 't.text'])
    .where('a.id', 'in', ids)
    .where('t.status', '=', 'done')
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        itemId: row.item_id,
        title: row.title,
        fileName: row.file_name,
        isPublic: row.is_public !== 0,
        text: row.text ?? '',
      },
    ]),
  );
}

/**
 * The Bilag if this reader may read its text, checked against the store (the index may be a
 * step behind a Bilag just marked not public): the read model's rule, through the scope.
 */
function readableAttachment(
  attachment: MatchedAttachment | undefined,
  forumId: number,
  options: HitOptions,
): MatchedAttachment | null {
  if (!attachment) return null;
  const readable = options.scope
    ? scopeReadsAttachment(options.scope, forumId, attachment)
    : attachment.isPublic;
  return readable ? attachment : null;
}
