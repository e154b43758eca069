import { publicationsPath } from '../../api/meetings.ts';
import type { Publication, Workspace } from '../../api/types.ts';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { formatDanishDate } from '../../lib/format.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { AgendaBuilder } from '../agenda/agenda-builder.tsx';
import { MeetingFollowupPanels } from '../followups/meeting-followups.tsx';
import { ApologiesPanel } from '../meeting-mode/apologies-panel.tsx';
import { DocumentLinks } from './document-links.tsx';
import { MailDeliveries } from './mail-deliveries.tsx';
import { MeetingActions } from './meeting-actions.tsx';
import { MeetingDetailsForm } from './meeting-details-form.tsx';
import { MeetingHeader } from './meeting-header.tsx';
import { hasActionsSection } from './meeting-permissions.ts';
import { meetingTitle } from './meeting-title.ts';
import { PublicationsList } from './publications-list.tsx';
import { useWorkspace } from './use-workspace.ts';

/**
 * `/moeder/:id`: the meeting's state, the actions the user may take, the agenda (built here
 * while the user may edit it, read-only otherwise), the documents, and the published versions
 * with what changed. Anonymous readers get the published meeting as the server shows it.
 */
export function MeetingPage({ meetingId }: { meetingId: number }) {
  const workspace = useWorkspace(meetingId);
  const publications = useApiData<Publication[]>(publicationsPath(meetingId));
  const title = workspace.data ? meetingTitle(workspace.data) : 'Møde';
  usePageTitle(title);

  const refresh = (answer?: Workspace): void => {
    if (answer) workspace.setData(answer);
    else workspace.reload();
    publications.reload();
  };

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <LoadError error={workspace.error} status={workspace.errorStatus} />
      {workspace.isLoading && !workspace.data ? <Loading label="Henter mødet…" /> : null}
      {workspace.data ? (
        <>
          <MeetingHeader workspace={workspace.data} view="overview" />
          <MeetingDetailsForm workspace={workspace.data} onSaved={workspace.setData} />
          {hasActionsSection(workspace.data.permissions) ? (
            <section aria-labelledby="handlinger" className="panel">
              <h2 id="handlinger">Handlinger</h2>
              <MeetingActions workspace={workspace.data} onChanged={refresh} />
            </section>
          ) : null}
          <ApologiesPanel workspace={workspace.data} onChanged={workspace.setData} />
          <section aria-labelledby="punkter" className="panel">
            <h2 id="punkter">{workspace.data.kind === 'minutes' ? 'Referat' : 'Dagsorden'}</h2>
            <AgendaBuilder
              workspace={workspace.data}
              onWorkspaceChange={workspace.setData}
              onReload={() => refresh()}
            />
          </section>
          <MeetingFollowupPanels workspace={workspace.data} />
          <section aria-labelledby="dokumenter" className="panel">
            <h2 id="dokumenter">Dokumenter</h2>
            <DocumentLinks workspace={workspace.data} />
          </section>
          <section aria-labelledby="udsendelser" className="panel">
            <h2 id="udsendelser">Udsendte versioner</h2>
            <PublicationsList
              meetingId={meetingId}
              publications={publications.data}
              error={publications.error}
            />
          </section>
          <MailDeliveries workspace={workspace.data} />
          <NeighbourLinks workspace={workspace.data} />
        </>
      ) : null}
    </>
  );
}

function NeighbourLinks({ workspace }: { workspace: Workspace }) {
  const { previousMeeting, nextMeeting } = workspace;
  if (!previousMeeting && !nextMeeting) return null;
  return (
    <nav aria-label="Forrige og næste møde" className="neighbour-links">
      {previousMeeting ? (
        <Link to={paths.meeting(previousMeeting.id)}>
          Forrige møde: {formatDanishDate(previousMeeting.date)}
        </Link>
      ) : (
        <span />
      )}
      {nextMeeting ? (
        <Link to={paths.meeting(nextMeeting.id)}>
          Næste møde: {formatDanishDate(nextMeeting.date)}
        </Link>
      ) : null}
    </nav>
  );
}
