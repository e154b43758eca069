import type { EditableItem } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { MeetingHeader } from '../meeting/meeting-header.tsx';
import { canEditItem } from '../meeting/meeting-permissions.ts';
import { meetingTitle } from '../meeting/meeting-title.ts';
import { useWorkspace } from '../meeting/use-workspace.ts';
import { ItemForm } from './item-form.tsx';
import { ItemHistory } from './item-history.tsx';
import { ItemView } from './item-view.tsx';

/** `/moeder/:id/punkter/:itemId`: one item's editor, or the item to read for those who may not edit it. */
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
      <LoadError error={workspace.error} status={workspace.errorStatus} />
      {workspace.isLoading && !workspace.data ? <Loading label="Henter punktet…" /> : null}
      {workspace.data ? (
        <>
          <p className="breadcrumb">
            <Link to={paths.meeting(meetingId)}>Tilbage til {meetingTitle(workspace.data)}</Link>
          </p>
          <MeetingHeader workspace={workspace.data} view="item" />
          {item && !canEditItem(workspace.data.permissions) ? (
            <ItemView item={item} members={workspace.data.forum.members} />
          ) : null}
          {item && canEditItem(workspace.data.permissions) ? (
            <ItemForm
              key={item.id}
              workspace={workspace.data}
              item={item}
              onSaved={replaceItem}
              onReload={workspace.reload}
            />
          ) : null}
          {item ? (
            <ItemHistory meetingId={meetingId} itemId={item.id} itemVersion={item.version} />
          ) : (
            <ErrorAlert message="Punktet findes ikke på dette møde." />
          )}
        </>
      ) : null}
    </>
  );
}
