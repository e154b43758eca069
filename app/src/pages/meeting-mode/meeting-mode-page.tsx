import { useEffect, useState } from 'react';
import type { EditableItem, Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useAutosave } from '../../hooks/use-autosave.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { decisionAutosaver, saveStatusText } from '../../lib/decision-autosave.ts';
import { MeetingActions } from '../meeting/meeting-actions.tsx';
import { MeetingHeader } from '../meeting/meeting-header.tsx';
import { hasActionsSection, isWriter } from '../meeting/meeting-permissions.ts';
import { meetingTitle } from '../meeting/meeting-title.ts';
import { useWorkspace } from '../meeting/use-workspace.ts';
import { DecisionItem } from './decision-item.tsx';
import { MeetingAbsences } from './meeting-absences.tsx';

/**
 * `/moeder/:id/moede`: meeting mode. A Beslutning per item, saved on every keystroke
 * (localStorage at once, the server after a short pause), phrases, and absences.
 */
export function MeetingModePage({ meetingId }: { meetingId: number }) {
  const workspace = useWorkspace(meetingId);
  const autosave = useAutosave();
  const [decisions, setDecisions] = useState<Record<number, string>>({});
  const title = workspace.data ? `Møde: ${meetingTitle(workspace.data)}` : 'Møde';
  usePageTitle(title);

  useEffect(() => {
    for (const item of workspace.data?.items ?? []) decisionAutosaver.track(item);
  }, [workspace.data]);

  const data = workspace.data;
  const itemIds = data?.items.map((item) => item.id) ?? [];
  const statusText = saveStatusText(autosave, itemIds);
  const errors = itemIds.flatMap((itemId) => {
    const error = autosave.errors.get(itemId);
    const item = data?.items.find((candidate) => candidate.id === itemId);
    return error && item ? [`Punkt ${item.number}: ${error}`] : [];
  });

  const changeDecision = (itemId: number, decision: string): void => {
    setDecisions((current) => ({ ...current, [itemId]: decision }));
    decisionAutosaver.edit(itemId, decision);
  };
  const replaceItem = (saved: EditableItem): void => {
    if (!data) return;
    workspace.setData({
      ...data,
      items: data.items.map((item) => (item.id === saved.id ? saved : item)),
    });
  };
  const replaceWorkspace = (answer?: Workspace): void => {
    if (answer) workspace.setData(answer);
    else workspace.reload();
  };

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <LoadError error={workspace.error} status={workspace.errorStatus} />
      {workspace.isLoading && !data ? <Loading label="Henter mødet…" /> : null}
      {data ? (
        <>
          <MeetingHeader workspace={data} view="meeting-mode" />
          {data.permissions.canEnterDecisions ? (
            <div className="save-bar">
              <span>Beslutninger gemmes, mens du skriver:</span>{' '}
              <output
                className={`save-status save-status-${statusKind(statusText)}`}
                aria-live="polite"
              >
                {statusText}
              </output>
            </div>
          ) : null}
          <ErrorAlert message={errors.length > 0 ? errors.join(' ') : null} />
          {!data.permissions.canEnterDecisions ? (
            <p className="muted">
              {isWriter(data.permissions)
                ? `Beslutninger kan ikke skrives, når mødet har status "${data.statusLabel}".`
                : 'Du kan læse beslutningerne, men ikke skrive dem.'}
            </p>
          ) : null}
          <section aria-labelledby="handlinger" className="panel">
            <h2 id="handlinger">{hasActionsSection(data.permissions) ? 'Handlinger' : 'Fravær'}</h2>
            {hasActionsSection(data.permissions) ? (
              <MeetingActions
                workspace={data}
                onChanged={replaceWorkspace}
                isInMeetingMode
                beforePublishing={() => decisionAutosaver.settle(itemIds)}
              />
            ) : null}
            <MeetingAbsences
              workspace={data}
              disabled={!data.permissions.canEnterDecisions}
              onChanged={replaceWorkspace}
            />
          </section>
          {data.items.map((item) => (
            <DecisionItem
              key={item.id}
              workspace={data}
              item={item}
              decision={decisions[item.id] ?? decisionAutosaver.textFor(item)}
              replacedText={autosave.replaced.get(item.id) ?? null}
              canWrite={data.permissions.canEnterDecisions}
              onDecisionChange={(decision) => changeDecision(item.id, decision)}
              onItemSaved={replaceItem}
              onReload={workspace.reload}
            />
          ))}
        </>
      ) : null}
    </>
  );
}

function statusKind(text: string): 'idle' | 'saving' | 'saved' | 'error' {
  if (text === 'Gemt') return 'saved';
  if (text === 'Gemmer…') return 'saving';
  return text ? 'error' : 'idle';
}
