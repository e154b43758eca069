import type { EditableItem } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { MeetingHeader } from '../meeting/meeting-header.tsx';
import { meetingTitle } from '../meeting/meeting-title.ts';
import { useWorkspace } from '../meeting/use-workspace.ts';
import { ItemForm } from './item-form.tsx';

/** `/moeder/:id/punkter/:itemId`: one item's editor. */
export function ItemEditorPage({ meetingId, itemId }: { meetingId: number; itemId: number }) {
  const workspace = useWorkspace(meetingId);
  const item = workspace.data?.items.find((candidate) => candidate.id === itemId) ?? null;
  const title = item ? `Punkt ${item.number}: ${item.title}` : 'Punkt';
  usePageTitle(title);

  const replaceItem = (saved: EditableItem): void => {
    if (!workspace.data) return;
    workspace.setData({
      ...workspace.data,
      items: workspace.data.items.map((candidate) =>
        candidate.id === saved.id ? saved : candidate,
      ),
    });
  };

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <ErrorAlert message={workspace.error} />
      {workspace.isLoading && !workspace.data ? <Loading label="Henter punktet…" /> : null}
      {workspace.data ? (
        <>
          <p className="breadcrumb">
            <Link to={paths.meeting(meetingId)}>Tilbage til {meetingTitle(workspace.data)}</Link>
          </p>
          <MeetingHeader workspace={workspace.data} view="item" />
          {item ? (
            <ItemForm
              key={item.id}
              workspace={workspace.data}
              item={item}
              onSaved={replaceItem}
              onReload={workspace.reload}
            />
          ) : (
            <ErrorAlert message="Punktet findes ikke på dette møde." />
          )}
        </>
      ) : null}
    </>
  );
}
