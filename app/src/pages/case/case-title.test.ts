import { describe, expect, it } from 'vitest';
import { caseTitleOf } from './case-title.ts';

describe('caseTitleOf', () => {
  it('names the case by its latest item, and nothing when there is none', () => {
    expect(
      caseTitleOf([{ title: 'Status på budgetaftalen for 2017' }, { title: 'Status (30 min)' }]),
    ).toBe('Status (30 min)');
    expect(caseTitleOf([])).toBeNull();
  });
});
