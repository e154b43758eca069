import { type FormEvent, useId, useRef, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { addItem } from '../../api/meetings.ts';
import type { ItemPurpose } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PurposeAndTimeFields } from '../../components/purpose-and-time-fields.tsx';

/**
 * "Tilføj punkt": title, purpose (one of the forum's, from the caller's workspace) and
 * minutes; the item is placed before "Evt.".
 */
export function AddItemForm({
  meetingId,
  purposes,
  onAdded,
}: {
  meetingId: number;
  /** The forum's purposes (workspace.forum.purposes), in its order. */
  purposes: readonly string[];
  onAdded: (title: string) => void;
}) {
  const id = useId();
  const titleInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState<ItemPurpose | ''>('');
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const duration = minutes.trim() ? Number(minutes) : null;
    if (!title.trim()) {
      setError('Skriv en titel på punktet.');
      titleInput.current?.focus();
      return;
    }
    if (duration !== null && (!Number.isInteger(duration) || duration < 1 || duration > 600))
      return setError('Tiden skal være et helt antal minutter mellem 1 og 600.');
    setError(null);
    setIsSaving(true);
    try {
      await addItem(meetingId, {
        title: title.trim(),
        ...(purpose ? { purpose } : {}),
        ...(duration ? { durationMinutes: duration } : {}),
      });
      onAdded(title.trim());
      setTitle('');
      setPurpose('');
      setMinutes('');
      titleInput.current?.focus();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="form-grid add-item-form" onSubmit={submit} noValidate>
      <div className="field field-wide">
        <label htmlFor={`${id}-title`}>Titel på punktet</label>
        <input
          id={`${id}-title`}
          ref={titleInput}
          value={title}
          required
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <PurposeAndTimeFields
        purpose={purpose}
        minutes={minutes}
        purposes={purposes}
        onPurposeChange={setPurpose}
        onMinutesChange={setMinutes}
      />
      <ErrorAlert message={error} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={isSaving}>
          Tilføj punkt
        </button>
      </div>
    </form>
  );
}
