import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../store/database-schema.ts';
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
}

/**
 * One search, the same steps on every engine: parse the text, expand compound parts through
 * the vocabulary, rank by text (or by filters alone when the text held only a journal number),
 * then load the hits with their snippets, closed items checked once more.
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
  const ranked = hasSearchWords(parsed)
    ? await engine.rank(searchDb, expanded, isDecisionOnly, filter, limit)
    : await rankByFiltersOnly(searchDb, filter, limit);
  return loadSearchHits(db, ranked, {
    matchingStems: collectMatchingStems(expanded),
    isDecisionOnly,
    scope: filters.scope,
  });
}
