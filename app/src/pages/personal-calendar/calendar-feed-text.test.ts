import { describe, expect, test } from 'vitest';
import { matchRoute, paths } from '../../router/routes.ts';
import { decideAccess } from '../../session/access-rules.ts';
import { calendarFeedStatusText } from './calendar-feed-text.ts';

describe('calendarFeedStatusText', () => {
  test('says when there is no address', () => {
    expect(calendarFeedStatusText({ exists: false, createdAt: null, lastUsedAt: null })).toBe(
      'Du har ingen kalenderadresse.',
    );
  });

  test('says when the address was made and whether a calendar has fetched it', () => {
    const made = '2026-11-23T09:05:00.000Z';
    expect(calendarFeedStatusText({ exists: true, createdAt: made, lastUsedAt: null })).toBe(
      'Du har en kalenderadresse, lavet 23. november 2026 kl. 10.05. Ingen kalender har hentet den endnu.',
    );
    expect(
      calendarFeedStatusText({
        exists: true,
        createdAt: made,
        lastUsedAt: '2026-11-24T12:00:00.000Z',
      }),
    ).toMatch(/En kalender hentede den senest 24\. november 2026 kl\. 13\.00\.$/u);
  });
});

describe('the page /min-kalender', () => {
  test('is the personal calendar, for signed-in users only', () => {
    expect(paths.personalCalendar).toBe('/min-kalender');
    const route = matchRoute('/min-kalender');
    expect(route).toEqual({ page: 'personal-calendar' });
    expect(decideAccess(route, null, '/min-kalender')).toEqual({
      kind: 'redirect',
      to: '/log-ind?tilbage=%2Fmin-kalender',
    });
  });
});
