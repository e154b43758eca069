import { useId } from 'react';
import { itemPurposeLabels } from '../../../../src/core/standard-items.ts';
import type { ItemPurpose } from '../../api/types.ts';
import { CaseNumberField } from './case-number-field.tsx';
import type { ItemDraft } from './item-draft.ts';

const purposes = Object.entries(itemPurposeLabels) as [ItemPurpose, string][];

/** Titel, Journalnummer, Formål, Tid i minutter and Lukket punkt. */
export function ItemFields({
  draft,
  disabled,
  onChange,
}: {
  draft: ItemDraft;
  disabled: boolean;
  onChange: (change: Partial<ItemDraft>) => void;
}) {
  const id = useId();
  return (
    <div className="form-grid">
      <div className="field field-wide">
        <label htmlFor={`${id}-title`}>Titel</label>
        <input
          id={`${id}-title`}
          value={draft.title}
          disabled={disabled}
          required
          onChange={(e) => onChange({ title: e.target.value })}
        />
      </div>
      <CaseNumberField
        value={draft.caseNumber}
        disabled={disabled}
        onChange={(caseNumber) => onChange({ caseNumber })}
      />
      <div className="field">
        <label htmlFor={`${id}-purpose`}>Formål</label>
        <select
          id={`${id}-purpose`}
          value={draft.purpose}
          disabled={disabled}
          onChange={(e) => onChange({ purpose: e.target.value as ItemPurpose | '' })}
        >
          <option value="">Ikke valgt</option>
          {purposes.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-minutes`}>Tid i minutter</label>
        <input
          id={`${id}-minutes`}
          type="number"
          inputMode="numeric"
          min={1}
          max={600}
          step={5}
          value={draft.durationMinutes}
          disabled={disabled}
          onChange={(e) => onChange({ durationMinutes: e.target.value })}
        />
      </div>
      <div className="field checkbox-field">
        <input
          id={`${id}-closed`}
          type="checkbox"
          checked={draft.closed}
          disabled={disabled}
          aria-describedby={`${id}-closed-hint`}
          onChange={(e) => onChange({ closed: e.target.checked })}
        />
        <label htmlFor={`${id}-closed`}>Lukket punkt</label>
        <p id={`${id}-closed-hint`} className="hint">
          Indholdet vises ikke for læsere uden adgang, heller ikke i søgning.
        </p>
      </div>
    </div>
  );
}
