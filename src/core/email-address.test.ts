import { describe, expect, it } from 'vitest';
import { isValidEmailAddress } from './email-address.ts';

describe('isValidEmailAddress', () => {
  it.each([
    'rikke.blom@albertslund.dk',
    'RB@kommune.dk',
    'søren.sekretær@kommune.dk',
    'a+dagsorden@sub.kommune.dk',
    '  lise@kommune.dk  ',
  ])('accepts %s', (address) => {
    expect(isValidEmailAddress(address)).toBe(true);
  });

  it.each([
    '',
    'rikke',
    'rikke@',
    '@kommune.dk',
    'rikke@kommune',
    'rikke@kommune.d',
    'rikke@@kommune.dk',
    'rikke@kommune..dk',
    'rikke@.kommune.dk',
    'rikke blom@kommune.dk',
    'rikke@kommune.dk, lise@kommune.dk',
    'rikke@kommune.dk;lise@kommune.dk',
    'Rikke <rikke@kommune.dk>',
    'rikke@kommune.dk\nBcc: alle@kommune.dk',
    `${'a'.repeat(250)}@k.dk`,
  ])('refuses %j', (address) => {
    expect(isValidEmailAddress(address)).toBe(false);
  });
});
