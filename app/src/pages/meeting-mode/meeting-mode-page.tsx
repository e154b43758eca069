import { useEffect, useState } from 'react';
import type { EditableItem, Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useAutosave } from '../../hooks/use-autosave.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { decisionAutosaver, saveStatusOf } from '../../lib/decision-autosave.ts';
import { MeetingActions } from '../meeting/meeting-actions.tsx';
import { MeetingHeader } from '../meeting/meeting-header.tsx';
import { hasActionsSection, isWriter } from '../meeting/meeting-permissions.ts';
import { meetingTitle } from '../meeting/meeting-title.ts';
import { useWorkspace } from '../meeting/use-workspace.ts';
import { DecisionItem } from './decision-item.tsx';
import { MeetingAbsences } from './meeting-absences.tsx';
import './meeting-mode.css';

/**
 * `/moeder/:id/moede`: meeting mode. A Beslutning per item, saved on every keystroke
 * (localStorage at once, the server after a short pause), phrases, "Kommunikeres ud", guests
 * and absences (the afbud recorded before the start already ticked). One status line says, as
 * a sentence, whether the decisions are saved, and that they are locked once the minutes are
 * approved; a message and a guest say so under their own fields.
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
  // Approved minutes: the server no longer lets anyone enter decisions, only correct them.
  const isLocked = Boolean(data?.permissions.isLocked && !data.permissions.canEnterDecisions);
  const status = saveStatusOf(autosave, data?.items ?? [], { isLocked });
  const canWrite = Boolean(data?.permissions.canEnterDecisions);
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
          {canWrite || isLocked ? (
            <div className="save-bar">
              <output className={`save-status save-status-${status.kind}`} aria-live="polite">
                {status.text}
              </output>
              {status.kind === 'failed' ? (
                <button
                  type="button"
                  className="button-quiet save-retry"
                  onClick={() => decisionAutosaver.retryAll(true)}
                >
                  Prøv at gemme igen
                </button>
              ) : null}
            </div>
          ) : null}
          <ErrorAlert message={errors.length > 0 ? errors.join(' ') : null} />
          {!canWrite && !isLocked ? (
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
              disabled={!data.permissions.canRecordAttendance}
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
              canWrite={canWrite}
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
