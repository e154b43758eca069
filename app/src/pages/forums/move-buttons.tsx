/**
 * "Op" and "Ned" for one row of a list the user orders by hand, named after the row
 * ("Flyt formålet Afdække op") and disabled at the ends. The ids let the list keep the focus on
 * the row's button after the move.
 */
export function MoveButtons({
  upId,
  downId,
  rowName,
  canMoveUp,
  canMoveDown,
  onMove,
}: {
  upId: string;
  downId: string;
  /** The row as the labels name it: "formålet Afdække", "det faste punkt Evt. 2". */
  rowName: string;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (offset: -1 | 1) => void;
}) {
  return (
    <span className="row-move-buttons">
      <button
        type="button"
        id={upId}
        className="button-icon"
        aria-label={`Flyt ${rowName} op`}
        disabled={!canMoveUp}
        onClick={() => onMove(-1)}
      >
        ↑ <span aria-hidden="true">Op</span>
      </button>
      <button
        type="button"
        id={downId}
        className="button-icon"
        aria-label={`Flyt ${rowName} ned`}
        disabled={!canMoveDown}
        onClick={() => onMove(1)}
      >
        ↓ <span aria-hidden="true">Ned</span>
      </button>
    </span>
  );
}

/**
 * The button to focus after moving a row to `newIndex` of `count`: the one of the same
 * direction, or the other when the row reached the end and that one is disabled.
 */
export function buttonAfterMove(
  ids: { upId: string; downId: string },
  offset: -1 | 1,
  newIndex: number,
  count: number,
): string {
  if (offset === -1) return newIndex === 0 ? ids.downId : ids.upId;
  return newIndex === count - 1 ? ids.upId : ids.downId;
}
