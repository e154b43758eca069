/** The search filters, as the search page's URL carries them. */
export interface SearchQuery {
  q: string;
  from: string;
  to: string;
  caseNumber: string;
  forum: string;
  isDecisionOnly: boolean;
}

/** An empty search. */
export const emptySearchQuery: SearchQuery = {
  q: '',
  from: '',
  to: '',
  caseNumber: '',
  forum: '',
  isDecisionOnly: false,
};

/** Reads the search from the page's query string. */
export function searchQueryFromUrl(search: string): SearchQuery {
  const parameters = new URLSearchParams(search);
  return {
    q: parameters.get('q') ?? '',
    from: parameters.get('fra') ?? '',
    to: parameters.get('til') ?? '',
    caseNumber: parameters.get('sag') ?? '',
    forum: parameters.get('forum') ?? '',
    isDecisionOnly: parameters.get('beslutninger') === 'ja',
  };
}

/** Writes the search as the page's query string (Danish names, shareable). */
export function searchQueryToUrl(query: SearchQuery): string {
  const parameters = new URLSearchParams();
  if (query.q.trim()) parameters.set('q', query.q.trim());
  if (query.from) parameters.set('fra', query.from);
  if (query.to) parameters.set('til', query.to);
  if (query.caseNumber.trim()) parameters.set('sag', query.caseNumber.trim());
  if (query.forum) parameters.set('forum', query.forum);
  if (query.isDecisionOnly) parameters.set('beslutninger', 'ja');
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

/** The API path of a search, or null when there is nothing to search for. */
export function searchApiPath(query: SearchQuery): string | null {
  if (!query.q.trim()) return null;
  const parameters = new URLSearchParams({ q: query.q.trim(), limit: '50' });
  if (query.from) parameters.set('from', query.from);
  if (query.to) parameters.set('to', query.to);
  if (query.caseNumber.trim()) parameters.set('case', query.caseNumber.trim());
  if (query.forum) parameters.set('forum', query.forum);
  if (query.isDecisionOnly) parameters.set('decision', 'true');
  return `/api/search?${parameters}`;
}

/** The API path of a journal number's timeline. */
export function casePath(caseNumber: string): string {
  return `/api/cases/${encodeURIComponent(caseNumber)}`;
}
