import type { Dispatch, SetStateAction } from 'react';
import { type FormProblem, problemFor } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import type { UserFieldIds, UserFields } from './user-fields.ts';

/**
 * An account's name (required) and e-mail (optional), each with its problem from
 * `userFieldProblems`: the fields the new-user form and the editor share.
 */
export function NameAndEmailFields({
  ids,
  fields,
  problems,
  onChange,
}: {
  ids: UserFieldIds;
  fields: UserFields;
  problems: readonly FormProblem[];
  onChange: Dispatch<SetStateAction<UserFields>>;
}) {
  return (
    <>
      <TextField
        id={ids.name}
        label="Navn"
        autoComplete="off"
        isRequired
        value={fields.name}
        error={problemFor(problems, ids.name)}
        onChange={(name) => onChange((current) => ({ ...current, name }))}
      />
      <TextField
        id={ids.email}
        label="E-mail (valgfri)"
        type="email"
        autoComplete="off"
        value={fields.email}
        error={problemFor(problems, ids.email)}
        onChange={(email) => onChange((current) => ({ ...current, email }))}
      />
    </>
  );
}
