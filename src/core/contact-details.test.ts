import { describe, expect, it } from 'vitest';
import {
  hasContactDetails,
  removedEmailText,
  removedPhoneText,
  withoutContactDetails,
} from './contact-details.ts';

describe('withoutContactDetails', () => {
  it.each([
    [
      'Send forslag til bpo@albertslund.dk senest d. 21. juni.',
      `Send forslag til ${removedEmailText} senest d. 21. juni.`,
    ],
    ['Kontakt mette.h-jensen@kk.dk.', `Kontakt ${removedEmailText}.`],
    ['(mailto:Søren.Ørsted@albertslund.dk)', `(mailto:${removedEmailText})`],
  ])('removes the e-mail address in %s', (text, expected) => {
    expect(withoutContactDetails(text)).toBe(expected);
  });

  it.each([
    'Ring på 43 68 68 68.',
    'Ring på tlf. 4368 6868 i dag',
    'tlf.43686868',
    'Tlf.: 43-68-68-68',
    'Mobil +45 20 30 40 50',
    'mobil 0045 20304050.',
    'telefon 43.68.68.68, lokal 2',
    'ring +4543686868',
  ])('removes the phone number in %s', (text) => {
    const result = withoutContactDetails(text);
    expect(result).toContain(removedPhoneText);
    expect(result).not.toMatch(/\d{2}\D?\d{2}\D?\d{2}\D?\d{2}/u);
  });

  it.each([
    'Journalnummer 00.01.00-A00-1-17 og 17/12345678',
    'Budgettet er på 12.345.678 kr. i 2017',
    'Mødet d. 21.06.2017 kl. 09.00',
    'Perioden 2017 2018 og 2017-2018',
    'Punkt 4 i 2017: 1.200.000 kr.',
    'Sag 27.00.00-G01-12345678-17',
    'Beløbet 123456789 kr.',
    'Version 1.2.3.4 af systemet',
  ])('keeps text without contact details as it is: %s', (text) => {
    expect(withoutContactDetails(text)).toBe(text);
    expect(hasContactDetails(text)).toBe(false);
  });

  it('removes several in one text and keeps the rest', () => {
    const text = 'Bente Poulsen (bpo@albertslund.dk, 43 68 60 00) og Jens (jh@kk.dk).';
    expect(withoutContactDetails(text)).toBe(
      `Bente Poulsen (${removedEmailText}, ${removedPhoneText}) og Jens (${removedEmailText}).`,
    );
  });
});
