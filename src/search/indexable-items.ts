import type { Kysely } from 'kysely';
import type { Meeting } from '../core/meeting.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { appendStems } from './danish-words.ts';
import type { SearchDatabase, SearchFactsTable } from './search-schema.ts';

/** The stems of an item's three fields, in order. */
export interface ItemStems {
  titleStems: string[];
  /** Baggrund, Fremlæggelse, the recommendation's points and the attachments' titles. */
  bodyStems: string[];
  decisionStems: string[];
}

/** An item as the index sees it: its filter facts and the stems of its three fields. */
export interface IndexableItem extends ItemStems {
  facts: SearchFactsTable;
}

/** Ids per statement: well under both engines' limits on bound parameters. */
const chunkSize = 200;

/** An item's text as the index reads it, before stemming (stemming may run in a worker). */
export interface IndexableText {
  facts: SearchFactsTable;
  title: string;
  /** Baggrund, Fremlæggelse, the recommendation's points and the attachments' titles. */
  bodyParts: Array<string | null>;
  decision: string | null;
}

/** An item's text without its facts: what can be stemmed before the item is stored. */
export type ItemText = Omit<IndexableText, 'facts'>;

/**
 * A meeting's item texts as loadIndexableTexts will read them back once the meeting is stored:
 * title, body parts in the same order, decision. Used to stem ahead of the write.
 */
export function meetingIndexTexts(meeting: Meeting): ItemText[] {
  return meeting.items.map((item) => ({
    title: item.title,
    bodyParts: [
      item.background,
      item.presentation,
      ...(item.recommendation?.points ?? []),
      ...item.attachments.map((attachment) => attachment.title),
    ],
    decision: item.decision,
  }));
}

/** Reads the text of items to index, without stemming it. */
export async function loadIndexableTexts(
  db: Kysely<DatabaseSchema>,
  itemIds: readonly number[],
): Promise<IndexableText[]> {
  const texts: IndexableText[] = [];
  const uniqueIds = [...new Set(itemIds)];
  for (let start = 0; start < uniqueIds.length; start += chunkSize) {
    const ids = uniqueIds.slice(start, start + chunkSize);
    const rows = await db
      .selectFrom('agenda_items')
      .select([
        'id',
        'meeting_id',
        'case_id',
        'closed',
        'proposer',
        'title',
        'background',
        'presentation',
        'decision',
      ])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    if (rows.length === 0) continue;
    const extraText = await loadExtraBodyText(db, ids);
    for (const row of rows) {
      texts.push({
        facts: {
          item_id: row.id,
          meeting_id: row.meeting_id,
          case_id: row.case_id,
          closed: row.closed,
          proposer_folded: row.proposer === null ? null : foldCase(row.proposer),
        },
        title: row.title,
        bodyParts: [row.background, row.presentation, ...(extraText.get(row.id) ?? [])],
        decision: row.decision,
      });
    }
  }
  return texts;
}

/** Stems an item's text: what the index stores for it. Pure, so a worker thread can run it. */
export function stemItemText(text: ItemText): ItemStems {
  const titleStems: string[] = [];
  appendStems(text.title, titleStems);
  const bodyStems: string[] = [];
  for (const part of text.bodyParts) appendStems(part, bodyStems);
  const decisionStems: string[] = [];
  appendStems(text.decision, decisionStems);
  return { titleStems, bodyStems, decisionStems };
}

/** Adds an item's stems, title, body and decision alike, to a set of distinct stems. */
export function addDistinctStems(stems: ItemStems, distinct: Set<string>): void {
  for (const list of [stems.titleStems, stems.bodyStems, stems.decisionStems])
    for (const stem of list) distinct.add(stem);
}

/** Stems an item's text and keeps its facts. */
export function stemIndexableText(text: IndexableText): IndexableItem {
  return { facts: text.facts, ...stemItemText(text) };
}

/** An item ready for FTS5: its filter facts and each field's stems joined by spaces. */
export interface FtsReadyItem {
  facts: SearchFactsTable;
  title: string;
  body: string;
  decision: string;
}

/** Stemmed items ready for FTS5 and the distinct stems among them (for the vocabulary). */
export interface StemmedBatch {
  items: FtsReadyItem[];
  distinctStems: string[];
}

/**
 * Stems a batch of texts for FTS5. Pure, so the worker thread runs it; the stems arrive joined
 * and de-duplicated, which keeps the main thread's share of indexing small.
 */
export function stemBatch(texts: readonly IndexableText[]): StemmedBatch {
  const distinct = new Set<string>();
  const items = texts.map((text) => {
    const item = stemIndexableText(text);
    addDistinctStems(item, distinct);
    return {
      facts: item.facts,
      title: item.titleStems.join(' '),
      body: item.bodyStems.join(' '),
      decision: item.decisionStems.join(' '),
    };
  });
  return { items, distinctStems: [...distinct] };
}

/** The recommendation's points and the attachments' titles, in order, per item. */
export async function loadExtraBodyText(
  db: Kysely<DatabaseSchema>,
  ids: readonly number[],
): Promise<Map<number, string[]>> {
  const texts = new Map<number, string[]>();
  const add = (itemId: number, text: string) => {
    const list = texts.get(itemId);
    if (list) list.push(text);
    else texts.set(itemId, [text]);
  };
  const points = await db
    .selectFrom('recommendation_points')
    .select(['item_id', 'text'])
    .where('item_id', 'in', [...ids])
    .orderBy('item_id')
    .orderBy('position')
    .execute();
  for (const point of points) add(point.item_id, point.text);
  const attachments = await db
    .selectFrom('attachments')
    .select(['item_id', 'title'])
    .where('item_id', 'in', [...ids])
    .orderBy('item_id')
    .orderBy('position')
    .execute();
  for (const attachment of attachments) add(attachment.item_id, attachment.title);
  return texts;
}

/** Lowercases for case-insensitive substring filters the same way on both engines. */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('da');
}

/** Saves the filter facts of indexed items, replacing what was there. */
export async function saveSearchFacts(
  db: SearchDatabase,
  facts: readonly SearchFactsTable[],
): Promise<void> {
  for (let start = 0; start < facts.length; start += chunkSize) {
    await db
      .insertInto('item_search_facts')
      .values(facts.slice(start, start + chunkSize))
      .onConflict((conflict) =>
        conflict.column('item_id').doUpdateSet((eb) => ({
          meeting_id: eb.ref('excluded.meeting_id'),
          case_id: eb.ref('excluded.case_id'),
          closed: eb.ref('excluded.closed'),
          proposer_folded: eb.ref('excluded.proposer_folded'),
        })),
      )
      .execute();
  }
}
