import { describe, expect, test } from 'vitest';
import { matchRoute, paths, type Route } from './routes.ts';

describe('matchRoute', () => {
  test.each<[string, Route]>([
    ['/', { page: 'meetings' }],
    ['', { page: 'meetings' }],
    ['/fora', { page: 'forums' }],
    ['/soeg', { page: 'search' }],
    ['/moeder/12', { page: 'meeting', meetingId: 12 }],
    ['/moeder/12/dagsorden', { page: 'agenda', meetingId: 12 }],
    ['/moeder/12/moede', { page: 'meeting-mode', meetingId: 12 }],
    ['/moeder/12/punkter/345', { page: 'item', meetingId: 12, itemId: 345 }],
    ['/sager/15%2F13392', { page: 'case', caseNumber: '15/13392' }],
    ['/sager/00.01.00-A00-3-17', { page: 'case', caseNumber: '00.01.00-A00-3-17' }],
    ['/log-ind', { page: 'sign-in' }],
    ['/skift-adgangskode', { page: 'change-password' }],
    ['/administration/brugere', { page: 'users' }],
    ['/administration/log', { page: 'audit' }],
  ])('%s', (pathname, route) => {
    expect(matchRoute(pathname)).toEqual(route);
  });

  test('ignores trailing slashes', () => {
    expect(matchRoute('/fora/')).toEqual({ page: 'forums' });
    expect(matchRoute('/moeder/7/')).toEqual({ page: 'meeting', meetingId: 7 });
    expect(matchRoute('/moeder/7/punkter/8//')).toEqual({ page: 'item', meetingId: 7, itemId: 8 });
  });

  test('decodes URL-encoded journal numbers', () => {
    expect(matchRoute('/sager/27.12.04-%C3%9854-120-98')).toEqual({
      page: 'case',
      caseNumber: '27.12.04-Ø54-120-98',
    });
    expect(matchRoute('/sager/2012%2D28504')).toEqual({ page: 'case', caseNumber: '2012-28504' });
    expect(matchRoute('/sager/15%2f13392')).toEqual({ page: 'case', caseNumber: '15/13392' });
  });

  test('gives not-found for a journal number that is not valid URL encoding', () => {
    expect(matchRoute('/sager/15%2')).toEqual({ page: 'not-found' });
    expect(matchRoute('/sager/%E0%A4%A')).toEqual({ page: 'not-found' });
  });

  test.each([
    '/ukendt',
    '/fora/1',
    '/soeg/budget',
    '/sager',
    '/sager/',
    '/sager/15/13392',
    '/moeder',
    '/moeder/0',
    '/moeder/012',
    '/moeder/-3',
    '/moeder/1.5',
    '/moeder/abc',
    '/moeder/12345678901',
    '/moeder/1/ukendt',
    '/moeder/1/dagsorden/2',
    '/moeder/1/moede/x',
    '/moeder/1/punkter',
    '/moeder/1/punkter/0',
    '/moeder/1/punkter/x',
    '/moeder/1/punkter/2/ekstra',
    '/Moeder/1',
    '/moeder//dagsorden',
    '/administration',
    '/administration/brugere/3',
    '/log-ind/x',
    '/constructor',
    '/__proto__',
  ])('%s → not-found', (pathname) => {
    expect(matchRoute(pathname)).toEqual({ page: 'not-found' });
  });
});

describe('paths', () => {
  test('writes the fixed paths', () => {
    expect(paths.meetings).toBe('/');
    expect(paths.forums).toBe('/fora');
    expect(paths.search).toBe('/soeg');
    expect(paths.signIn).toBe('/log-ind');
    expect(paths.changePassword).toBe('/skift-adgangskode');
    expect(paths.users).toBe('/administration/brugere');
    expect(paths.audit).toBe('/administration/log');
    expect(paths.meeting(3)).toBe('/moeder/3');
    expect(paths.agenda(3)).toBe('/moeder/3/dagsorden');
    expect(paths.meetingMode(3)).toBe('/moeder/3/moede');
    expect(paths.item(3, 44)).toBe('/moeder/3/punkter/44');
  });

  test('encodes journal numbers so that a slash stays inside one segment', () => {
    expect(paths.caseTimeline('15/13392')).toBe('/sager/15%2F13392');
  });

  test('every path leads back to its page', () => {
    expect(matchRoute(paths.meetings)).toEqual({ page: 'meetings' });
    expect(matchRoute(paths.forums)).toEqual({ page: 'forums' });
    expect(matchRoute(paths.search)).toEqual({ page: 'search' });
    expect(matchRoute(paths.signIn)).toEqual({ page: 'sign-in' });
    expect(matchRoute(paths.users)).toEqual({ page: 'users' });
    expect(matchRoute(paths.meeting(9))).toEqual({ page: 'meeting', meetingId: 9 });
    expect(matchRoute(paths.agenda(9))).toEqual({ page: 'agenda', meetingId: 9 });
    expect(matchRoute(paths.meetingMode(9))).toEqual({ page: 'meeting-mode', meetingId: 9 });
    expect(matchRoute(paths.item(9, 10))).toEqual({ page: 'item', meetingId: 9, itemId: 10 });
    for (const caseNumber of ['15/13392', '2012-28504', '00.01.00-Ø00-3-17', 'a b?c#d%e'])
      expect(matchRoute(paths.caseTimeline(caseNumber))).toEqual({ page: 'case', caseNumber });
  });
});
