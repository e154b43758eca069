import { type FormEvent, useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import type { Forum, UserAccount, UserResult } from '../../api/types.ts';
import { updateUser } from '../../api/users.ts';
import { ErrorSummary, type FormProblem, problemFor } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import { ForumRoleFields } from './forum-role-fields.tsx';
import { type RoleChoices, roleAssignmentsOf, roleChoicesOf } from './forum-roles.ts';
import { PasswordReset } from './password-reset.tsx';
import { userFieldProblems } from './user-fields.ts';

/**
 * Changes one account: name, e-mail, administrator, disabled, and a role per forum, saved
 * together; and a new generated password on request. Its heading takes focus when it opens.
 */
export function UserEditor({
  user,
  forums,
  onSaved,
  onCancel,
}: {
  user: UserAccount;
  forums: readonly Forum[];
  onSaved: (result: UserResult) => void;
  onCancel: () => void;
}) {
  const prefix = `bruger-${user.id}`;
  const ids = { name: `${prefix}-navn`, email: `${prefix}-email` };
  const heading = useRef<HTMLHeadingElement>(null);
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email ?? '');
  const [isAdministrator, setIsAdministrator] = useState(user.isAdministrator);
  const [isDisabled, setIsDisabled] = useState(user.isDisabled);
  const [roles, setRoles] = useState<RoleChoices>(() => roleChoicesOf(user.forumRoles));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setAttempt((count) => count + 1);
    const found = userFieldProblems({ name, email }, ids);
    setProblems(found);
    if (found.length > 0) return;
    setIsBusy(true);
    try {
      onSaved(
        await updateUser(user.id, {
          name: name.trim(),
          email: email.trim() || null,
          isAdministrator,
          isDisabled,
          forumRoles: roleAssignmentsOf(roles),
        }),
      );
    } catch (caught) {
      setProblems([{ message: messageOf(caught) }]);
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${prefix}-overskrift`} className="panel user-editor">
      <h2 id={`${prefix}-overskrift`} ref={heading} tabIndex={-1}>
        Rediger {user.name} ({user.username})
      </h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problems} attempt={attempt} />
        <div className="form-grid">
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
        <label className="checkbox checkbox-line">
          <input
            type="checkbox"
            checked={isAdministrator}
            onChange={(event) => setIsAdministrator(event.target.checked)}
          />
          Administrator
        </label>
        <label className="checkbox checkbox-line">
          <input
            type="checkbox"
            checked={isDisabled}
            onChange={(event) => setIsDisabled(event.target.checked)}
          />
          Spærret (kan ikke logge ind, og er logget ud overalt)
        </label>
        <ForumRoleFields idPrefix={prefix} forums={forums} choices={roles} onChange={setRoles} />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={isBusy}>
            {isBusy ? 'Gemmer…' : 'Gem bruger'}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            Annullér
          </button>
        </div>
      </form>
      <PasswordReset user={user} onReset={onSaved} />
    </section>
  );
}
