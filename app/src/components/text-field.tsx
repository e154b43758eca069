import type { HTMLInputAutoCompleteAttribute } from 'react';

/**
 * A labelled text input with an optional hint and error message, both tied to the input
 * (aria-describedby), and aria-invalid while there is an error.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  type = 'text',
  autoComplete,
  hint,
  error,
  isRequired = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'email';
  autoComplete?: HTMLInputAutoCompleteAttribute;
  hint?: string;
  error?: string | null;
  isRequired?: boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Fejl: </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        required={isRequired}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
