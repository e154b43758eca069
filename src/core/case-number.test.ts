import { describe, expect, it } from 'vitest';
import { caseNumberCandidatePattern, parseCaseNumber } from './case-number.ts';

describe('parseCaseNumber', () => {
  it('splits a KLE number into subject, facet, sequence and year', () => {
    expect(parseCaseNumber('00.01.00-A00-3-17')).toEqual({
      ok: true,
      caseNumber: {
        form: 'kle',
        text: '00.01.00-A00-3-17',
        subject: '00.01.00',
        mainGroup: '00',
        group: '01',
        topic: '00',
        facet: 'A00',
        sequence: 3,
        year: 2017,
      },
    });
  });

  it('accepts every action facet letter, Ø included', () => {
    for (const letter of ['A', 'G', 'I', 'K', 'P', 'S', 'Ø']) {
      const result = parseCaseNumber(`85.13.05-${letter}21-12-16`);
      expect(result.ok, letter).toBe(true);
    }
  });

  it('keeps older forms as written, with their year', () => {
    expect(parseCaseNumber('15/13392')).toEqual({
      ok: true,
      caseNumber: { form: 'legacy', text: '15/13392', year: 2015 },
    });
    expect(parseCaseNumber(' 2012-28504 ')).toEqual({
      ok: true,
      caseNumber: { form: 'legacy', text: '2012-28504', year: 2012 },
    });
  });

  it('warns about malformed numbers instead of throwing', () => {
    const unknownFacet = parseCaseNumber('00.01.00-X00-3-17');
    expect(unknownFacet.ok).toBe(false);
    if (!unknownFacet.ok) expect(unknownFacet.warning).toContain('X00');
    const garbage = parseCaseNumber('00.01-A00');
    expect(garbage).toMatchObject({ ok: false, text: '00.01-A00' });
  });

  it('maps two-digit years across the century', () => {
    const result = parseCaseNumber('98/1234');
    expect(result.ok && result.caseNumber.year).toBe(1998);
  });
});

describe('caseNumberCandidatePattern', () => {
  it('recognizes journal-number-like lines, malformed ones included', () => {
    expect(caseNumberCandidatePattern.test('00.30.14-S00-2-16')).toBe(true);
    expect(caseNumberCandidatePattern.test('00.01.00-X00-3-17')).toBe(true);
    expect(caseNumberCandidatePattern.test('14/13782')).toBe(true);
    expect(caseNumberCandidatePattern.test('Chefforum godkendte')).toBe(false);
    expect(caseNumberCandidatePattern.test('2017')).toBe(false);
  });
});
