import { useId } from 'react';
import { PurposeAndTimeFields } from '../../components/purpose-and-time-fields.tsx';
import { CaseNumberField } from './case-number-field.tsx';
import type { ItemDraft } from './item-draft.ts';

/** Titel, Journalnummer, Formål, Tid i minutter and Lukket punkt. */
export function ItemFields({
  draft,
  disabled,
  purposes,
  onChange,
}: {
  draft: ItemDraft;
  disabled: boolean;
  /** The forum's purposes, offered in the purpose select. */
  purposes: readonly string[];
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
      <PurposeAndTimeFields
        purposes={purposes}
        purpose={draft.purpose}
        minutes={draft.durationMinutes}
        disabled={disabled}
        onPurposeChange={(purpose) => onChange({ purpose })}
        onMinutesChange={(durationMinutes) => onChange({ durationMinutes })}
      />
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
