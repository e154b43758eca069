import { type ReactNode, useEffect, useRef } from 'react';

/**
 * A modal question before a step that cannot be undone (publishing, starting a meeting on
 * another day, deleting). A native <dialog>: focus moves into it and Escape cancels, as
 * screen readers and keyboards expect. The confirming button says what happens.
 */
export function ConfirmDialog({
  isOpen,
  title,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  isOpen: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) element.close();
  }, [isOpen]);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-dialog-title">{title}</h2>
      <div className="confirm-dialog-body">{children}</div>
      <div className="action-row">
        <button type="button" className="button-primary" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Annullér
        </button>
      </div>
    </dialog>
  );
}
