import { describe, expect, it } from 'vitest';
import { caseUrl, caseUrlTemplateProblem } from './case-url.ts';

describe('caseUrl', () => {
  it('puts the journal number, URL-encoded, in place of {caseNumber}', () => {
    expect(caseUrl('https://sag.example.dk/sag/{caseNumber}', '12/27845')).toBe(
      'https://sag.example.dk/sag/12%2F27845',
    );
    expect(caseUrl('https://x.dk/?q={caseNumber}&n={caseNumber}', ' 00.01.00-A00-3-17 ')).toBe(
      'https://x.dk/?q=00.01.00-A00-3-17&n=00.01.00-A00-3-17',
    );
    expect(caseUrl('https://x.dk/{caseNumber}', 'a&b "c"<d>')).toBe(
      'https://x.dk/a%26b%20%22c%22%3Cd%3E',
    );
  });

  it('tells why a template cannot be used', () => {
    expect(caseUrlTemplateProblem('https://sag.example.dk/sag/{caseNumber}')).toBeNull();
    expect(caseUrlTemplateProblem('https://sag.example.dk/sag/')).toMatch(/\{caseNumber\}/u);
    expect(caseUrlTemplateProblem('javascript:alert({caseNumber})')).toMatch(/https/u);
    expect(caseUrlTemplateProblem('sag/{caseNumber}')).toBe('er ikke en gyldig adresse');
  });
});
