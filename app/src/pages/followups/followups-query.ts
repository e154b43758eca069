import type { FollowupFilter } from '../../api/followups.ts';

/** What the follow-up page shows: one's own, or a forum's; open, overdue or all. */
export interface FollowupPageQuery {
  /** null: "Mine opfølgninger". */
  forumId: number | null;
  filter: FollowupFilter;
}

const filters: readonly FollowupFilter[] = ['open', 'overdue', 'all'];

/** Reads `?forum=3&status=overdue`; anything unknown is the default (one's own, open). */
export function followupQueryFromUrl(search: string): FollowupPageQuery {
  const parameters = new URLSearchParams(search);
  const forum = parameters.get('forum') ?? '';
  const status = parameters.get('status') ?? '';
  return {
    forumId: /^[1-9]\d{0,9}$/u.test(forum) ? Number(forum) : null,
    filter: filters.find((filter) => filter === status) ?? 'open',
  };
}

/** The query string of a view ("" for the default). */
export function followupQueryToUrl(query: FollowupPageQuery): string {
  const parameters = new URLSearchParams();
  if (query.forumId !== null) parameters.set('forum', String(query.forumId));
  if (query.filter !== 'open') parameters.set('status', query.filter);
  const text = parameters.toString();
  return text ? `?${text}` : '';
}
