import type { Forum } from '../../api/types.ts';
import { type RoleChoice, type RoleChoices, roleOptions } from './forum-roles.ts';

/** "Roller i fora": a select per forum with Ingen, Medlem or Sekretær. */
export function ForumRoleFields({
  idPrefix,
  forums,
  choices,
  onChange,
}: {
  idPrefix: string;
  forums: readonly Forum[];
  choices: RoleChoices;
  onChange: (choices: RoleChoices) => void;
}) {
  return (
    <fieldset className="role-fields">
      <legend>Roller i fora</legend>
      <p className="hint">
        Et medlem kan læse forummets møder, også de interne og de lukkede punkter. En sekretær kan
        også forberede, udsende og skrive referat.
      </p>
      {forums.length === 0 ? <p className="muted">Der er ingen fora endnu.</p> : null}
      <div className="form-grid">
        {forums.map((forum) => {
          const id = `${idPrefix}-forum-${forum.id}`;
          return (
            <div key={forum.id} className="field">
              <label htmlFor={id}>{forum.name}</label>
              <select
                id={id}
                value={choices[forum.id] ?? ''}
                onChange={(event) =>
                  onChange({ ...choices, [forum.id]: event.target.value as RoleChoice })
                }
              >
                {roleOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
