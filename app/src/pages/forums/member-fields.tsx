import { type FormProblem, problemFor } from '../../components/error-summary.tsx';
import { emptyMemberRow, type MemberRow, memberFieldIds } from './member-draft.ts';

/**
 * The members in the forum editor: name and role, the e-mail address the agenda and the
 * minutes go to, the stedfortræder invited when the member sends afbud, and what the member
 * is sent. Problems (from memberProblems) show at their fields.
 */
export function MemberFields({
  rows,
  baseId,
  problems,
  onChange,
}: {
  rows: readonly MemberRow[];
  baseId: string;
  problems: readonly FormProblem[];
  onChange: (rows: MemberRow[]) => void;
}) {
  const change = (key: number, fields: Partial<MemberRow>): void =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...fields } : row)));
  return (
    <fieldset>
      <legend>Medlemmer</legend>
      <p className="hint">
        Dagsorden og referat sendes pr. e-mail til medlemmer med en e-mailadresse. Melder et medlem
        afbud, inviteres stedfortræderen med dagsordenen.
      </p>
      {rows.length === 0 ? <p className="muted">Ingen medlemmer endnu.</p> : null}
      <ol className="member-rows">
        {rows.map((row, index) => {
          const ids = memberFieldIds(baseId, row);
          const number = index + 1;
          return (
            <li key={row.key} className="member-row member-row-contact">
              <MemberInput
                id={ids.name}
                label={`Navn, medlem ${number}`}
                value={row.name}
                error={problemFor(problems, ids.name)}
                onChange={(name) => change(row.key, { name })}
              />
              <MemberInput
                id={ids.role}
                label={`Rolle, medlem ${number}`}
                value={row.role}
                placeholder="Fx Direktør BSV"
                onChange={(role) => change(row.key, { role })}
              />
              <MemberInput
                id={ids.email}
                label={`E-mail, medlem ${number}`}
                type="email"
                value={row.email}
                placeholder="navn@kommune.dk"
                error={problemFor(problems, ids.email)}
                onChange={(email) => change(row.key, { email })}
              />
              <MemberInput
                id={ids.deputyName}
                label={`Stedfortræder, medlem ${number}`}
                value={row.deputyName}
                error={problemFor(problems, ids.deputyName)}
                onChange={(deputyName) => change(row.key, { deputyName })}
              />
              <MemberInput
                id={ids.deputyEmail}
                label={`Stedfortræderens e-mail, medlem ${number}`}
                type="email"
                value={row.deputyEmail}
                error={problemFor(problems, ids.deputyEmail)}
                onChange={(deputyEmail) => change(row.key, { deputyEmail })}
              />
              <fieldset className="member-receives">
                <legend>Får tilsendt, medlem {number}</legend>
                <label className="checkbox" htmlFor={ids.receivesAgenda}>
                  <input
                    id={ids.receivesAgenda}
                    type="checkbox"
                    checked={row.receivesAgenda}
                    onChange={(event) => change(row.key, { receivesAgenda: event.target.checked })}
                  />
                  Dagsorden
                </label>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={row.receivesMinutes}
                    onChange={(event) => change(row.key, { receivesMinutes: event.target.checked })}
                  />
                  Referat
                </label>
              </fieldset>
              <button
                type="button"
                className="button-quiet"
                aria-label={`Fjern medlem ${number}${row.name ? `: ${row.name}` : ''}`}
                onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
              >
                Fjern
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button-secondary"
        onClick={() => onChange([...rows, emptyMemberRow(rows)])}
      >
        Tilføj medlem
      </button>
    </fieldset>
  );
}

/** A labelled input of a member row, with its error tied to it. */
function MemberInput({
  id,
  label,
  value,
  type = 'text',
  placeholder,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  type?: 'text' | 'email';
  placeholder?: string;
  error?: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
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
        placeholder={placeholder}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
