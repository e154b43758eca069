import { useState } from 'react';
import type { Forum, UserResult } from '../../api/types.ts';
import { createUser } from '../../api/users.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ErrorSummary, problemFor } from '../../components/error-summary.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useFormSubmission } from '../../hooks/use-form-submission.ts';
import { ForumRoleFields } from './forum-role-fields.tsx';
import { type RoleChoices, roleAssignmentsOf } from './forum-roles.ts';
import { NameAndEmailFields } from './name-and-email-fields.tsx';
import { type UserFields, userFieldProblems, usernameProblem } from './user-fields.ts';

const ids = {
  username: 'ny-bruger-brugernavn',
  name: 'ny-bruger-navn',
  email: 'ny-bruger-email',
  administrator: 'ny-bruger-administrator',
};

const emptyFields: UserFields = { name: '', email: '' };

/**
 * "Opret bruger": username, name, e-mail, administrator and a role per forum. The server
 * generates the first password; the page shows it once.
 */
export function NewUserForm({
  forums,
  onCreated,
}: {
  forums: readonly Forum[];
  onCreated: (result: UserResult) => void;
}) {
  const [username, setUsername] = useState('');
  const [fields, setFields] = useState<UserFields>(emptyFields);
  const [isAdministrator, setIsAdministrator] = useState(false);
  const [roles, setRoles] = useState<RoleChoices>({});
  const { problems, attempt, isBusy, submit } = useFormSubmission({
    check: () => {
      const usernameMessage = usernameProblem(username);
      return [
        ...(usernameMessage ? [{ fieldId: ids.username, message: usernameMessage }] : []),
        ...userFieldProblems(fields, ids),
      ];
    },
    send: async () => {
      const result = await createUser({
        username: username.trim().toLowerCase(),
        name: fields.name.trim(),
        email: fields.email.trim() || null,
        isAdministrator,
        forumRoles: roleAssignmentsOf(roles),
      });
      setUsername('');
      setFields(emptyFields);
      setIsAdministrator(false);
      setRoles({});
      onCreated(result);
    },
  });

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} attempt={attempt} />
      <div className="form-grid">
        <TextField
          id={ids.username}
          label="Brugernavn"
          hint="Små bogstaver, tal og . _ - @, fx anne.hansen"
          autoComplete="off"
          isRequired
          value={username}
          error={problemFor(problems, ids.username)}
          onChange={setUsername}
        />
        <NameAndEmailFields ids={ids} fields={fields} problems={problems} onChange={setFields} />
      </div>
      <CheckboxField
        id={ids.administrator}
        label="Administrator (kan alt, også oprette brugere og fora)"
        isChecked={isAdministrator}
        onChange={setIsAdministrator}
      />
      <ForumRoleFields idPrefix="ny-bruger" forums={forums} choices={roles} onChange={setRoles} />
      <div className="form-actions">
        <SubmitButton label="Opret bruger" busyLabel="Opretter…" isBusy={isBusy} />
      </div>
    </form>
  );
}
