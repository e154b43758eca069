import { type FormEvent, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import type { Forum, UserResult } from '../../api/types.ts';
import { createUser } from '../../api/users.ts';
import { ErrorSummary, type FormProblem, problemFor } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import { ForumRoleFields } from './forum-role-fields.tsx';
import { type RoleChoices, roleAssignmentsOf } from './forum-roles.ts';
import { userFieldProblems, usernameProblem } from './user-fields.ts';

const ids = {
  username: 'ny-bruger-brugernavn',
  name: 'ny-bruger-navn',
  email: 'ny-bruger-email',
  administrator: 'ny-bruger-administrator',
};

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
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [isAdministrator, setIsAdministrator] = useState(false);
  const [roles, setRoles] = useState<RoleChoices>({});
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setAttempt((count) => count + 1);
    const usernameMessage = usernameProblem(username);
    const found = [
      ...(usernameMessage ? [{ fieldId: ids.username, message: usernameMessage }] : []),
      ...userFieldProblems({ name, email }, ids),
    ];
    setProblems(found);
    if (found.length > 0) return;
    setIsBusy(true);
    try {
      const result = await createUser({
        username: username.trim().toLowerCase(),
        name: name.trim(),
        email: email.trim() || null,
        isAdministrator,
        forumRoles: roleAssignmentsOf(roles),
      });
      setUsername('');
      setName('');
      setEmail('');
      setIsAdministrator(false);
      setRoles({});
      onCreated(result);
    } catch (caught) {
      setProblems([{ message: messageOf(caught) }]);
    } finally {
      setIsBusy(false);
    }
  };

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
        <TextField
          id={ids.name}
          label="Navn"
          autoComplete="off"
          isRequired
          value={name}
          error={problemFor(problems, ids.name)}
          onChange={setName}
        />
        <TextField
          id={ids.email}
          label="E-mail (valgfri)"
          type="email"
          autoComplete="off"
          value={email}
          error={problemFor(problems, ids.email)}
          onChange={setEmail}
        />
      </div>
      <label className="checkbox checkbox-line" htmlFor={ids.administrator}>
        <input
          id={ids.administrator}
          type="checkbox"
          checked={isAdministrator}
          onChange={(event) => setIsAdministrator(event.target.checked)}
        />
        Administrator (kan alt, også oprette brugere og fora)
      </label>
      <ForumRoleFields idPrefix="ny-bruger" forums={forums} choices={roles} onChange={setRoles} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={isBusy}>
          {isBusy ? 'Opretter…' : 'Opret bruger'}
        </button>
      </div>
    </form>
  );
}
