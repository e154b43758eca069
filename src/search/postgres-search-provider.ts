import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { removeAttachmentsOfItems, syncAttachmentIndex } from './attachment-index.ts';
import { loadIndexableItems, saveSearchFacts } from './indexable-items.ts';
import {
  postgresAttachmentIndex,
  postgresAttachmentMatches,
} from './postgres-attachment-search.ts';
import { rankWithTsRank } from './postgres-ranking.ts';
import { postgresSearchMigrations } from './postgres-search-migrations.ts';
import { buildTsvectorText, quoteLexeme } from './postgres-text-search.ts';
import { countIndexedItems } from './search-facts-table.ts';
import type { SearchHit, SearchProvider, SearchQuery } from './search-provider.ts';
import type { ExpansionSource } from './search-query.ts';
import { runSearch } from './search-runner.ts';
import { type SearchDatabase, withSearchTables } from './search-schema.ts';
import { maximumExpansions, nearLengthCandidates } from './search-settings.ts';
import { addToVocabulary } from './vocabulary.ts';

const insertChunkSize = 100;

/**
 * Search on PostgreSQL: a tsvector of Danish stems with GIN, ranked by ts_rank with field
 * weights; a pg_trgm index over the vocabulary finds compounds by a part.
 */
export function createPostgresSearchProvider(): SearchProvider {
  // PostgreSQL indexes each item in its caller's transaction: flushing has nothing to do.
  return {
    migrations: postgresSearchMigrations,
    indexItems,
    removeItems,
    flush: async () => {},
    search,
  };
}

async function indexItems(db: Kysely<DatabaseSchema>, itemIds: readonly number[]): Promise<void> {
  if (itemIds.length === 0) return;
  const items = await loadIndexableItems(db, itemIds);
  const found = new Set(items.map((item) => item.facts.item_id));
  const missing = itemIds.filter((id) => !found.has(id));
  if (missing.length > 0) await removeItems(db, missing);
  const searchDb = withSearchTables(db);
  for (let start = 0; start < items.length; start += insertChunkSize) {
    const rows = items
      .slice(start, start + insertChunkSize)
      .map((item) => sql`(${item.facts.item_id}, cast(${buildTsvectorText(item)} as tsvector))`);
    await sql`insert into item_search (item_id, document) values ${sql.join(rows)}
      on conflict (item_id) do update set document = excluded.document`.execute(searchDb);
  }
  await saveSearchFacts(
    searchDb,
    items.map((item) => item.facts),
  );
  await addToVocabulary(
    searchDb,
    items.flatMap((item) => [item.titleStems, item.bodyStems, item.decisionStems]),
  );
  await syncAttachmentIndex(db, [...found], postgresAttachmentIndex);
}

async function removeItems(db: Kysely<DatabaseSchema>, itemIds: readonly number[]): Promise<void> {
  const searchDb = withSearchTables(db);
  await removeAttachmentsOfItems(db, itemIds, postgresAttachmentIndex);
  for (let start = 0; start < itemIds.length; start += 500) {
    const ids = itemIds.slice(start, start + 500);
    await sql`delete from item_search where item_id in (${sql.join(ids)})`.execute(searchDb);
    await searchDb.deleteFrom('item_search_facts').where('item_id', 'in', ids).execute();
  }
}

async function search(db: Kysely<DatabaseSchema>, query: SearchQuery): Promise<SearchHit[]> {
  return runSearch(db, query, {
    expansionSource: postgresExpansionSource,
    rank: rankWithTsRank,
    attachmentMatches: postgresAttachmentMatches,
  });
}

/** Expansion's questions, answered by the GIN index and the pg_trgm vocabulary. */
function postgresExpansionSource(db: SearchDatabase): ExpansionSource {
  return {
    countItems: () => countIndexedItems(db),
    async countItemsWith(stem, atMost) {
      const result = await sql<{ count: string | number }>`
        select count(*) as count from (select 1 from item_search
          where document @@ cast(${quoteLexeme(stem)} as tsquery) limit ${atMost}) as found`.execute(
        db,
      );
      return Number(result.rows[0]?.count ?? 0);
    },
    // The GIN index answers a prefix from a range of its keys, and ranking reads only the
    // newest items' tsvectors when many match: a prefix term is affordable however many
    // stems begin with it.
    findTermsBeginning: async () => null,
    async findTermsContaining(part, coveredPrefix) {
      // Shortest first: the closest to the part itself, often its own inflections.
      let query = db
        .selectFrom('search_terms')
        .select('term')
        .where('term', 'like', containing(part));
      if (coveredPrefix)
        query = query.where(sql<boolean>`left(term, ${coveredPrefix.length}) <> ${coveredPrefix}`);
      const rows = await query
        .orderBy(sql`length(term)`)
        .orderBy(sql`term collate "C"`)
        .limit(maximumExpansions)
        .execute();
      return rows.map((row) => row.term);
    },
    async findTermsNearLength(part, length) {
      const rows = await db
        .selectFrom('search_terms')
        .select('term')
        .where('term', 'like', containing(part))
        .orderBy(sql`abs(length(term) - ${length})`)
        .orderBy(sql`term collate "C"`)
        .limit(nearLengthCandidates)
        .execute();
      return rows.map((row) => row.term);
    },
  };
}

/** A LIKE pattern for text containing a part. */
function containing(part: string): string {
  return `%${part.replace(/[\\%_]/gu, (character) => `\\${character}`)}%`;
}
