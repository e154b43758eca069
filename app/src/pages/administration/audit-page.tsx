import { type FormEvent, useState } from 'react';
import {
  type AuditQuery,
  auditPageSize,
  auditPath,
  auditQueryFromUrl,
  auditQueryToUrl,
} from '../../api/audit.ts';
import type { AuditEntry } from '../../api/types.ts';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { navigate } from '../../router/history.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { AdminNav } from './admin-nav.tsx';
import { AuditTable } from './audit-table.tsx';

/**
 * `/administration/log`: the audit log, newest first, a page at a time, from a chosen day on.
 * The filter and the page live in the address (`?fra=2026-11-01&side=2`), so they can be shared.
 */
export function AuditPage({ search }: { search: string }) {
  const query = auditQueryFromUrl(search);
  usePageTitle(query.page > 1 ? `Revisionslog, side ${query.page}` : 'Revisionslog');
  const entries = useApiData<AuditEntry[]>(auditPath(query));
  const shown = entries.data?.slice(0, auditPageSize) ?? null;
  const hasNextPage = (entries.data?.length ?? 0) > auditPageSize;

  return (
    <>
      <PageHeading>Revisionslog</PageHeading>
      <AdminNav current="audit" />
      <p>Hvem gjorde hvad og hvornår: log ind, ændringer og afviste forsøg. Nyeste først.</p>
      <SinceFilter key={query.since} since={query.since} />
      <LoadError error={entries.error} status={entries.errorStatus} />
      {entries.isLoading && !shown ? <Loading label="Henter revisionsloggen…" /> : null}
      {shown ? (
        <>
          <p role="status" className="result-count">
            {describePage(query, shown.length)}
          </p>
          <AuditTable entries={shown} />
          <Pager query={query} hasNextPage={hasNextPage} />
        </>
      ) : null}
    </>
  );
}

function SinceFilter({ since }: { since: string }) {
  const [value, setValue] = useState(since);
  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    navigate(`${paths.audit}${auditQueryToUrl({ since: value, page: 1 })}`);
  };
  return (
    <form className="form-grid filter-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="log-fra">Fra og med dato</label>
        <input
          id="log-fra"
          type="date"
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Vis
        </button>
        {since ? <Link to={paths.audit}>Vis hele loggen</Link> : null}
      </div>
    </form>
  );
}

function Pager({ query, hasNextPage }: { query: AuditQuery; hasNextPage: boolean }) {
  if (query.page === 1 && !hasNextPage) return null;
  const pageLink = (page: number): string => `${paths.audit}${auditQueryToUrl({ ...query, page })}`;
  return (
    <nav aria-label="Sider i revisionsloggen" className="pager">
      {query.page > 1 ? <Link to={pageLink(query.page - 1)}>Forrige side</Link> : <span />}
      {hasNextPage ? <Link to={pageLink(query.page + 1)}>Næste side</Link> : null}
    </nav>
  );
}

function describePage(query: AuditQuery, count: number): string {
  if (count === 0)
    return query.page > 1 ? 'Der er ikke flere linjer.' : 'Der er ingen linjer i loggen.';
  const first = (query.page - 1) * auditPageSize + 1;
  return `Side ${query.page}: linje ${first}-${first + count - 1}.`;
}
