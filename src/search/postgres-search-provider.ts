import { type Kysely, sql } from 'kysely';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { removeAttachmentsOfItems, syncAttachmentIndex } from './attachment-index.ts';
import { loadIndexableTexts, saveSearchFacts } from './indexable-items.ts';
import {
  postgresAttachmentIndex,
  postgresAttachmentMatches,
} from './postgres-attachment-search.ts';
import {
  countItemsWithStem,
  createSearchContext,
  defaultPostgresSearchTuning,
  type PostgresSearchContext,
  type PostgresSearchTuning,
} from './postgres-match-counts.ts';
import { rankWithTsRank } from './postgres-ranking.ts';
import { postgresSearchMigrations } from './postgres-search-migrations.ts';
import { withGinPlans } from './postgres-search-plans.ts';
import { distinctStemsOf, prepareTsvectors, takeTsvectorEntries } from './prepared-tsvectors.ts';
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
export function createPostgresSearchProvider(
  tuning: PostgresSearchTuning = defaultPostgresSearchTuning,
): SearchProvider {
  // PostgreSQL indexes each item in its caller's transaction: flushing has nothing to do.
  return {
    migrations: postgresSearchMigrations,
    indexItems,
    prepare: prepareTsvectors,
    removeItems,
    flush: async () => {},
    search: (db, query) => search(db, query, tuning),
  };
}

async function indexItems(db: Kysely<DatabaseSchema>, itemIds: readonly number[]): Promise<void> {
  if (itemIds.length === 0) return;
  const texts = await loadIndexableTexts(db, itemIds);
  const found = new Set(texts.map((text) => text.facts.item_id));
  const missing = itemIds.filter((id) => !found.has(id));
  if (missing.length > 0) await removeItems(db, missing);
  const searchDb = withSearchTables(db);
  const entries = takeTsvectorEntries(texts);
  for (let start = 0; start < texts.length; start += insertChunkSize) {
    const rows = texts
      .slice(start, start + insertChunkSize)
      .map(
        (text, index) =>
          sql`(${text.facts.item_id}, cast(${entries[start + index]?.tsvector} as tsvector))`,
      );
    await sql`insert into item_search (item_id, document) values ${sql.join(rows)}
      on conflict (item_id) do update set document = excluded.document`.execute(searchDb);
  }
  await saveSearchFacts(
    searchDb,
    texts.map((text) => text.facts),
  );
  // Each stem once: an item repeats its words, and the vocabulary checks every stem it is given.
  // Prepared entries added theirs before the transaction.
  const stems = distinctStemsOf(entries.filter((entry) => !entry.isInVocabulary));
  if (stems.length > 0) await addToVocabulary(searchDb, [stems]);
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

async function search(
  db: Kysely<DatabaseSchema>,
  query: SearchQuery,
  tuning: PostgresSearchTuning,
): Promise<SearchHit[]> {
  return withGinPlans(db, (transaction) => {
    const context = createSearchContext(withSearchTables(transaction), tuning);
    return runSearch(transaction, query, {
      expansionSource: (searchDb) => postgresExpansionSource(searchDb, context),
      rank: (searchDb, expanded, isDecisionOnly, filter, limit) =>
        rankWithTsRank(searchDb, context, expanded, isDecisionOnly, filter, limit),
      attachmentMatches: postgresAttachmentMatches,
    });
  });
}

/** Expansion's questions, answered by the GIN index and the pg_trgm vocabulary. */
function postgresExpansionSource(
  db: SearchDatabase,
  context: PostgresSearchContext,
): ExpansionSource {
  return {
    countItems: async () => (await context.statistics()).total,
    countItemsWith: (stem, atMost) => countItemsWithStem(db, context, stem, atMost),
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
