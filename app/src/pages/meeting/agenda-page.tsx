import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { AgendaBuilder } from '../agenda/agenda-builder.tsx';
import { MeetingHeader } from './meeting-header.tsx';
import { isWriter } from './meeting-permissions.ts';
import { meetingTitle } from './meeting-title.ts';
import { useWorkspace } from './use-workspace.ts';

/** `/moeder/:id/dagsorden`: building the agenda: items, order and time plan. */
export function AgendaPage({ meetingId }: { meetingId: number }) {
  const workspace = useWorkspace(meetingId);
  const title = workspace.data ? `Dagsorden: ${meetingTitle(workspace.data)}` : 'Dagsorden';
  usePageTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <LoadError error={workspace.error} status={workspace.errorStatus} />
      {workspace.isLoading && !workspace.data ? <Loading label="Henter dagsordenen…" /> : null}
      {workspace.data ? (
        <>
          <MeetingHeader workspace={workspace.data} view="agenda" />
          {!workspace.data.permissions.canEditAgenda ? (
            <p className="muted">
              {isWriter(workspace.data.permissions)
                ? `Dagsordenen kan ikke længere ændres, fordi mødet har status "${workspace.data.statusLabel}".`
                : 'Du kan læse dagsordenen, men ikke ændre den.'}
            </p>
          ) : null}
          <section aria-labelledby="punkter" className="panel">
            <h2 id="punkter">Punkter og tidsplan</h2>
            <AgendaBuilder
              workspace={workspace.data}
              onWorkspaceChange={workspace.setData}
              onReload={workspace.reload}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
