import { useState } from 'react';
import {
  type AnnualCycle,
  type PlannedItem,
  planningPaths,
  type YearPlan,
} from '../../api/planning.ts';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { todayInCopenhagen } from '../../lib/format.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { AnnualWheelPanel } from './annual-wheel-panel.tsx';
import { PunktbankPanel } from './punktbank-panel.tsx';
import { RecurringItemsPanel } from './recurring-items-panel.tsx';
import { SeriesPanel } from './series-panel.tsx';
import { YearOverview } from './year-overview.tsx';
import './planning.css';

/**
 * `/fora/:id/aarsplan/:year`: a forum's year for its members and staff: a series of meetings
 * (for its secretaries), the year at a glance with moving and cancelling, the årshjul with its
 * text alternative, the recurring items of the annual cycle and the punktbank.
 */
export function YearPlanPage({ forumId, year }: { forumId: number; year: number | null }) {
  const shownYear = year ?? Number(todayInCopenhagen().slice(0, 4));
  const plan = useApiData<YearPlan>(planningPaths.year(forumId, shownYear));
  const punktbank = useApiData<PlannedItem[]>(planningPaths.plannedItems(forumId));
  const cycle = useApiData<AnnualCycle>(planningPaths.annualCycle(forumId));
  const [notice, setNotice] = useState<string | null>(null);
  const forumName = plan.data?.forum.name;
  usePageTitle(forumName ? `Årsplan ${shownYear} for ${forumName}` : `Årsplan ${shownYear}`);

  const changed = (message: string): void => {
    setNotice(message);
    plan.reload();
    punktbank.reload();
    cycle.reload();
  };
  const canManage = plan.data?.permissions.canManagePlan ?? false;
  const meetings = plan.data?.months.flatMap((month) => month.meetings) ?? [];

  return (
    <>
      <PageHeading>
        Årsplan {shownYear}
        {forumName ? ` for ${forumName}` : ''}
      </PageHeading>
      <nav aria-label="Andre år" className="year-navigation">
        <Link to={paths.yearPlan(forumId, shownYear - 1)}>Årsplan {shownYear - 1}</Link>
        <Link to={paths.yearPlan(forumId, shownYear + 1)}>Årsplan {shownYear + 1}</Link>
      </nav>
      <LoadError
        error={plan.error ?? punktbank.error ?? cycle.error}
        status={plan.errorStatus ?? punktbank.errorStatus ?? cycle.errorStatus}
      />
      <Notice message={notice} />
      {plan.isLoading && !plan.data ? <Loading label="Henter årsplanen…" /> : null}
      {plan.data?.permissions.canCreateMeetings ? (
        <SeriesPanel key={shownYear} forumId={forumId} year={shownYear} onCreated={changed} />
      ) : null}
      {plan.data ? <YearOverview plan={plan.data} onChanged={changed} /> : null}
      {plan.data ? <AnnualWheelPanel plan={plan.data} /> : null}
      {plan.data && cycle.data ? (
        <RecurringItemsPanel
          forumId={forumId}
          year={shownYear}
          cycle={cycle.data}
          canManage={canManage}
          onChanged={changed}
        />
      ) : null}
      {plan.data && punktbank.data ? (
        <PunktbankPanel
          forumId={forumId}
          items={punktbank.data}
          meetings={meetings}
          canManage={canManage}
          onChanged={changed}
        />
      ) : null}
    </>
  );
}
