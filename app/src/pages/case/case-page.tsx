import { casePath } from '../../api/search.ts';
import type { CaseEntry } from '../../api/types.ts';
import { CaseSystemLink } from '../../components/case-system-link.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { formatDanishDate } from '../../lib/format.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { CaseFollowups } from '../followups/case-followups.tsx';
import { caseTitleOf } from './case-title.ts';
import './case-page.css';

/**
 * `/sager/:caseNumber`: a journal number's timeline across meetings, headed by the case's
 * title (its latest item's, as this reader may see it), each entry with its meeting's state
 * and a link to the item.
 */
export function CasePage({ caseNumber }: { caseNumber: string }) {
  const timeline = useApiData<CaseEntry[]>(casePath(caseNumber));
  const title = caseTitleOf(timeline.data ?? []);
  usePageTitle(title ? `${title} – sag ${caseNumber}` : `Sag ${caseNumber}`);
  return (
    <>
      <PageHeading>{title ?? `Sag ${caseNumber}`}</PageHeading>
      {title ? <p className="case-number">Sag {caseNumber}</p> : null}
      <CaseSystemLink caseNumber={caseNumber} />
      <LoadError error={timeline.error} status={timeline.errorStatus} />
      {timeline.isLoading && !timeline.data ? <Loading label="Henter sagens forløb…" /> : null}
      {timeline.data?.length === 0 ? (
        <p className="muted">Journalnummeret findes ikke på noget møde.</p>
      ) : null}
      {timeline.data && timeline.data.length > 0 ? (
        <ol className="timeline">
          {timeline.data.map((entry) => (
            <li key={entry.itemId}>
              <h2 className="timeline-date">
                <time dateTime={entry.date}>{formatDanishDate(entry.date)}</time> · {entry.forum}
              </h2>
              <p>
                <Link to={paths.item(entry.meetingId, entry.itemId)}>
                  Punkt {entry.itemNumber}: {entry.title}
                </Link>
                <span className="case-entry-status">
                  <span className="visually-hidden">Mødets status: </span>
                  <StatusBadge status={entry.status} />
                </span>
              </p>
              {entry.decision ? (
                <p className="preserve-lines">
                  <strong>Beslutning:</strong> {entry.decision}
                </p>
              ) : (
                <p className="muted">Ingen beslutning.</p>
              )}
              <p>
                <Link to={paths.meeting(entry.meetingId)}>Gå til mødet</Link>
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      <CaseFollowups caseNumber={caseNumber} />
    </>
  );
}
