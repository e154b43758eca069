import { describe, expect, it } from 'vitest';
import { parseMinutesText } from './minutes-parser.ts';

const absentOf = (lines: string) =>
  parseMinutesText(
    `REFERAT Chefforum d. 01-02-2019\nPunkt 1: CF - Budget\nBeslutning\nGodkendt.\n${lines}\nPunkt 2: CF - Evt.\nBeslutning\nIntet.`,
  ).meeting.items[0];

describe('Fraværende in the forms minutes write it', () => {
  it.each([
    [
      'Fraværende: Rikke Blom (Direktør BSV), Jens Hansen (Chef for Kultur)',
      [
        { name: 'Rikke Blom', role: 'Direktør BSV' },
        { name: 'Jens Hansen', role: 'Chef for Kultur' },
      ],
    ],
    [
      'Afbud: Rikke Blom og Jens Hansen',
      [
        { name: 'Rikke Blom', role: null },
        { name: 'Jens Hansen', role: null },
      ],
    ],
    ['Afbud fra Rikke Blom (Direktør BSV)', [{ name: 'Rikke Blom', role: 'Direktør BSV' }]],
    ['Afbud fra: Rikke Blom', [{ name: 'Rikke Blom', role: null }]],
    [
      'Fraværende:\n- Rikke Blom, Direktør BSV\n- Jens Hansen – Chef for Kultur',
      [
        { name: 'Rikke Blom', role: 'Direktør BSV' },
        { name: 'Jens Hansen', role: 'Chef for Kultur' },
      ],
    ],
  ])('reads %j', (lines, absent) => {
    const item = absentOf(lines);
    expect(item?.absent).toEqual(absent);
    expect(item?.decision).toBe('Godkendt.');
  });
});
