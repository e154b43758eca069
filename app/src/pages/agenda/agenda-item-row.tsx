import { type DragEvent, type ReactNode, useEffect, useRef } from 'react';
import { purposeLabel } from '../../../../src/core/forum-practice.ts';
import type { EditableItem } from '../../api/types.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';

/** What a row needs to move, delete and be dragged. */
export interface AgendaRowActions {
  canEdit: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  isConfirmingDelete: boolean;
  isDropTarget: boolean;
  onMoveUp: () => void;
  onMoveDown: () => void;
  onAskDelete: () => void;
  onConfirmDelete: () => void;
  onCancelDelete: () => void;
  onDragStart: (event: DragEvent<HTMLTableRowElement>) => void;
  onDragOver: (event: DragEvent<HTMLTableRowElement>) => void;
  onDrop: (event: DragEvent<HTMLTableRowElement>) => void;
  onDragEnd: () => void;
}

/** The id of an item's move button, to keep focus on it after the move. */
export function moveButtonId(itemId: number, direction: 'up' | 'down'): string {
  return `flyt-${direction === 'up' ? 'op' : 'ned'}-${itemId}`;
}

/**
 * One agenda item: number, start time, title (link to the editor), purpose, minutes, actions.
 * Each cell names its column in `data-label`, which the narrow layout shows before the value
 * when the table becomes a list of cards without its header row (styles.css).
 */
export function AgendaItemRow({
  meetingId,
  item,
  startsAt,
  actions,
  extra,
}: {
  meetingId: number;
  item: EditableItem;
  startsAt: string | null;
  actions: AgendaRowActions;
  extra?: ReactNode;
}) {
  const isDraggable = actions.canEdit && !item.isStandard;
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(actions.isConfirmingDelete);
  useEffect(() => {
    // Keep the keyboard where the user is: on the confirmation, then back on "Slet".
    if (wasConfirming.current === actions.isConfirmingDelete) return;
    wasConfirming.current = actions.isConfirmingDelete;
    (actions.isConfirmingDelete ? confirmButton : deleteButton).current?.focus();
  }, [actions.isConfirmingDelete]);
  return (
    <tr
      className={`agenda-row${actions.isDropTarget ? ' is-drop-target' : ''}${isDraggable ? ' is-draggable' : ''}`}
      draggable={isDraggable}
      onDragStart={isDraggable ? actions.onDragStart : undefined}
      onDragOver={actions.onDragOver}
      onDrop={actions.onDrop}
      onDragEnd={actions.onDragEnd}
    >
      <td className="agenda-number" data-label="Nr.">
        {isDraggable ? (
          <span className="drag-handle" aria-hidden="true" title="Træk for at flytte">
            ⠿
          </span>
        ) : null}
        {item.number}.
      </td>
      <td className="agenda-time" data-label="Kl.">
        {startsAt ?? '–'}
      </td>
      <td className="agenda-title" data-label="Punkt">
        <Link to={paths.item(meetingId, item.id)}>{item.title}</Link>
        <span className="item-facts">
          {item.caseNumber ? <span>{item.caseNumber}</span> : null}
          {item.closed ? <span className="tag">Lukket punkt</span> : null}
          {item.attachments.length > 0 ? <span>{item.attachments.length} bilag</span> : null}
        </span>
        {item.decision && !actions.canEdit ? (
          <p className="decision-line">
            <strong>Beslutning:</strong> {item.decision}
          </p>
        ) : null}
        {extra}
      </td>
      <td className="agenda-purpose" data-label="Formål">
        {purposeLabel(item.purpose) ?? '–'}
      </td>
      <td className="agenda-minutes" data-label="Tid">
        {item.durationMinutes ? `${item.durationMinutes} min` : '–'}
      </td>
      {actions.canEdit ? (
        <td className="agenda-actions" data-label="Handlinger">
          {item.isStandard ? (
            <span className="muted">Fast punkt</span>
          ) : actions.isConfirmingDelete ? (
            <>
              <button
                ref={confirmButton}
                type="button"
                className="button-danger"
                aria-label={`Bekræft sletning af ${item.title}`}
                onClick={actions.onConfirmDelete}
              >
                Bekræft sletning
              </button>
              <button type="button" className="button-quiet" onClick={actions.onCancelDelete}>
                Annullér
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                id={moveButtonId(item.id, 'up')}
                className="button-icon"
                aria-label={`Flyt op: ${item.title}`}
                disabled={!actions.canMoveUp}
                onClick={actions.onMoveUp}
              >
                ↑ <span aria-hidden="true">Op</span>
              </button>
              <button
                type="button"
                id={moveButtonId(item.id, 'down')}
                className="button-icon"
                aria-label={`Flyt ned: ${item.title}`}
                disabled={!actions.canMoveDown}
                onClick={actions.onMoveDown}
              >
                ↓ <span aria-hidden="true">Ned</span>
              </button>
              <button
                ref={deleteButton}
                type="button"
                className="button-quiet"
                aria-label={`Slet punkt: ${item.title}`}
                onClick={actions.onAskDelete}
              >
                Slet
              </button>
            </>
          )}
        </td>
      ) : null}
    </tr>
  );
}
