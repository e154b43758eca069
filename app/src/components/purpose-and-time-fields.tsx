import { useId } from 'react';
import { itemPurposeLabels } from '../../../src/core/standard-items.ts';
import type { ItemPurpose } from '../api/types.ts';

const purposes = Object.entries(itemPurposeLabels) as [ItemPurpose, string][];

/** "Formål" (Orientering, Drøftelse, Beslutning or not chosen) and "Tid i minutter". */
export function PurposeAndTimeFields({
  purpose,
  minutes,
  disabled = false,
  onPurposeChange,
  onMinutesChange,
}: {
  purpose: ItemPurpose | '';
  minutes: string;
  disabled?: boolean;
  onPurposeChange: (purpose: ItemPurpose | '') => void;
  onMinutesChange: (minutes: string) => void;
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-purpose`}>Formål</label>
        <select
          id={`${id}-purpose`}
          value={purpose}
          disabled={disabled}
          onChange={(e) => onPurposeChange(e.target.value as ItemPurpose | '')}
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
          value={minutes}
          disabled={disabled}
          onChange={(e) => onMinutesChange(e.target.value)}
        />
      </div>
    </>
  );
}
