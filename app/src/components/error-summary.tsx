import { type MouseEvent, useEffect, useId, useRef } from 'react';

/** One problem with a form: its message, and the field to fix when there is one. */
export interface FormProblem {
  message: string;
  fieldId?: string;
}

/**
 * The problems of a form at its top, announced at once and focused after each try, each
 * linking to its field (the GOV.UK error summary). Nothing when there are none. `attempt`
 * counts the tries, so the same problems are focused again on the next try.
 */
export function ErrorSummary({
  problems,
  attempt,
}: {
  problems: readonly FormProblem[];
  attempt: number;
}) {
  const summary = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const hasProblems = problems.length > 0;
  useEffect(() => {
    if (attempt > 0 && hasProblems) summary.current?.focus();
  }, [attempt, hasProblems]);
  if (!hasProblems) return null;
  const focusField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string): void => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
  };
  return (
    <div
      ref={summary}
      role="alert"
      aria-labelledby={headingId}
      className="alert alert-error error-summary"
      tabIndex={-1}
    >
      <h2 id={headingId} className="error-summary-title">
        {problems.length === 1 ? 'Der er et problem' : 'Der er nogle problemer'}
      </h2>
      <ul>
        {problems.map((problem) => (
          <li key={`${problem.fieldId ?? ''}-${problem.message}`}>
            {problem.fieldId ? (
              <a
                href={`#${problem.fieldId}`}
                onClick={(event) => focusField(event, problem.fieldId ?? '')}
              >
                {problem.message}
              </a>
            ) : (
              problem.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message for one field among a form's problems, or null. */
export function problemFor(problems: readonly FormProblem[], fieldId: string): string | null {
  return problems.find((problem) => problem.fieldId === fieldId)?.message ?? null;
}
