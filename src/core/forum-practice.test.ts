import { describe, expect, it } from 'vitest';
import {
  defaultPurposes,
  isAllowedPurpose,
  purposeLabel,
  purposeListSchema,
  readPurposes,
  readStandingItems,
} from './forum-practice.ts';

describe('a forum’s way of working', () => {
  it('reads the purposes it stores, and the default list when there is none', () => {
    expect(readPurposes(null)).toEqual(defaultPurposes);
    expect(readPurposes('not json')).toEqual(defaultPurposes);
    expect(readPurposes('["Udvikle","Afdække"]')).toEqual(['Udvikle', 'Afdække']);
  });

  it('refuses an empty list, an empty name and a purpose given twice', () => {
    expect(purposeListSchema.safeParse([]).success).toBe(false);
    expect(purposeListSchema.safeParse(['Udvikle', ' ']).success).toBe(false);
    expect(purposeListSchema.safeParse(['Udvikle', 'udvikle']).success).toBe(false);
  });

  it('names old purpose keys in words', () => {
    expect(purposeLabel('droftelse')).toBe('Drøftelse');
    expect(purposeLabel('Afdække')).toBe('Afdække');
    expect(purposeLabel('  ')).toBeNull();
  });

  it('lets an item keep a purpose the forum has dropped, but not take a new unknown one', () => {
    expect(isAllowedPurpose('Afdække', ['Afdække'], null)).toBe(true);
    expect(isAllowedPurpose('Beslutning', ['Afdække'], 'beslutning')).toBe(true);
    expect(isAllowedPurpose('Gætteri', ['Afdække'], null)).toBe(false);
    expect(isAllowedPurpose(null, ['Afdække'], 'Afdække')).toBe(true);
  });

  it('reads standing items and drops a broken list', () => {
    expect(readStandingItems('[{"title":"Aktuelt","durationMinutes":30,"purpose":null}]')).toEqual([
      { title: 'Aktuelt', durationMinutes: 30, purpose: null },
    ]);
    expect(readStandingItems('[{"title":""}]')).toEqual([]);
  });
});
