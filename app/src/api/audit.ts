/** Which part of the audit log to show: from a day on (YYYY-MM-DD or empty), one page. */
export interface AuditQuery {
  since: string;
  /** The page, from 1. */
  page: number;
}

/** How many lines one page of the audit log shows. */
export const auditPageSize = 50;

/**
 * The API path of one page of the audit log, newest first. It asks for one line more than a
 * page holds, so the page knows whether there is a next one.
 */
export function auditPath(query: AuditQuery): string {
  const parameters = new URLSearchParams({
    limit: String(auditPageSize + 1),
    offset: String((query.page - 1) * auditPageSize),
  });
  if (query.since) parameters.set('since', query.since);
  return `/api/audit?${parameters}`;
}

/** Reads the audit log's filter from the page's query string (`?fra=2026-11-01&side=2`). */
export function auditQueryFromUrl(search: string): AuditQuery {
  const parameters = new URLSearchParams(search);
  const since = parameters.get('fra') ?? '';
  const page = Number(parameters.get('side'));
  return {
    since: /^\d{4}-\d{2}-\d{2}$/u.test(since) ? since : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Writes the audit log's filter as the page's query string (Danish names, shareable). */
export function auditQueryToUrl(query: AuditQuery): string {
  const parameters = new URLSearchParams();
  if (query.since) parameters.set('fra', query.since);
  if (query.page > 1) parameters.set('side', String(query.page));
  const text = parameters.toString();
  return text ? `?${text}` : '';
}
