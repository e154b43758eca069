import { describe, expect, it } from 'vitest';
import { copenhagenDateTime, plannedTimes } from './oparl-time.ts';

describe('Copenhagen date-times for OParl', () => {
  it('writes wall-clock time with the offset that holds then, winter and summer', () => {
    expect(copenhagenDateTime('2017-06-14', '13:00')).toBe('2017-06-14T13:00:00+02:00');
    expect(copenhagenDateTime('2015-11-05', '09:00')).toBe('2015-11-05T09:00:00+01:00');
  });

  it('follows the changes of summer time, both ways', () => {
    // 29 March 2026: 02:00 becomes 03:00.
    expect(copenhagenDateTime('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00+01:00');
    expect(copenhagenDateTime('2026-03-29', '03:30')).toBe('2026-03-29T03:30:00+02:00');
    // 25 October 2026: 03:00 becomes 02:00 again.
    expect(copenhagenDateTime('2026-10-25', '01:30')).toBe('2026-10-25T01:30:00+02:00');
    expect(copenhagenDateTime('2026-10-25', '04:00')).toBe('2026-10-25T04:00:00+01:00');
    // A meeting from 13:00 in the last summer week, 2 × 60 minutes on: still +02:00.
    expect(copenhagenDateTime('2026-10-24', '13:00', 120)).toBe('2026-10-24T15:00:00+02:00');
  });

  it('carries minutes past midnight into the next day, and refuses what it cannot read', () => {
    expect(copenhagenDateTime('2026-12-31', '23:30', 60)).toBe('2027-01-01T00:30:00+01:00');
    expect(copenhagenDateTime('14-06-2017', '13:00')).toBeNull();
    expect(copenhagenDateTime('2017-06-14', 'kl. 13')).toBeNull();
  });
});

describe('the time plan as date-times', () => {
  it('starts each item when the items before it have had their minutes', () => {
    const plan = plannedTimes('2017-06-14', '13:00', [
      { durationMinutes: 10 },
      { durationMinutes: 30 },
      { durationMinutes: 20 },
    ]);
    expect(plan.items).toEqual([
      { start: '2017-06-14T13:00:00+02:00', end: '2017-06-14T13:10:00+02:00' },
      { start: '2017-06-14T13:10:00+02:00', end: '2017-06-14T13:40:00+02:00' },
      { start: '2017-06-14T13:40:00+02:00', end: '2017-06-14T14:00:00+02:00' },
    ]);
    expect(plan.end).toBe('2017-06-14T14:00:00+02:00');
  });

  it('knows no time after an item without one (a closed item shown as "Lukket punkt" has none)', () => {
    const plan = plannedTimes('2017-06-14', '13:00', [
      { durationMinutes: 10 },
      { durationMinutes: null },
      { durationMinutes: 20 },
    ]);
    expect(plan.items).toEqual([
      { start: '2017-06-14T13:00:00+02:00', end: '2017-06-14T13:10:00+02:00' },
      { start: '2017-06-14T13:10:00+02:00', end: null },
      { start: null, end: null },
    ]);
    expect(plan.end).toBeNull();
    expect(plannedTimes('2017-06-14', null, [{ durationMinutes: 10 }])).toEqual({
      items: [{ start: null, end: null }],
      end: null,
    });
  });
});
