import type { OparlPageRequest, OparlWindow } from '../../store/oparl-store.ts';
import { ServiceError } from '../service-error.ts';

/**
 * OParl's external lists: a page of objects with `pagination` and `links`, filtered by
 * `created_since`, `created_until`, `modified_since` and `modified_until` (full date-times)
 * and sized by `limit`, which the server may cap. The filters and the limit travel along in
 * every link, as the specification requires, so that a client paging on keeps its filter.
 */

/** A list request's query parameters as the route has checked them. */
export interface OparlListQuery {
  page?: number;
  limit?: number;
  created_since?: string;
  created_until?: string;
  modified_since?: string;
  modified_until?: string;
  /** OParl 1.1: `true` leaves out the lists embedded in objects. */
  omit_internal?: boolean;
}

/** The query parameters that are kept in every link of a list, in this order. */
const keptParameters = [
  'created_since',
  'created_until',
  'modified_since',
  'modified_until',
  'limit',
  'omit_internal',
] as const;

/** A page's size: what a list gives unasked, and the most it gives however asked. */
export interface PageSize {
  standard: number;
  most: number;
}

/** Page sizes: meetings carry all their items and texts, so their pages are smaller. */
export const pageSizes = {
  meeting: { standard: 20, most: 100 },
  other: { standard: 100, most: 500 },
} as const satisfies Record<string, PageSize>;

/** One page of an OParl list, as sent. */
export interface OparlList<T> {
  data: T[];
  pagination: {
    totalElements: number;
    elementsPerPage: number;
    currentPage: number;
    totalPages: number;
  };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
}

/** Whether a text is a full date-time with a zone, as OParl's filters take them. */
export function isOparlDateTime(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/iu.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** A filter's date-time as the stores compare it: ISO 8601 in UTC with milliseconds. */
function toStoredTime(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isOparlDateTime(value))
    throw new ServiceError(400, `${name} skal være et tidspunkt som 2017-06-14T13:00:00+02:00.`);
  return new Date(value).toISOString();
}

/** The filters of a query as the store takes them. */
export function windowOf(query: OparlListQuery): OparlWindow {
  return {
    createdSince: toStoredTime('created_since', query.created_since),
    createdUntil: toStoredTime('created_until', query.created_until),
    modifiedSince: toStoredTime('modified_since', query.modified_since),
    modifiedUntil: toStoredTime('modified_until', query.modified_until),
  };
}

/** Which rows a query asks for: its page at the size it may have. */
export function pageRequestOf(
  query: OparlListQuery,
  size: PageSize,
): OparlPageRequest & { page: number } {
  const limit = Math.min(Math.max(query.limit ?? size.standard, 1), size.most);
  const page = Math.max(query.page ?? 1, 1);
  return { window: windowOf(query), limit, offset: (page - 1) * limit, page };
}

/** A page of a list with its pagination and links (the list's URL with the query kept). */
export function listPage<T>(
  data: T[],
  total: number,
  request: { limit: number; page: number },
  listUrl: string,
  query: OparlListQuery,
): OparlList<T> {
  const totalPages = Math.max(1, Math.ceil(total / request.limit));
  const pageUrl = (page: number) => {
    const parameters = new URLSearchParams();
    for (const name of keptParameters) {
      const value = query[name];
      if (value !== undefined) parameters.set(name, String(value));
    }
    if (page > 1) parameters.set('page', String(page));
    const text = parameters.toString();
    return text === '' ? listUrl : `${listUrl}?${text}`;
  };
  const current = request.page;
  return {
    data,
    pagination: {
      totalElements: total,
      elementsPerPage: request.limit,
      currentPage: current,
      totalPages,
    },
    links: {
      first: pageUrl(1),
      ...(current > 1 ? { prev: pageUrl(Math.min(current - 1, totalPages)) } : {}),
      self: pageUrl(current),
      ...(current < totalPages ? { next: pageUrl(current + 1) } : {}),
      last: pageUrl(totalPages),
    },
  };
}
