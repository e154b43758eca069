import { useId } from 'react';
import { CaseSystemLink } from '../../components/case-system-link.tsx';
import { checkCaseNumber } from '../../lib/case-number-message.ts';

/** Journalnummer, checked as it is typed, with the Danish verdict read out politely. */
export function CaseNumberField({
  value,
  onChange,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
}) {
  const id = useId();
  const verdict = checkCaseNumber(value);
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>Journalnummer</label>
      <input
        id={`${id}-input`}
        value={value}
        disabled={disabled}
        placeholder="00.01.00-A00-3-17"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={verdict ? !verdict.isValid : undefined}
        aria-describedby={`${id}-verdict`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p
        id={`${id}-verdict`}
        aria-live="polite"
        className={verdict ? (verdict.isValid ? 'hint hint-ok' : 'hint hint-warning') : 'hint'}
      >
        {verdict?.message ?? 'KLE-form, fx 00.01.00-A00-3-17, eller ældre form som 15/13392.'}
      </p>
      {verdict?.isValid ? <CaseSystemLink caseNumber={value.trim()} className="hint" /> : null}
    </div>
  );
}
