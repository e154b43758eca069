import { type FormEvent, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { changePassword } from '../../api/session.ts';
import { ErrorSummary, type FormProblem, problemFor } from '../../components/error-summary.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { TextField } from '../../components/text-field.tsx';
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
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const edit = (field: keyof PasswordChange) => (value: string) =>
    setChange((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setAttempt((count) => count + 1);
    setNotice(null);
    const found = passwordChangeProblems(change);
    setProblems(found);
    if (found.length > 0) return;
    setIsBusy(true);
    try {
      setSession(await changePassword(change.currentPassword, change.newPassword));
      setChange(emptyChange);
      if (isForced) navigate(returnPathOf(search), { replace: true });
      else setNotice('Din adgangskode er skiftet.');
    } catch (caught) {
      setProblems([{ message: messageOf(caught) }]);
    } finally {
      setIsBusy(false);
    }
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
      <form className="narrow-form" onSubmit={submit} noValidate>
        {/* Lets password managers know whose password this is. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={user?.username ?? ''}
          readOnly
          hidden
        />
        <TextField
          id={passwordFieldIds.currentPassword}
          label="Nuværende adgangskode"
          type="password"
          autoComplete="current-password"
          isRequired
          value={change.currentPassword}
          error={problemFor(problems, passwordFieldIds.currentPassword)}
          onChange={edit('currentPassword')}
        />
        <TextField
          id={passwordFieldIds.newPassword}
          label="Ny adgangskode"
          type="password"
          autoComplete="new-password"
          hint={`Mindst ${minimumPasswordLength} tegn. En sætning af flere ord er let at huske og svær at gætte.`}
          isRequired
          value={change.newPassword}
          error={problemFor(problems, passwordFieldIds.newPassword)}
          onChange={edit('newPassword')}
        />
        <TextField
          id={passwordFieldIds.repeatedPassword}
          label="Gentag ny adgangskode"
          type="password"
          autoComplete="new-password"
          isRequired
          value={change.repeatedPassword}
          error={problemFor(problems, passwordFieldIds.repeatedPassword)}
          onChange={edit('repeatedPassword')}
        />
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={isBusy}>
            {isBusy ? 'Gemmer…' : 'Skift adgangskode'}
          </button>
        </div>
      </form>
    </>
  );
}
