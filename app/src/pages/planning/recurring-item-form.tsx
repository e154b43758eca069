import { type FormEvent, useId, useRef, useState } from 'react';
import { monthName } from '../../../../src/core/annual-cycle.ts';
import { messageOf } from '../../api/client.ts';
import { addRecurringItem } from '../../api/planning.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

type RuleKind = 'quarterly' | 'spring_autumn' | 'months';

/**
 * A new recurring item: its title, when in the year it comes (every quarter, spring and
 * autumn, or chosen months) and its time.
 */
export function RecurringItemForm({
  forumId,
  onAdded,
}: {
  forumId: number;
  onAdded: (title: string) => void;
}) {
  const id = useId();
  const titleInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<RuleKind>('quarterly');
  const [months, setMonths] = useState<number[]>([]);
  const [minutes, setMinutes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const duration = minutes.trim() ? Number(minutes) : null;
    if (!title.trim()) {
      setError('Skriv en titel på det faste punkt.');
      titleInput.current?.focus();
      return;
    }
    if (kind === 'months' && months.length === 0) return setError('Vælg mindst én måned.');
    if (duration !== null && (!Number.isInteger(duration) || duration < 1 || duration > 600))
      return setError('Tiden skal være et helt antal minutter mellem 1 og 600.');
    setError(null);
    setIsSaving(true);
    try {
      await addRecurringItem(forumId, {
        title: title.trim(),
        durationMinutes: duration,
        rule: kind === 'months' ? { kind, months } : { kind },
      });
      onAdded(title.trim());
      setTitle('');
      setMonths([]);
      setMinutes('');
      titleInput.current?.focus();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsSaving(false);
    }
  };

  const toggleMonth = (month: number, isChecked: boolean): void =>
    setMonths((current) =>
      isChecked ? [...current, month].sort((a, b) => a - b) : current.filter((m) => m !== month),
    );

  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <div className="field field-wide">
        <label htmlFor={`${id}-title`}>Titel på det faste punkt</label>
        <input
          id={`${id}-title`}
          ref={titleInput}
          value={title}
          required
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-rule`}>Hvornår</label>
        <select
          id={`${id}-rule`}
          value={kind}
          onChange={(event) => setKind(event.target.value as RuleKind)}
        >
          <option value="quarterly">Hvert kvartal</option>
          <option value="spring_autumn">Forår og efterår</option>
          <option value="months">Bestemte måneder</option>
        </select>
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-minutes`}>Tid i minutter</label>
        <input
          id={`${id}-minutes`}
          type="number"
          min={1}
          max={600}
          inputMode="numeric"
          value={minutes}
          onChange={(event) => setMinutes(event.target.value)}
        />
      </div>
      {kind === 'months' ? (
        <fieldset className="field-wide month-choices">
          <legend>Måneder</legend>
          {Array.from({ length: 12 }, (_, index) => index + 1).map((month) => (
            <label key={month} className="checkbox">
              <input
                type="checkbox"
                checked={months.includes(month)}
                onChange={(event) => toggleMonth(month, event.target.checked)}
              />
              {monthName(month)}
            </label>
          ))}
        </fieldset>
      ) : null}
      <ErrorAlert message={error} />
      <div className="form-actions">
        <button type="submit" className="button-secondary" disabled={isSaving}>
          Tilføj fast punkt
        </button>
      </div>
    </form>
  );
}
