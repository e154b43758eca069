import { describe, expect, test } from 'vitest';
import type { SessionUser } from '../api/types.ts';
import { matchRoute } from '../router/routes.ts';
import { decideAccess } from './access-rules.ts';

function user(change: Partial<SessionUser> = {}): SessionUser {
  return {
    id: 7,
    username: 'anne',
    name: 'Anne Hansen',
    email: null,
    isAdministrator: false,
    mustChangePassword: false,
    forumRoles: [{ forumId: 1, forumName: 'Chefforum', role: 'secretary' }],
    ...change,
  };
}

/** The decision for a location (path and query) and a user. */
function decide(location: string, who: SessionUser | null | undefined) {
  return decideAccess(matchRoute(location.split('?')[0] ?? '/'), who, location);
}

describe('while the session is loading', () => {
  test.each(['/', '/moeder/3', '/soeg?q=budget', '/log-ind'])('%s is shown at once', (path) => {
    expect(decide(path, undefined)).toEqual({ kind: 'show' });
  });

  test.each(['/moeder/3/moede', '/skift-adgangskode', '/administration/brugere'])(
    '%s waits for it',
    (path) => {
      expect(decide(path, undefined)).toEqual({ kind: 'wait' });
    },
  );
});

describe('an anonymous reader', () => {
  test.each([
    '/',
    '/fora',
    '/moeder/3',
    '/moeder/3/dagsorden',
    '/moeder/3/punkter/4',
    '/soeg',
    '/sager/15%2F13392',
    '/log-ind',
  ])('reads %s (the server decides what it shows)', (path) => {
    expect(decide(path, null)).toEqual({ kind: 'show' });
  });

  test('is sent to sign in before meeting mode, and back afterwards', () => {
    expect(decide('/moeder/3/moede', null)).toEqual({
      kind: 'redirect',
      to: '/log-ind?tilbage=%2Fmoeder%2F3%2Fmoede',
    });
  });

  test('is sent to sign in before the administration, keeping the query', () => {
    expect(decide('/administration/log?fra=2026-11-01', null)).toEqual({
      kind: 'redirect',
      to: '/log-ind?tilbage=%2Fadministration%2Flog%3Ffra%3D2026-11-01',
    });
  });

  test('signs in before changing a password', () => {
    expect(decide('/skift-adgangskode', null)).toEqual({ kind: 'redirect', to: '/log-ind' });
  });
});

describe('a signed-in user', () => {
  test('on the sign-in page goes on to where they came from', () => {
    expect(decide('/log-ind?tilbage=%2Fmoeder%2F3%2Fmoede', user())).toEqual({
      kind: 'redirect',
      to: '/moeder/3/moede',
    });
  });

  test('never goes on to another site', () => {
    for (const target of ['//evil.test/x', '/\\evil.test', 'https://evil.test', 'javascript:x'])
      expect(decide(`/log-ind?tilbage=${encodeURIComponent(target)}`, user())).toEqual({
        kind: 'redirect',
        to: '/',
      });
  });

  test('opens meeting mode and changes their password', () => {
    expect(decide('/moeder/3/moede', user())).toEqual({ kind: 'show' });
    expect(decide('/skift-adgangskode', user())).toEqual({ kind: 'show' });
  });

  test('is refused the administration unless an administrator', () => {
    expect(decide('/administration/brugere', user())).toEqual({ kind: 'forbidden' });
    expect(decide('/administration/log', user())).toEqual({ kind: 'forbidden' });
    expect(decide('/administration/brugere', user({ isAdministrator: true }))).toEqual({
      kind: 'show',
    });
  });
});

describe('a user who must change their password', () => {
  const newcomer = user({ mustChangePassword: true, isAdministrator: true });

  test.each([
    ['/', '/skift-adgangskode'],
    ['/moeder/3', '/skift-adgangskode?tilbage=%2Fmoeder%2F3'],
    ['/administration/brugere', '/skift-adgangskode?tilbage=%2Fadministration%2Fbrugere'],
  ])('is sent from %s to change it first', (path, to) => {
    expect(decide(path, newcomer)).toEqual({ kind: 'redirect', to });
  });

  test('keeps where they were going when they signed in', () => {
    expect(decide('/log-ind?tilbage=%2Fmoeder%2F3%2Fmoede', newcomer)).toEqual({
      kind: 'redirect',
      to: '/skift-adgangskode?tilbage=%2Fmoeder%2F3%2Fmoede',
    });
  });

  test('stays on the change-password page', () => {
    expect(decide('/skift-adgangskode?tilbage=%2Fmoeder%2F3', newcomer)).toEqual({
      kind: 'show',
    });
  });
});
