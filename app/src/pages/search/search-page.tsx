import { forumsPath } from '../../api/forums.ts';
import {
  type SearchQuery,
  searchApiPath,
  searchQueryFromUrl,
  searchQueryToUrl,
} from '../../api/search.ts';
import type { ForumView, SearchHit } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { navigate } from '../../router/history.ts';
import { paths } from '../../router/routes.ts';
import { SearchForm } from './search-form.tsx';
import { SearchResults } from './search-results.tsx';

/** `/soeg`: search the archive; the query lives in the URL, so results can be shared. */
export function SearchPage({ search }: { search: string }) {
  const query = searchQueryFromUrl(search);
  usePageTitle(query.q ? `Søgning: ${query.q}` : 'Søg i arkivet');
  const forums = useApiData<ForumView[]>(forumsPath);
  const results = useApiData<SearchHit[]>(searchApiPath(query));
  const onSearch = (next: SearchQuery): void =>
    navigate(`${paths.search}${searchQueryToUrl(next)}`);

  return (
    <>
      <PageHeading>Søg i arkivet</PageHeading>
      <SearchForm key={search} initial={query} forums={forums.data ?? []} onSearch={onSearch} />
      <ErrorAlert message={results.error} />
      {results.isLoading ? <Loading label="Søger…" /> : null}
      {results.data && !results.isLoading ? <SearchResults hits={results.data} /> : null}
    </>
  );
}
