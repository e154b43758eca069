import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from '../../router/routes.ts';
import { decideAccess } from '../../session/access-rules.ts';
import { initialSeriesDraft, seriesInputOf } from './series-draft.ts';

describe('the series form', () => {
  it('turns the draft into the API’s series: every second Thursday, skipping the holidays', () => {
    const result = seriesInputOf({ ...initialSeriesDraft(2027), location: ' Mødelokale 1 ' });
    expect(result).toEqual({
      ok: true,
      input: {
        pattern: { kind: 'weekly', weekday: 3, intervalWeeks: 2 },
        from: '2027-01-01',
        to: '2027-12-31',
        skipWeeks: [7, 29, 30, 31, 52],
        start: '09:00',
        location: 'Mødelokale 1',
      },
    });
    const monthly = seriesInputOf({
      ...initialSeriesDraft(2027),
      kind: 'monthly',
      weekday: '1',
      ordinal: '-1',
      start: '',
    });
    expect(monthly).toMatchObject({
      ok: true,
      input: { pattern: { kind: 'monthly', weekday: 1, ordinal: -1 }, start: null },
    });
  });

  it('ties each problem to its field, in Danish', () => {
    expect(
      seriesInputOf({ ...initialSeriesDraft(2027), skipWeeks: '7, sommer', intervalWeeks: '0' }),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'skipWeeks', message: '"sommer" er ikke et ugenummer eller et interval.' },
        { field: 'intervalWeeks', message: 'Skriv et helt antal uger fra 1 til 52.' },
      ],
    });
    expect(seriesInputOf({ ...initialSeriesDraft(2027), to: '2026-06-01' })).toEqual({
      ok: false,
      problems: [{ field: 'to', message: 'Slutdatoen ligger før startdatoen.' }],
    });
  });
});

describe('the Årsplan page’s address', () => {
  it('is /fora/:id/aarsplan, with a year or for this year, for signed-in users', () => {
    expect(matchRoute('/fora/3/aarsplan')).toEqual({ page: 'year-plan', forumId: 3, year: null });
    expect(matchRoute('/fora/3/aarsplan/2027')).toEqual({
      page: 'year-plan',
      forumId: 3,
      year: 2027,
    });
    for (const path of ['/fora/0/aarsplan', '/fora/3/aarsplan/27', '/fora/3/aarsplan/2027/x'])
      expect(matchRoute(path)).toEqual({ page: 'not-found' });
    expect(paths.yearPlan(3, 2027)).toBe('/fora/3/aarsplan/2027');
    expect(decideAccess(matchRoute('/fora/3/aarsplan'), null, '/fora/3/aarsplan')).toEqual({
      kind: 'redirect',
      to: '/log-ind?tilbage=%2Ffora%2F3%2Faarsplan',
    });
  });
});
