import { useState } from 'react';
import { signIn } from '../../api/session.ts';
import type { SignInMethods } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ErrorSummary, type FormProblem, problemFor } from '../../components/error-summary.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { SubmitButton } from '../../components/submit-button.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useFormSubmission } from '../../hooks/use-form-submission.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { returnPathOf } from '../../session/return-path.ts';
import { setSession } from '../../session/session-store.ts';
import { useSession } from '../../session/use-session.ts';
import { singleSignOnLabel, singleSignOnUrl } from './single-sign-on.ts';

const usernameId = 'brugernavn';
const passwordId = 'adgangskode';

/**
 * `/log-ind`: username and password, and single sign-on when it is set up. A failed single
 * sign-on or an ended session arrives with its message in `?fejl=`. Once signed in, the
 * access rules send the user on to `?tilbage=` (or to change a new password first).
 */
export function SignInPage({ search }: { search: string }) {
  usePageTitle('Log ind');
  const { signInMethods } = useSession();
  const returnTo = returnPathOf(search);
  const arrivalMessage = new URLSearchParams(search).get('fejl')?.slice(0, 300) || null;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { problems, attempt, isBusy, submit } = useFormSubmission({
    check: () => missingFields(username, password),
    send: async () => setSession(await signIn(username.trim(), password)),
    onFailure: () => setPassword(''),
  });

  return (
    <>
      <PageHeading>Log ind</PageHeading>
      <p>
        Log ind for at forberede møder, skrive beslutninger og læse fora, der er interne. Alle kan
        læse de offentlige dagsordener og referater uden at logge ind.
      </p>
      {attempt === 0 ? <ErrorAlert message={arrivalMessage} /> : null}
      <ErrorSummary problems={problems} attempt={attempt} />
      <form className="narrow-form" onSubmit={submit} noValidate>
        <TextField
          id={usernameId}
          label="Brugernavn"
          value={username}
          autoComplete="username"
          isRequired
          error={problemFor(problems, usernameId)}
          onChange={setUsername}
        />
        <TextField
          id={passwordId}
          label="Adgangskode"
          type="password"
          value={password}
          autoComplete="current-password"
          isRequired
          error={problemFor(problems, passwordId)}
          onChange={setPassword}
        />
        <div className="form-actions">
          <SubmitButton label="Log ind" busyLabel="Logger ind…" isBusy={isBusy} />
        </div>
      </form>
      <SingleSignOn methods={signInMethods} returnTo={returnTo} />
    </>
  );
}

function SingleSignOn({ methods, returnTo }: { methods: SignInMethods | null; returnTo: string }) {
  const provider = methods?.singleSignOn;
  if (!provider) return null;
  return (
    <section aria-labelledby="single-sign-on" className="single-sign-on">
      <h2 id="single-sign-on">Eller brug kommunens log-ind</h2>
      {/* A full page load: the identity provider's pages are not part of the app. */}
      <a className="button-link" href={singleSignOnUrl(provider.url, returnTo)}>
        {singleSignOnLabel(provider.name)}
      </a>
    </section>
  );
}

function missingFields(username: string, password: string): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!username.trim()) problems.push({ fieldId: usernameId, message: 'Skriv dit brugernavn.' });
  if (!password) problems.push({ fieldId: passwordId, message: 'Skriv din adgangskode.' });
  return problems;
}
