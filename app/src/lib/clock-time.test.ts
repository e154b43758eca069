import { describe, expect, it } from 'vitest';
import { formatClockTime, formatDateWithClockTime } from './clock-time.ts';

describe('clock times in Copenhagen', () => {
  it('writes the time of day with a colon, in Danish winter and summer time', () => {
    expect(formatClockTime(new Date('2026-11-23T13:32:00Z'))).toBe('14:32');
    expect(formatClockTime(new Date('2026-06-23T12:05:00Z'))).toBe('14:05');
    expect(formatClockTime(new Date('2026-06-22T22:07:00Z'))).toBe('00:07');
  });

  it('writes the date without a leading zero and the time after "kl."', () => {
    expect(formatDateWithClockTime('2019-03-12T13:02:00.000Z')).toBe('12. marts 2019 kl. 14:02');
    expect(formatDateWithClockTime('2019-03-05T23:30:00.000Z')).toBe('6. marts 2019 kl. 00:30');
    expect(formatDateWithClockTime('i går')).toBe('i går');
  });
});
