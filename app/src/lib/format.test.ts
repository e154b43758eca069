import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  countText,
  formatDanishDate,
  formatFileSize,
  formatMeetingDate,
  formatTimestamp,
  todayInCopenhagen,
} from './format.ts';

describe('formatTimestamp', () => {
  test('writes the Copenhagen time in summer (UTC+2)', () => {
    expect(formatTimestamp('2017-06-14T11:05:00Z')).toBe('14. juni 2017 kl. 13.05');
  });

  test('writes the Copenhagen time in winter (UTC+1)', () => {
    expect(formatTimestamp('2017-01-03T08:30:00.000Z')).toBe('3. januar 2017 kl. 09.30');
  });

  test('gives the text back when it is not a timestamp', () => {
    expect(formatTimestamp('ikke en dato')).toBe('ikke en dato');
  });
});

describe('formatFileSize', () => {
  test('writes megabytes with a Danish decimal comma', () => {
    expect(formatFileSize(1.2 * 1024 * 1024)).toBe('1,2 MB');
    expect(formatFileSize(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatFileSize(1024 * 1024)).toBe('1 MB');
  });

  test('writes kilobytes, rounded, and at least 1 kB', () => {
    expect(formatFileSize(340 * 1024)).toBe('340 kB');
    expect(formatFileSize(1535)).toBe('1 kB');
    expect(formatFileSize(1536)).toBe('2 kB');
    expect(formatFileSize(12)).toBe('1 kB');
    expect(formatFileSize(0)).toBe('1 kB');
  });
});

describe('todayInCopenhagen', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test("gives Copenhagen's date, which runs ahead of UTC around midnight", () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-06-30T22:30:00Z'));
    expect(todayInCopenhagen()).toBe('2024-07-01');
    vi.setSystemTime(new Date('2024-12-31T22:59:00Z'));
    expect(todayInCopenhagen()).toBe('2024-12-31');
    vi.setSystemTime(new Date('2024-12-31T23:00:00Z'));
    expect(todayInCopenhagen()).toBe('2025-01-01');
  });
});

describe('countText', () => {
  test('uses the singular for one and the plural otherwise', () => {
    expect(countText(1, 'punkt', 'punkter')).toBe('1 punkt');
    expect(countText(0, 'punkt', 'punkter')).toBe('0 punkter');
    expect(countText(3, 'punkt', 'punkter')).toBe('3 punkter');
  });
});

describe('dates shared with the server', () => {
  test('formatDanishDate writes a long Danish date', () => {
    expect(formatDanishDate('2017-06-14')).toBe('14. juni 2017');
  });

  test('formatMeetingDate adds the weekday with a capital letter', () => {
    expect(formatMeetingDate('2017-06-14')).toBe('Onsdag d. 14. juni 2017');
  });
});

describe('formatMeetingDate in the app', () => {
  test('writes the day without a leading zero', () => {
    expect(formatMeetingDate('2026-12-07')).toBe('Mandag d. 7. december 2026');
    expect(formatMeetingDate('2018-10-11')).toBe('Torsdag d. 11. oktober 2018');
  });
});
