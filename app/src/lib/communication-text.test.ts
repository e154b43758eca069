import { describe, expect, test } from 'vitest';
import { communicationEntries, communicationLine, departmentText } from './communication-text.ts';

const items = [
  { number: 1, title: 'Godkendelse af referat', communication: null },
  {
    number: 2,
    title: 'Ny sygefraværsstatistik',
    communication: 'Statistikken kommer kvartalsvis.',
  },
  { number: 3, title: 'Budget 2027', communication: '   ' },
  { number: 4, title: 'Rekruttering', communication: 'Stillinger slås op\nsamlet i marts.\n' },
  { number: 5, title: 'Hvad skal kommunikeres ud til afdelingerne?', communication: null },
  { number: 6, title: 'Evt.', communication: null },
];

describe('communicationEntries', () => {
  test('keeps the items with a message, in item order, and skips blank messages', () => {
    expect(communicationEntries(items)).toEqual([
      { number: 2, title: 'Ny sygefraværsstatistik', message: 'Statistikken kommer kvartalsvis.' },
      { number: 4, title: 'Rekruttering', message: 'Stillinger slås op\nsamlet i marts.' },
    ]);
  });

  test('is empty when no item has a message', () => {
    expect(communicationEntries(items.map((item) => ({ ...item, communication: null })))).toEqual(
      [],
    );
  });
});

describe('communicationLine', () => {
  test('writes "Punkt N – Titel: message" on one line', () => {
    expect(
      communicationLine({
        number: 4,
        title: 'Rekruttering',
        message: 'Slås op\n\nsamlet  i marts.',
      }),
    ).toBe('Punkt 4 – Rekruttering: Slås op samlet i marts.');
  });

  test('names an item without a title', () => {
    expect(communicationLine({ number: 7, title: ' ', message: 'Besked' })).toBe(
      'Punkt 7 – Uden titel: Besked',
    );
  });
});

describe('departmentText', () => {
  test('is a heading line with the forum and the date, then one line per message', () => {
    expect(departmentText('Chefforum', '2026-12-14', communicationEntries(items))).toBe(
      [
        'Fra Chefforum d. 14. december 2026:',
        'Punkt 2 – Ny sygefraværsstatistik: Statistikken kommer kvartalsvis.',
        'Punkt 4 – Rekruttering: Stillinger slås op samlet i marts.',
      ].join('\n'),
    );
  });

  test('writes the day without a leading zero', () => {
    expect(departmentText('Chefforum', '2027-03-04', [])).toBe('Fra Chefforum d. 4. marts 2027:');
  });

  test('copies titles and messages as typed: plain text, neither escaped nor rendered', () => {
    const text = departmentText('Chefforum', '2026-12-14', [
      { number: 2, title: '**Budget** <b>2027</b>', message: 'Se [linket](https://x.dk)' },
    ]);
    expect(text.split('\n')).toEqual([
      'Fra Chefforum d. 14. december 2026:',
      'Punkt 2 – **Budget** <b>2027</b>: Se [linket](https://x.dk)',
    ]);
  });
});
