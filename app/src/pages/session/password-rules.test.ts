import { expect, test } from 'vitest';
import { passwordChangeProblems, passwordFieldIds } from './password-rules.ts';

const good = {
  currentPassword: 'den-gamle-kode',
  newPassword: 'korrekt hest batteri',
  repeatedPassword: 'korrekt hest batteri',
};

test('a good change has no problems', () => {
  expect(passwordChangeProblems(good)).toEqual([]);
});

test('asks for the current password', () => {
  expect(passwordChangeProblems({ ...good, currentPassword: '' })).toEqual([
    { fieldId: passwordFieldIds.currentPassword, message: 'Skriv din nuværende adgangskode.' },
  ]);
});

test('wants at least 12 characters, counting letters such as æ, ø and å once', () => {
  const short = 'kort-kode12';
  expect(passwordChangeProblems({ ...good, newPassword: short, repeatedPassword: short })).toEqual([
    {
      fieldId: passwordFieldIds.newPassword,
      message: 'Den nye adgangskode skal være mindst 12 tegn.',
    },
  ]);
  const twelve = 'æøåæøåæøåæøå';
  expect(
    passwordChangeProblems({ ...good, newPassword: twelve, repeatedPassword: twelve }),
  ).toEqual([]);
});

test('wants a new password, typed the same twice', () => {
  expect(
    passwordChangeProblems({
      currentPassword: good.newPassword,
      newPassword: good.newPassword,
      repeatedPassword: `${good.newPassword}!`,
    }).map((problem) => problem.message),
  ).toEqual([
    'Den nye adgangskode skal være en anden end den nuværende.',
    'De to nye adgangskoder er ikke ens.',
  ]);
});
