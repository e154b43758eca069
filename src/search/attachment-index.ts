import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { attachmentScopeCondition } from '../store/read-scope-sql.ts';
import { andConditions, type FilterSql } from './search-filters.ts';
import type { RankedItem } from './search-hits.ts';
import type { SearchFilters } from './search-provider.ts';
import { type SearchDatabase, withSearchTables } from './search-schema.ts';
import { stemInBackground } from './stem-pool.ts';
import { addToVocabulary } from './vocabulary.ts';

/**
 * The text inside Bilag, indexed apart from the items' own text: one row per Bilag whose text
 * has been read (`file_texts`), with the item it belongs to and whether it is public
 * (`attachment_search_facts`, the same on both engines). Kept apart so that a hit can name the
 * Bilag it came from, so that a Bilag's many pages never slow the items' own ranking, and so
 * that a Bilag marked not public can be left out for readers without rights, row by row.
 *
 * A Bilag's text never changes once read (its file is fixed by content), so indexing an item
 * only stems the Bilag that are new to the index; the rest is a cheap comparison of ids.
 */

/** What differs between engines for the Bilag index. */
export interface AttachmentIndexEngine {
  /** Writes the stems (joined by spaces) of Bilag new to the index. */
  insert(
    db: SearchDatabase,
    rows: ReadonlyArray<{ attachmentId: number; stems: string[] }>,
  ): Promise<void>;
  /** Removes Bilag from the text index (their facts are removed by the caller). */
  remove(db: SearchDatabase, attachmentIds: readonly number[]): Promise<void>;
}

/** How much a Bilag's match counts against the item's own text (whose body weighs 1). */
export const attachmentWeight = 0.5;

const chunkSize = 200;

/** Brings the Bilag of these items into step with the index: new ones in, gone ones out. */
export async function syncAttachmentIndex(
  db: Kysely<DatabaseSchema>,
  itemIds: readonly number[],
  engine: AttachmentIndexEngine,
): Promise<void> {
  const searchDb = withSearchTables(db);
  for (let start = 0; start < itemIds.length; start += chunkSize) {
    const ids = [...itemIds.slice(start, start + chunkSize)];
    const current = await db
      .selectFrom('attachments as a')
      .innerJoin('file_texts as t', 't.file_id', 'a.file_id')
      .select(['a.id', 'a.item_id', 'a.is_public'])
      .where('a.item_id', 'in', ids)
      .where('t.status', '=', 'done')
      .where('t.text', '<>', '')
      .execute();
    const indexed = await searchDb
      .selectFrom('attachment_search_facts')
      .select(['attachment_id', 'item_id', 'is_public'])
      .where('item_id', 'in', ids)
      .execute();
    const indexedById = new Map(indexed.map((row) => [row.attachment_id, row]));
    const currentIds = new Set(current.map((row) => row.id));
    const gone = indexed.filter((row) => !currentIds.has(row.attachment_id));
    await removeAttachmentRows(
      searchDb,
      gone.map((row) => row.attachment_id),
      engine,
    );
    for (const row of current) {
      const known = indexedById.get(row.id);
      if (known && known.is_public !== row.is_public)
        await searchDb
          .updateTable('attachment_search_facts')
          .set({ is_public: row.is_public })
          .where('attachment_id', '=', row.id)
          .execute();
    }
    await indexNewAttachments(
      searchDb,
      current.filter((row) => !indexedById.has(row.id)),
      engine,
    );
  }
}

async function indexNewAttachments(
  db: SearchDatabase,
  rows: ReadonlyArray<{ id: number; item_id: number; is_public: number }>,
  engine: AttachmentIndexEngine,
): Promise<void> {
  for (const row of rows) {
    const text = await db
      .selectFrom('attachments as a')
      .innerJoin('file_texts as t', 't.file_id', 'a.file_id')
      .select(['a.title', 't.text'])
      .where('a.id', '=', row.id)
      .executeTakeFirst();
    if (!text?.text) continue;
    // Stemming a long Bilag takes a while: in the stemming worker thread, not the main one.
    const stemmed = await stemInBackground([
      {
        facts: {
          item_id: row.item_id,
          meeting_id: 0,
          case_id: null,
          closed: 0,
          proposer_folded: null,
        },
        title: '',
        bodyParts: [text.text],
        decision: null,
      },
    ]);
    const stems = stemmed.items[0]?.body.split(' ').filter((stem) => stem !== '') ?? [];
    if (stems.length === 0) continue;
    await engine.insert(db, [{ attachmentId: row.id, stems }]);
    await db
      .insertInto('attachment_search_facts')
      .values({ attachment_id: row.id, item_id: row.item_id, is_public: row.is_public })
      .execute();
    await addToVocabulary(db, [stemmed.distinctStems]);
  }
}

