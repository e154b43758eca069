import { expect, test } from 'vitest';
import { singleSignOnLabel, singleSignOnUrl } from './single-sign-on.ts';

test('the button says "Log ind med" and the name, unless the name already says it', () => {
  expect(singleSignOnLabel('Microsoft Entra ID')).toBe('Log ind med Microsoft Entra ID');
  expect(singleSignOnLabel('Log ind med single sign-on')).toBe('Log ind med single sign-on');
  expect(singleSignOnLabel(' log ind med MitID Erhverv ')).toBe('log ind med MitID Erhverv');
});

test('the start address carries where to come back to', () => {
  expect(singleSignOnUrl('/api/auth/oidc/start', '/moeder/3/moede')).toBe(
    '/api/auth/oidc/start?returnTo=%2Fmoeder%2F3%2Fmoede',
  );
  expect(singleSignOnUrl('/api/auth/oidc/start', '/')).toBe('/api/auth/oidc/start');
});
