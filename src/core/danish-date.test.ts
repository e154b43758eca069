import { describe, expect, it } from 'vitest';
import {
  findClockTime,
  findDanishDate,
  formatDanishDate,
  formatMeetingDate,
  formatShortDate,
  isValidCalendarDate,
  parseDanishDateTime,
} from './danish-date.ts';

describe('parseDanishDateTime', () => {
  it('reads the headers of the real minutes', () => {
    expect(parseDanishDateTime('Onsdag d. 14. juni 2017 kl. 13:00')).toEqual({
      date: '2017-06-14',
      start: '13:00',
    });
    expect(parseDanishDateTime('Torsdag d. 05. november 2015 kl. 09:00')).toEqual({
      date: '2015-11-05',
      start: '09:00',
    });
    expect(parseDanishDateTime('Torsdag d. 11. oktober 2018 kl. 09:00')).toEqual({
      date: '2018-10-11',
      start: '09:00',
    });
  });

  it('reads other ways of writing the date and time', () => {
    expect(parseDanishDateTime('den 2. maj 2018 kl. 9.30')).toEqual({
      date: '2018-05-02',
      start: '09:30',
    });
    expect(parseDanishDateTime('14-06-2017, kl. 8')).toEqual({
      date: '2017-06-14',
      start: '08:00',
    });
    expect(parseDanishDateTime('Mandag 3. sept. 2018 13:00-15:00')).toEqual({
      date: '2018-09-03',
      start: '13:00',
    });
    expect(parseDanishDateTime('TIRSDAG D. 1. DECEMBER 2020')).toEqual({
      date: '2020-12-01',
      start: null,
    });
    expect(parseDanishDateTime('05.11.15')).toEqual({ date: '2015-11-05', start: null });
  });

  it('rejects impossible dates and texts without a date', () => {
    expect(parseDanishDateTime('31. februar 2017')).toBeNull();
    expect(parseDanishDateTime('Mødelokale 2')).toBeNull();
    expect(findDanishDate('32-01-2017')).toBeNull();
    expect(findClockTime('kl. 25:00')).toBeNull();
  });

  it('knows leap years', () => {
    expect(isValidCalendarDate(2016, 2, 29)).toBe(true);
    expect(isValidCalendarDate(2017, 2, 29)).toBe(false);
  });
});

describe('formatDanishDate', () => {
  it('writes a Danish long date', () => {
    expect(formatDanishDate('2017-06-14')).toBe('14. juni 2017');
  });
});

describe('formatMeetingDate', () => {
  it('writes the header date as the real minutes do', () => {
    expect(formatMeetingDate('2017-06-14')).toBe('Onsdag d. 14. juni 2017');
    expect(formatMeetingDate('2015-11-05')).toBe('Torsdag d. 05. november 2015');
    expect(formatShortDate('2018-10-11')).toBe('11-10-2018');
  });

  it('keeps the day across daylight saving changes', () => {
    expect(formatMeetingDate('2019-03-31')).toBe('Søndag d. 31. marts 2019');
    expect(formatMeetingDate('2019-10-27')).toBe('Søndag d. 27. oktober 2019');
  });
});
