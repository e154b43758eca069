import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import type { EditableItem } from '../../api/types.ts';
import {
  type CommunicationStatus,
  communicationLengthText,
  communicationStatusText,
  communicationValue,
  longestCommunication,
} from './communication-status.ts';
import { saveItemChange } from './save-item-change.ts';

/** How long typing may pause before the message is saved. */
const debounceMilliseconds = 800;

/**
 * "Kommunikeres ud" for one item: a box that, ticked, opens a short text the chiefs carry back
 * to their departments. The text is saved shortly after typing stops and when the field is
 * left; unticking saves no message (the text stays here, so ticking again brings it back).
 * Read-only (the message alone) when decisions may not be entered.
 */
export function ItemCommunication({
  item,
  canEdit,
  onSaved,
}: {
  item: EditableItem;
  canEdit: boolean;
  onSaved: (item: EditableItem) => void;
}) {
  const id = useId();
  const stored = item.communication?.trim() || null;
  const [isChecked, setIsChecked] = useState(stored !== null);
  const [text, setText] = useState(stored ?? '');
  const [status, setStatus] = useState<CommunicationStatus>({ kind: 'idle' });
  // What the server has and what the user wants, kept outside React's render cycle so that a
  // save in flight and the typing that goes on meanwhile never overwrite each other.
  const savedValue = useRef(stored);
  const wantedValue = useRef(stored);
  const isSaving = useRef(false);
  const isSaveAgain = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latestItem = useRef(item);
  latestItem.current = item;
  const latestOnSaved = useRef(onSaved);
  latestOnSaved.current = onSaved;

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const wanted = wantedValue.current;
    if (wanted === savedValue.current) return;
    if (isSaving.current) {
      isSaveAgain.current = true;
      return;
    }
    isSaving.current = true;
    setStatus({ kind: 'saving' });
    try {
      const saved = await saveItemChange(latestItem.current, () => ({ communication: wanted }));
      savedValue.current = saved.communication?.trim() || null;
      latestOnSaved.current(saved);
      setStatus({ kind: 'saved', savedAt: new Date(), isCleared: wanted === null });
    } catch (caught) {
      setStatus({ kind: 'failed', reason: messageOf(caught) });
    } finally {
      isSaving.current = false;
      if (isSaveAgain.current) {
        isSaveAgain.current = false;
        void flush();
      }
    }
  }, []);

  // A message saved elsewhere (another secretary, the item editor) is shown here, unless this
  // field has changes of its own that are not saved yet: those win, as the decisions' do.
  useEffect(() => {
    if (isSaving.current || wantedValue.current !== savedValue.current) return;
    savedValue.current = stored;
    wantedValue.current = stored;
    if (stored === null) {
      setIsChecked(false);
      return;
    }
    setIsChecked(true);
    setText((current) => (current.trim() === stored ? current : stored));
  }, [stored]);

  // Leaving meeting mode with a message still waiting for its pause sends it now.
  useEffect(
    () => () => {
      if (timer.current) void flush();
    },
    [flush],
  );

  const want = (checked: boolean, value: string, isNow: boolean): void => {
    wantedValue.current = communicationValue(checked, value);
    if (wantedValue.current === savedValue.current && !isSaving.current) {
      // Typed back to what is saved: nothing to send, and nothing waiting.
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      setStatus((current) => (current.kind === 'pending' ? { kind: 'idle' } : current));
      return;
    }
    if (isNow) {
      void flush();
      return;
    }
    setStatus({ kind: 'pending' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), debounceMilliseconds);
  };

  const forItem = <span className="visually-hidden"> fra punkt {item.number}</span>;
  if (!canEdit) {
    if (!stored) return null;
    return (
      <div className="item-communication">
        <h3 className="item-communication-heading">Kommunikeres ud{forItem}</h3>
        <p className="preserve-lines">{stored}</p>
      </div>
    );
  }
  const statusText = communicationStatusText(status);
  return (
    <div className="item-communication">
      <div className="field checkbox-field">
        <input
          id={`${id}-checked`}
          type="checkbox"
          checked={isChecked}
          aria-describedby={`${id}-checked-hint`}
          onChange={(e) => {
            setIsChecked(e.target.checked);
            // Ticked with a text already there (ticked again): that text is the message.
            want(e.target.checked, text, true);
          }}
        />
        <label htmlFor={`${id}-checked`}>Kommunikeres ud{forItem}</label>
        <p id={`${id}-checked-hint`} className="hint">
          En kort besked, som cheferne tager med tilbage til deres afdelinger.
        </p>
      </div>
      {isChecked ? (
        <div className="field">
          <label htmlFor={`${id}-text`}>Besked til afdelingerne{forItem}</label>
          <textarea
            id={`${id}-text`}
            rows={3}
            value={text}
            maxLength={longestCommunication}
            aria-describedby={`${id}-length`}
            onChange={(e) => {
              setText(e.target.value);
              want(true, e.target.value, false);
            }}
            onBlur={() => void flush()}
          />
          <p id={`${id}-length`} className="hint">
            {communicationLengthText(text)}
          </p>
        </div>
      ) : null}
      <p role="status" className={`inline-status inline-status-${status.kind}`}>
        {statusText}
      </p>
      {status.kind === 'failed' ? (
        <button type="button" className="button-quiet" onClick={() => void flush()}>
          Prøv at gemme beskeden igen
        </button>
      ) : null}
    </div>
  );
}
