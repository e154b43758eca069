import type { FormProblem } from '../../components/error-summary.tsx';

/** The account fields both the new-user form and the editor check before sending. */
export interface UserFields {
  name: string;
  email: string;
}

/** The ids of the name and e-mail fields, which their problems link to. */
export type UserFieldIds = Record<keyof UserFields, string>;

const usernamePattern = /^[a-z0-9][a-z0-9._@-]{1,99}$/u;

/** The problems with a new username, as the server would find them (kept in lower case). */
export function usernameProblem(username: string): string | null {
  const normalized = username.trim().toLowerCase();
  if (!normalized) return 'Skriv et brugernavn.';
  if (!usernamePattern.test(normalized))
    return 'Brugernavnet skal være 2-100 tegn: små bogstaver, tal og . _ - @ (uden mellemrum).';
  return null;
}

/** The problems with a name and an e-mail address, linked to the fields `ids` names. */
export function userFieldProblems(fields: UserFields, ids: UserFieldIds): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!fields.name.trim()) problems.push({ fieldId: ids.name, message: 'Skriv brugerens navn.' });
  const email = fields.email.trim();
  if (email && !/^[^\s@]+@[^\s@]+$/u.test(email))
    problems.push({
      fieldId: ids.email,
      message: 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.',
    });
  return problems;
}
