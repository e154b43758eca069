import type { FormProblem } from '../../components/error-summary.tsx';

/** The shortest password the server accepts. */
export const minimumPasswordLength = 12;

/** The fields of the change-password form. */
export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  repeatedPassword: string;
}

/** The ids of the change-password form's fields, which the problems link to. */
export const passwordFieldIds = {
  currentPassword: 'nuvaerende-adgangskode',
  newPassword: 'ny-adgangskode',
  repeatedPassword: 'gentag-adgangskode',
} as const;

/**
 * What is wrong with a password change before it is sent, in Danish: the current password is
 * missing, the new one is shorter than 12 characters or the same as the current one, or the
 * repetition differs. The server checks the same and more (the current password).
 */
export function passwordChangeProblems(change: PasswordChange): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!change.currentPassword)
    problems.push({
      fieldId: passwordFieldIds.currentPassword,
      message: 'Skriv din nuværende adgangskode.',
    });
  if ([...change.newPassword].length < minimumPasswordLength)
    problems.push({
      fieldId: passwordFieldIds.newPassword,
      message: `Den nye adgangskode skal være mindst ${minimumPasswordLength} tegn.`,
    });
  else if (change.newPassword === change.currentPassword)
    problems.push({
      fieldId: passwordFieldIds.newPassword,
      message: 'Den nye adgangskode skal være en anden end den nuværende.',
    });
  if (change.repeatedPassword !== change.newPassword)
    problems.push({
      fieldId: passwordFieldIds.repeatedPassword,
      message: 'De to nye adgangskoder er ikke ens.',
    });
  return problems;
}
