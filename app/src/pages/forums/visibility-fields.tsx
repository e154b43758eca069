import { useId } from 'react';
import type { ForumVisibility } from '../../api/types.ts';

/** The visibility choices with what each means, in Danish. */
export const visibilityOptions: ReadonlyArray<{ value: ForumVisibility; label: string }> = [
  { value: 'public', label: 'Offentligt (alle kan læse udsendte dagsordener og referater)' },
  { value: 'internal', label: 'Internt (kun forummets medlemmer)' },
];

/** "Hvem kan læse forummets møder?": public or internal, as two radio buttons. */
export function VisibilityFields({
  value,
  onChange,
}: {
  value: ForumVisibility;
  onChange: (visibility: ForumVisibility) => void;
}) {
  const name = useId();
  return (
    <fieldset className="visibility-fields">
      <legend>Hvem kan læse forummets møder?</legend>
      {visibilityOptions.map((option) => (
        <label key={option.value} className="checkbox checkbox-line">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
