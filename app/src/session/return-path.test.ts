import { describe, expect, test } from 'vitest';
import { changePasswordPath, returnPathOf, safeReturnPath, signInPath } from './return-path.ts';

describe('safeReturnPath', () => {
  test.each(['/', '/moeder/3', '/soeg?q=budget&fra=2017-01-01', '/sager/15%2F13392'])(
    'keeps the path %s',
    (path) => {
      expect(safeReturnPath(path)).toBe(path);
    },
  );

  test.each([
    null,
    '',
    'moeder/3',
    '//evil.test/',
    '/\\evil.test',
    'https://evil.test/',
    'javascript:alert(1)',
    '/moeder\n/3',
    '/api/session',
    '/log-ind',
    '/log-ind?tilbage=%2F',
    `/${'a'.repeat(2001)}`,
  ])('gives the front page for %j', (value) => {
    expect(safeReturnPath(value)).toBe('/');
  });
});

describe('the sign-in and change-password paths', () => {
  test('carry where to go back to, and a message', () => {
    expect(signInPath('/moeder/3/moede', 'Log ind igen.')).toBe(
      '/log-ind?tilbage=%2Fmoeder%2F3%2Fmoede&fejl=Log+ind+igen.',
    );
    expect(changePasswordPath('/fora')).toBe('/skift-adgangskode?tilbage=%2Ffora');
  });

  test('leave out the front page and unsafe targets', () => {
    expect(signInPath('/')).toBe('/log-ind');
    expect(signInPath('//evil.test')).toBe('/log-ind');
  });

  test('are read back from the query string', () => {
    expect(returnPathOf('?tilbage=%2Fmoeder%2F3%2Fmoede&fejl=x')).toBe('/moeder/3/moede');
    expect(returnPathOf('?tilbage=%2F%2Fevil.test')).toBe('/');
    expect(returnPathOf('')).toBe('/');
  });
});
