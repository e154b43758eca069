import { describe, expect, test } from 'vitest';
import { checkCaseNumber } from './case-number-message.ts';

describe('checkCaseNumber', () => {
  test('gives nothing for an empty field', () => {
    expect(checkCaseNumber('')).toBeNull();
    expect(checkCaseNumber('   ')).toBeNull();
  });

  test('names the parts of a KLE number', () => {
    expect(checkCaseNumber('00.01.00-A00-3-17')).toEqual({
      isValid: true,
      message:
        'Gyldigt KLE-journalnummer: emne 00.01.00, handlingsfacet A00, løbenummer 3, år 2017.',
    });
  });

  test('reads a KLE number with surrounding spaces and the letter Ø', () => {
    expect(checkCaseNumber('  27.12.04-Ø54-120-98 ')).toEqual({
      isValid: true,
      message:
        'Gyldigt KLE-journalnummer: emne 27.12.04, handlingsfacet Ø54, løbenummer 120, år 1998.',
    });
  });

  test('accepts older forms as written, with their year', () => {
    expect(checkCaseNumber('15/13392')).toEqual({
      isValid: true,
      message: 'Ældre journalnummer fra 2015; det gemmes som skrevet.',
    });
    expect(checkCaseNumber('2012-28504')).toEqual({
      isValid: true,
      message: 'Ældre journalnummer fra 2012; det gemmes som skrevet.',
    });
  });

  test('names an unknown action facet and the letters allowed', () => {
    expect(checkCaseNumber('00.01.00-B00-3-17')).toEqual({
      isValid: false,
      message:
        'Ukendt handlingsfacet "B00". Facetten er et af bogstaverne A, G, I, K, P, S eller Ø og to cifre, fx A00.',
    });
  });

  test('asks for a capital letter in the facet', () => {
    expect(checkCaseNumber(' 00.01.00-a00-3-17')).toEqual({
      isValid: false,
      message: 'Skriv bogstavet i handlingsfacetten med stort: 00.01.00-A00-3-17.',
    });
    expect(checkCaseNumber('27.12.04-ø54-1-20')?.message).toBe(
      'Skriv bogstavet i handlingsfacetten med stort: 27.12.04-Ø54-1-20.',
    );
  });

  test('explains how to write a number that cannot be read', () => {
    for (const text of ['budget', '00.01.00-A00-3', '00.01-A00-3-17', '15-13392']) {
      expect(checkCaseNumber(text)).toEqual({
        isValid: false,
        message:
          'Journalnummeret kan ikke læses. Skriv det som 00.01.00-A00-3-17 (KLE) eller i en ældre form som 15/13392.',
      });
    }
  });
});
