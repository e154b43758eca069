import { useEffect, useRef, useState } from 'react';
import type { Forum, UserAccount, UserResult } from '../../api/types.ts';
import { updateUser } from '../../api/users.ts';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ErrorSummary } from '../../components/error-summary.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { useFormSubmission } from '../../hooks/use-form-submission.ts';
import { ForumRoleFields } from './forum-role-fields.tsx';
import { type RoleChoices, roleAssignmentsOf, roleChoicesOf } from './forum-roles.ts';
import { NameAndEmailFields } from './name-and-email-fields.tsx';
import { PasswordReset } from './password-reset.tsx';
import { type UserFields, userFieldProblems } from './user-fields.ts';

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
  const [fields, setFields] = useState<UserFields>({ name: user.name, email: user.email ?? '' });
  const [isAdministrator, setIsAdministrator] = useState(user.isAdministrator);
  const [isDisabled, setIsDisabled] = useState(user.isDisabled);
  const [roles, setRoles] = useState<RoleChoices>(() => roleChoicesOf(user.forumRoles));
  const { problems, attempt, isBusy, submit } = useFormSubmission({
    check: () => userFieldProblems(fields, ids),
    send: async () =>
      onSaved(
        await updateUser(user.id, {
          name: fields.name.trim(),
          email: fields.email.trim() || null,
          isAdministrator,
          isDisabled,
          forumRoles: roleAssignmentsOf(roles),
        }),
      ),
  });
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section aria-labelledby={`${prefix}-overskrift`} className="panel user-editor">
      <h2 id={`${prefix}-overskrift`} ref={heading} tabIndex={-1}>
        Rediger {user.name} ({user.username})
      </h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problems} attempt={attempt} />
        <div className="form-grid">
          <NameAndEmailFields ids={ids} fields={fields} problems={problems} onChange={setFields} />
        </div>
        <CheckboxField
          label="Administrator"
          isChecked={isAdministrator}
          onChange={setIsAdministrator}
        />
        <CheckboxField
          label="Spærret (kan ikke logge ind, og er logget ud overalt)"
          isChecked={isDisabled}
          onChange={setIsDisabled}
        />
        <ForumRoleFields idPrefix={prefix} forums={forums} choices={roles} onChange={setRoles} />
        <div className="form-actions">
          <SubmitButton label="Gem bruger" busyLabel="Gemmer…" isBusy={isBusy} />
          <button type="button" className="button-secondary" onClick={onCancel}>
            Annullér
          </button>
        </div>
      </form>
      <PasswordReset user={user} onReset={onSaved} />
    </section>
  );
}
