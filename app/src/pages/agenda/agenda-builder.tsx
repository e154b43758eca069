import { type DragEvent, useLayoutEffect, useRef, useState } from 'react';
import { ApiError, messageOf } from '../../api/client.ts';
import { deleteItem } from '../../api/items.ts';
import { reorderItems } from '../../api/meetings.ts';
import type { Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AddItemForm } from './add-item-form.tsx';
import { AgendaItemRow, moveButtonId } from './agenda-item-row.tsx';
import { movableRange, moveItem } from './agenda-order.ts';
import { ApprovePreviousButton } from './approve-previous-button.tsx';
import { PlannedItemsPanel } from './planned-items-panel.tsx';
import { planTime } from './time-plan.ts';
import { TimePlanSummary } from './time-plan-summary.tsx';

/**
 * The agenda as a table with its time plan. While the agenda may be edited: add items, move
 * them by drag and drop or with the "Flyt op"/"Flyt ned" buttons (announced in a live
 * region, focus kept on the moved item), and delete them after a confirmation.
 */
export function AgendaBuilder({
  workspace,
  onWorkspaceChange,
  onReload,
}: {
  workspace: Workspace;
  onWorkspaceChange: (workspace: Workspace) => void;
  onReload: () => void;
}) {
  const canEdit = workspace.permissions.canEditAgenda;
  const items = workspace.items;
  const plan = planTime(items, workspace.start);
  const { first, last } = movableRange(items);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirmingDeleteId, setConfirmingDeleteId] = useState<number | null>(null);
  const [draggedId, setDraggedId] = useState<number | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const focusAfterMove = useRef<{ itemId: number; direction: 'up' | 'down' } | null>(null);
  const latestOrderRequest = useRef(0);

  useLayoutEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const other = target.direction === 'up' ? 'down' : 'up';
    const button =
      document.getElementById(moveButtonId(target.itemId, target.direction)) ??
      document.getElementById(moveButtonId(target.itemId, other));
    if (button instanceof HTMLButtonElement && button.disabled)
      document.getElementById(moveButtonId(target.itemId, other))?.focus();
    else button?.focus();
  });

  const move = async (itemId: number, toIndex: number): Promise<void> => {
    const result = moveItem(items, itemId, toIndex);
    if (!result) return;
    const moved = result.items[result.index];
    setError(null);
    onWorkspaceChange({ ...workspace, items: result.items });
    setAnnouncement(`${moved?.title ?? 'Punktet'} er flyttet til punkt ${result.index + 1}.`);
    const request = ++latestOrderRequest.current;
    try {
      const saved = await reorderItems(
        workspace.id,
        result.items.map((item) => item.id),
      );
      if (request === latestOrderRequest.current) onWorkspaceChange(saved);
    } catch (caught) {
      if (request !== latestOrderRequest.current) return;
      setError(`Rækkefølgen blev ikke gemt: ${messageOf(caught)}`);
      setAnnouncement('Flytningen blev ikke gemt.');
      onReload();
    }
  };

  const moveByKeyboard = (itemId: number, index: number, direction: 'up' | 'down'): void => {
    focusAfterMove.current = { itemId, direction };
    void move(itemId, direction === 'up' ? index - 1 : index + 1);
  };

  const remove = async (itemId: number): Promise<void> => {
    const item = items.find((candidate) => candidate.id === itemId);
    if (!item) return;
    setError(null);
    try {
      await deleteItem(item.id, item.version);
      setConfirmingDeleteId(null);
      setAnnouncement(`${item.title} er slettet.`);
      onReload();
    } catch (caught) {
      setError(messageOf(caught));
      if (caught instanceof ApiError && caught.status === 409) onReload();
    }
  };

  const dragHandlers = (index: number) => ({
    onDragStart: (event: DragEvent<HTMLTableRowElement>) => {
      const item = items[index];
      if (!item) return;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', String(item.id));
      setDraggedId(item.id);
    },
    onDragOver: (event: DragEvent<HTMLTableRowElement>) => {
      if (draggedId === null) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      const target = Math.min(Math.max(index, first), last);
      if (target !== dropIndex) setDropIndex(target);
    },
    onDrop: (event: DragEvent<HTMLTableRowElement>) => {
      event.preventDefault();
      if (draggedId !== null) void move(draggedId, Math.min(Math.max(index, first), last));
      setDraggedId(null);
      setDropIndex(null);
    },
    onDragEnd: () => {
      setDraggedId(null);
      setDropIndex(null);
    },
  });

  return (
    <div className="agenda-builder">
      <ErrorAlert message={error} />
      <div className="table-scroll">
        <table className="agenda-table">
          <caption className="visually-hidden">
            Punkter på dagsordenen
            {canEdit ? ', kan flyttes med knapperne Op og Ned eller ved at trække' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Nr.</th>
              <th scope="col">Kl.</th>
              <th scope="col">Punkt</th>
              <th scope="col">Formål</th>
              <th scope="col">Tid</th>
              {canEdit ? <th scope="col">Handlinger</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((item, index) => (
              <AgendaItemRow
                key={item.id}
                meetingId={workspace.id}
                item={item}
                startsAt={plan.startTimes[index] ?? null}
                extra={
                  index === 0 ? (
                    <ApprovePreviousButton workspace={workspace} onApproved={onReload} />
                  ) : null
                }
                actions={{
                  canEdit,
                  canMoveUp: index > first,
                  canMoveDown: index < last,
                  isConfirmingDelete: confirmingDeleteId === item.id,
                  isDropTarget: dropIndex === index && draggedId !== item.id,
                  onMoveUp: () => moveByKeyboard(item.id, index, 'up'),
                  onMoveDown: () => moveByKeyboard(item.id, index, 'down'),
                  onAskDelete: () => setConfirmingDeleteId(item.id),
                  onConfirmDelete: () => void remove(item.id),
                  onCancelDelete: () => setConfirmingDeleteId(null),
                  ...dragHandlers(index),
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      <TimePlanSummary plan={plan} start={workspace.start} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {canEdit ? (
        <section aria-labelledby={`tilfoej-punkt-${workspace.id}`} className="subpanel">
          <h3 id={`tilfoej-punkt-${workspace.id}`}>Tilføj punkt</h3>
          <AddItemForm
            meetingId={workspace.id}
            purposes={workspace.forum.purposes}
            onAdded={(title) => {
              setAnnouncement(`${title} er tilføjet før Evt.`);
              onReload();
            }}
          />
        </section>
      ) : null}
      {canEdit ? (
        <PlannedItemsPanel
          meetingId={workspace.id}
          onTaken={(title) => {
            setAnnouncement(`${title} er taget ind fra punktbanken før Evt.`);
            onReload();
          }}
        />
      ) : null}
    </div>
  );
}
