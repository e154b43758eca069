import { describe, expect, test } from 'vitest';
import { formatMinutes, planTime } from './time-plan.ts';

const items = (...minutes: (number | null)[]) =>
  minutes.map((durationMinutes) => ({ durationMinutes }));

describe('planTime', () => {
  test("gives each item's start, the total and the end from the meeting's start", () => {
    expect(planTime(items(5, 30, 15), '13:00')).toEqual({
      startTimes: ['13:00', '13:05', '13:35'],
      totalMinutes: 50,
      itemsWithoutTime: 0,
      endsAt: '13:50',
    });
  });

  test('counts items without a time and lets the next item start at the same time', () => {
    const plan = planTime(items(10, null, 0, 20), '09:30');
    expect(plan.startTimes).toEqual(['09:30', '09:40', '09:40', '09:40']);
    expect(plan.totalMinutes).toBe(30);
    expect(plan.itemsWithoutTime).toBe(2);
    expect(plan.endsAt).toBe('10:00');
  });

  test('has no clock times without a start time, but still adds up the minutes', () => {
    expect(planTime(items(45, null, 15), null)).toEqual({
      startTimes: [null, null, null],
      totalMinutes: 60,
      itemsWithoutTime: 1,
      endsAt: null,
    });
  });

  test('runs past midnight', () => {
    const plan = planTime(items(20, 25), '23:30');
    expect(plan.startTimes).toEqual(['23:30', '23:50']);
    expect(plan.endsAt).toBe('00:15');
  });

  test('ends at the start when there are no items', () => {
    expect(planTime([], '08:00')).toEqual({
      startTimes: [],
      totalMinutes: 0,
      itemsWithoutTime: 0,
      endsAt: '08:00',
    });
  });
});

describe('formatMinutes', () => {
  test.each([
    [0, '0 min'],
    [1, '1 min'],
    [40, '40 min'],
    [59, '59 min'],
    [60, '1 t'],
    [95, '1 t 35 min'],
    [120, '2 t'],
    [125, '2 t 5 min'],
  ])('%i minutes → "%s"', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
