import { describe, expect, it } from 'vitest';
import { formatMegabytes, tooLargeMessage } from './body-limits.ts';
import { findForbiddenText } from './input-guard.ts';

describe('findForbiddenText', () => {
  it('gives the path of the first string or key with NUL or half a character', () => {
    expect(findForbiddenText({ title: 'ok', items: [{ text: 'a\u0000' }] })).toBe('items.0.text');
    expect(findForbiddenText(Object.fromEntries([['b\ud800', 1]]))).toBe('b\ud800');
    expect(findForbiddenText('\udc00')).toBe('');
    expect(findForbiddenText({ title: 'Ærø 😀', n: 1, empty: null, list: [true] })).toBeNull();
    expect(findForbiddenText(Buffer.from([0, 0xd8]))).toBeNull();
    expect(findForbiddenText(undefined)).toBeNull();
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = 'bund\u0000';
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    expect(findForbiddenText(deep)).toMatch(/^0(\.0)+$/u);
  });
});

describe('body limit messages', () => {
  it('name the real limit', () => {
    expect(formatMegabytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatMegabytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(tooLargeMessage('/api/meetings', 2 * 1024 * 1024)).toBe(
      'Forespørgslen er for stor: højst 2 MB.',
    );
    expect(tooLargeMessage('/api/items/:id/attachments', 25 * 1024 * 1024 + 1)).toBe(
      'Filen er for stor: et bilag må højst fylde 25 MB.',
    );
  });
});
