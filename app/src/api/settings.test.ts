import { describe, expect, it } from 'vitest';
import { caseSystemUrl } from './settings.ts';

describe('caseSystemUrl', () => {
  it('fills the template with the URL-encoded journal number, or gives null without one', () => {
    expect(
      caseSystemUrl({ caseUrlTemplate: 'https://sag.example.dk/{caseNumber}' }, '15/13392'),
    ).toBe('https://sag.example.dk/15%2F13392');
    expect(caseSystemUrl({ caseUrlTemplate: null }, '15/13392')).toBeNull();
    expect(caseSystemUrl(null, '15/13392')).toBeNull();
  });
});