/** Removes the Bilag of these items from the index (their items are gone or replaced). */
export async function removeAttachmentsOfItems(
  db: Kysely<DatabaseSchema>,
  itemIds: readonly number[],
  engine: AttachmentIndexEngine,
): Promise<void> {
  const searchDb = withSearchTables(db);
  for (let start = 0; start < itemIds.length; start += chunkSize) {
    const ids = [...itemIds.slice(start, start + chunkSize)];
    const rows = await searchDb
      .selectFrom('attachment_search_facts')
      .select('attachment_id')
      .where('item_id', 'in', ids)
      .execute();
    await removeAttachmentRows(
      searchDb,
      rows.map((row) => row.attachment_id),
      engine,
    );
  }
}

async function removeAttachmentRows(
  db: SearchDatabase,
  attachmentIds: readonly number[],
  engine: AttachmentIndexEngine,
): Promise<void> {
  if (attachmentIds.length === 0) return;
  await engine.remove(db, attachmentIds);
  await db
    .deleteFrom('attachment_search_facts')
    .where('attachment_id', 'in', [...attachmentIds])
    .execute();
}

/** An item found through one of its Bilag: the best Bilag and its score. */
export interface RankedAttachment {
  itemId: number;
  attachmentId: number;
  score: number;
}

/**
 * The items whose Bilag match, best first, one per item (its best Bilag), within the same
 * filters and read scope as the items' own ranking, and with Bilag marked not public left out
 * where the reader reads the forum as the public.
 */
export async function rankAttachments(
  db: SearchDatabase,
  matches: RawBuilder<unknown> | null,
  filter: FilterSql,
  filters: SearchFilters,
  limit: number,
): Promise<RankedAttachment[]> {
  if (!matches) return [];
  const readable = attachmentScopeCondition(filters.scope, {
    forumId: sql`m.forum_id`,
    isPublic: sql`af.is_public`,
  });
  // The meeting is joined whenever anything is filtered: the Bilag condition reads its forum.
  const joins =
    filter.conditions.length > 0 || readable
      ? sql`join item_search_facts f on f.item_id = af.item_id join meetings m on m.id = f.meeting_id`
      : sql``;
  const result = await sql<{ item_id: number; attachment_id: number; score: number }>`
    select af.item_id, af.attachment_id, s.score
    from (${matches}) s
    join attachment_search_facts af on af.attachment_id = s.attachment_id ${joins}
    where 1 = 1${andConditions(filter)}${readable ? sql` and ${readable}` : sql``}
    order by s.score desc, af.attachment_id desc
    limit ${limit * 4}`.execute(db);
  const best = new Map<number, RankedAttachment>();
  for (const row of result.rows) {
    const itemId = Number(row.item_id);
    if (!best.has(itemId))
      best.set(itemId, {
        itemId,
        attachmentId: Number(row.attachment_id),
        score: Number(row.score) * attachmentWeight,
      });
  }
  return [...best.values()].slice(0, limit);
}

/**
 * The items' own ranking and the items found through Bilag as one list, best first: an item's
 * score is its own plus its best Bilag's (already weighted down), so an item that matches
 * itself ranks above one whose Bilag alone match, all else equal. Each item remembers its best
 * Bilag, which names the hit when the item's own text has no match.
 */
export function mergeRankings(
  own: readonly RankedItem[],
  throughAttachments: readonly RankedAttachment[],
  limit: number,
): RankedItem[] {
  if (throughAttachments.length === 0) return [...own];
  const merged = new Map<number, RankedItem>(own.map((item) => [item.id, { ...item }]));
  for (const found of throughAttachments) {
    const item = merged.get(found.itemId);
    if (item) {
      item.score += found.score;
      item.attachmentId = found.attachmentId;
    } else
      merged.set(found.itemId, {
        id: found.itemId,
        score: found.score,
        attachmentId: found.attachmentId,
      });
  }
  return [...merged.values()].sort((a, b) => b.score - a.score || b.id - a.id).slice(0, limit);
}
