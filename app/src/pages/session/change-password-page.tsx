import { type FormEvent, useState } from 'react';
import { changePassword } from '../../api/session.ts';
import { ErrorSummary, problemFor } from '../../components/error-summary.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useFormSubmission } from '../../hooks/use-form-submission.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { navigate } from '../../router/history.ts';
import { returnPathOf } from '../../session/return-path.ts';
import { setSession } from '../../session/session-store.ts';
import { useSession } from '../../session/use-session.ts';
import {
  minimumPasswordLength,
  type PasswordChange,
  passwordChangeProblems,
  passwordFieldIds,
} from './password-rules.ts';

const emptyChange: PasswordChange = { currentPassword: '', newPassword: '', repeatedPassword: '' };

/** The form's three password fields, in order. */
const passwordFields: readonly {
  field: keyof PasswordChange;
  label: string;
  autoComplete: 'current-password' | 'new-password';
  hint?: string;
}[] = [
  { field: 'currentPassword', label: 'Nuværende adgangskode', autoComplete: 'current-password' },
  {
    field: 'newPassword',
    label: 'Ny adgangskode',
    autoComplete: 'new-password',
    hint: `Mindst ${minimumPasswordLength} tegn. En sætning af flere ord er let at huske og svær at gætte.`,
  },
  { field: 'repeatedPassword', label: 'Gentag ny adgangskode', autoComplete: 'new-password' },
];

/**
 * `/skift-adgangskode`: the user's own password, current and new twice. Every page leads here
 * while the account must change its password (a new account, a reset); after that the user
 * goes on to `?tilbage=`. Otherwise it is reached from the header.
 */
export function ChangePasswordPage({ search }: { search: string }) {
  usePageTitle('Skift adgangskode');
  const { user } = useSession();
  const isForced = user?.mustChangePassword ?? false;
  const [change, setChange] = useState(emptyChange);
  const [notice, setNotice] = useState<string | null>(null);
  const { problems, attempt, isBusy, submit } = useFormSubmission({
    check: () => passwordChangeProblems(change),
    send: async () => {
      setSession(await changePassword(change.currentPassword, change.newPassword));
      setChange(emptyChange);
      if (isForced) navigate(returnPathOf(search), { replace: true });
      else setNotice('Din adgangskode er skiftet.');
    },
  });
  const edit = (field: keyof PasswordChange) => (value: string) =>
    setChange((current) => ({ ...current, [field]: value }));
  // A new try hides the confirmation of the last one.
  const submitChange = (event: FormEvent<HTMLFormElement>): Promise<void> => {
    setNotice(null);
    return submit(event);
  };

  return (
    <>
      <PageHeading>Skift adgangskode</PageHeading>
      {isForced ? (
        <p className="alert alert-info">
          Du skal vælge din egen adgangskode, før du kan bruge Referat. Den adgangskode, du fik,
          gælder kun til første log ind.
        </p>
      ) : null}
      <ErrorSummary problems={problems} attempt={attempt} />
      <Notice message={notice} />
      <form className="narrow-form" onSubmit={submitChange} noValidate>
        {/* Lets password managers know whose password this is. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={user?.username ?? ''}
          readOnly
          hidden
        />
        {passwordFields.map(({ field, label, autoComplete, hint }) => (
          <TextField
            key={field}
            id={passwordFieldIds[field]}
            label={label}
            type="password"
            autoComplete={autoComplete}
            hint={hint}
            isRequired
            value={change[field]}
            error={problemFor(problems, passwordFieldIds[field])}
            onChange={edit(field)}
          />
        ))}
        <div className="form-actions">
          <SubmitButton label="Skift adgangskode" busyLabel="Gemmer…" isBusy={isBusy} />
        </div>
      </form>
    </>
  );
}
