import type { Kysely, RawBuilder } from 'kysely';
import type { DatabaseSchema } from '../store/database-schema.ts';
import { mergeRankings, rankAttachments } from './attachment-index.ts';
import { buildFilterSql, type FilterSql, rankByFiltersOnly } from './search-filters.ts';
import { loadSearchHits, type RankedItem } from './search-hits.ts';
import type { SearchHit, SearchQuery } from './search-provider.ts';
import {
  collectMatchingStems,
  type ExpandedSearch,
  type ExpansionSource,
  expandSearch,
  hasSearchWords,
  parseSearchText,
} from './search-query.ts';
import { type SearchDatabase, withSearchTables } from './search-schema.ts';
import { searchLimit } from './search-settings.ts';

/** What differs between engines in a search: the vocabulary look-ups and the ranking. */
export interface SearchEngineParts {
  expansionSource(db: SearchDatabase): ExpansionSource;
  rank(
    db: SearchDatabase,
    search: ExpandedSearch,
    isDecisionOnly: boolean,
    filter: FilterSql,
    limit: number,
  ): Promise<RankedItem[]>;
  /** The Bilag matching the search as (attachment_id, score) rows; null for nothing to match. */
  attachmentMatches(search: ExpandedSearch): RawBuilder<unknown> | null;
}

/**
 * One search, the same steps on every engine: parse the text, expand compound parts through
 * the vocabulary, rank by text (or by filters alone when the text held only a journal number),
 * add the items found through the text of their Bilag, then load the hits with their
 * snippets, closed items and Bilag marked not public checked once more.
 */
export async function runSearch(
  db: Kysely<DatabaseSchema>,
  query: SearchQuery,
  engine: SearchEngineParts,
): Promise<SearchHit[]> {
  const parsed = parseSearchText(query.text);
  const filters = query.filters ?? {};
  const limit = searchLimit(query.limit);
  const searchDb = withSearchTables(db);
  const filter = buildFilterSql(filters, parsed.caseNumbers);
  const expanded = await expandSearch(parsed, engine.expansionSource(searchDb));
  const isDecisionOnly = !!filters.isDecisionOnly;
  const hasWords = hasSearchWords(parsed);
  const ranked = hasWords
    ? await engine.rank(searchDb, expanded, isDecisionOnly, filter, limit)
    : await rankByFiltersOnly(searchDb, filter, limit);
  // The text inside Bilag counts too, below the item's own; never for a decision-only search.
  const throughAttachments =
    hasWords && !isDecisionOnly
      ? await rankAttachments(searchDb, engine.attachmentMatches(expanded), filter, filters, limit)
      : [];
  return loadSearchHits(db, mergeRankings(ranked, throughAttachments, limit), {
    matchingStems: collectMatchingStems(expanded),
    isDecisionOnly,
    scope: filters.scope,
  });
}
