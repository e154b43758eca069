import { describe, expect, it } from 'vitest';
import {
  hasForbiddenCharacters,
  isoDateSchema,
  isRealIsoDate,
  isVisibleText,
  visibleTextSchema,
} from './text-input.ts';

describe('hasForbiddenCharacters', () => {
  it('finds NUL and lone surrogates, and lets whole characters through', () => {
    expect(hasForbiddenCharacters('Budget\u00002027')).toBe(true);
    expect(hasForbiddenCharacters('\ud800')).toBe(true);
    expect(hasForbiddenCharacters('a\udc00b')).toBe(true);
    expect(hasForbiddenCharacters('\udc00\ud800')).toBe(true);
    expect(hasForbiddenCharacters('Økonomiudvalget 😀 æøå')).toBe(false);
    expect(hasForbiddenCharacters('')).toBe(false);
  });
});

describe('isVisibleText', () => {
  it('refuses text made only of white space and invisible characters', () => {
    for (const text of [
      '',
      '   ',
      '\t\n',
      '\u200b',
      '\u200c\u200d\u2060',
      '\ufeff',
      '\u00ad',
      '\u180e',
      '\u202e\u2066\u200f',
      '\u0301',
      '\u3164',
      '\u2800',
      '\u00a0\u3000',
    ])
      expect(isVisibleText(text), JSON.stringify(text)).toBe(false);
  });

  it('accepts text with one visible character among invisible ones', () => {
    for (const text of ['Budget', '\u200bA\u200b', '1', '–', 'é', '😀'])
      expect(isVisibleText(text), text).toBe(true);
  });
});

describe('isRealIsoDate', () => {
  it('knows month lengths and Gregorian leap years', () => {
    expect(isRealIsoDate('2026-12-03')).toBe(true);
    expect(isRealIsoDate('2027-02-30')).toBe(false);
    expect(isRealIsoDate('2027-02-29')).toBe(false);
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2000-02-29')).toBe(true);
    expect(isRealIsoDate('2100-02-29')).toBe(false);
    expect(isRealIsoDate('2026-04-31')).toBe(false);
    expect(isRealIsoDate('2026-13-01')).toBe(false);
    expect(isRealIsoDate('2026-00-10')).toBe(false);
    expect(isRealIsoDate('2026-01-00')).toBe(false);
    expect(isRealIsoDate('2026-1-5')).toBe(false);
    expect(isRealIsoDate(' 2026-01-05')).toBe(false);
  });
});

describe('isoDateSchema', () => {
  it('refuses an impossible date with one Danish message', () => {
    const result = isoDateSchema.safeParse('2027-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'skal være en gyldig dato som 2026-12-03',
    ]);
    expect(isoDateSchema.safeParse('3. december').error?.issues).toHaveLength(1);
    expect(isoDateSchema.parse('2026-12-03')).toBe('2026-12-03');
  });
});

describe('visibleTextSchema', () => {
  const title = visibleTextSchema(10, 'skriv punktets titel');

  it('trims, and refuses empty and invisible text with the given message', () => {
    expect(title.parse('  Budget ')).toBe('Budget');
    expect(title.safeParse('\u200b').error?.issues[0]?.message).toBe('skriv punktets titel');
    expect(title.safeParse('   ').error?.issues[0]?.message).toBe('skriv punktets titel');
  });

  it('refuses NUL, half characters and text over the limit', () => {
    expect(title.safeParse('a\u0000b').success).toBe(false);
    expect(title.safeParse('a\ud800').success).toBe(false);
    expect(title.safeParse('x'.repeat(11)).success).toBe(false);
  });
});
