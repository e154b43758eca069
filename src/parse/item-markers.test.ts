import { describe, expect, it } from 'vitest';
import {
  isClosedMarker,
  isOpenMarker,
  itemGroupHeading,
  splitClosedMarker,
} from './item-markers.ts';
import { parseMinutesText } from './minutes-parser.ts';

describe('closed and open markers', () => {
  it.each([
    'Lukket punkt',
    'LUKKET PUNKT',
    'Lukket dagsordenspunkt',
    'Lukket sag.',
    '(Lukket)',
    'Fortroligt',
    'Ikke offentligt punkt',
    'Punktet er lukket.',
    'Punktet behandles for lukkede døre',
  ])('"%s" closes the item', (line) => {
    expect(isClosedMarker(line)).toBe(true);
  });

  it.each(['Lukket cykelsti ved skolen', 'Sagen er ikke lukket endnu.', 'Åbent punkt'])(
    '"%s" does not',
    (line) => {
      expect(isClosedMarker(line)).toBe(false);
    },
  );

  it('knows open markers and group headings', () => {
    expect(isOpenMarker('Åbent punkt')).toBe(true);
    expect(isOpenMarker('Åben')).toBe(true);
    expect(itemGroupHeading('Lukkede sager')).toBe('closed');
    expect(itemGroupHeading('Lukket dagsorden')).toBe('closed');
    expect(itemGroupHeading('Åbne sager')).toBe('open');
    expect(itemGroupHeading('Sager til beslutning')).toBeNull();
  });

  it.each([
    ['Lukket punkt: Personalesag', 'Personalesag'],
    ['CF - Lukket punkt: Personalesag', 'CF - Personalesag'],
    ['Personalesag (lukket)', 'Personalesag'],
    ['Personalesag (30 min) (Lukket punkt)', 'Personalesag (30 min)'],
    ['[Lukket] Personalesag', 'Personalesag'],
    ['Personalesag - lukket punkt', 'Personalesag'],
    ['Lukket punkt', 'Lukket punkt'],
  ])('takes the marker off the title "%s"', (title, rest) => {
    expect(splitClosedMarker(title)).toEqual({ title: rest, isClosed: true });
  });

  it('leaves other titles alone', () => {
    expect(splitClosedMarker('Lukning af skolen')).toEqual({
      title: 'Lukning af skolen',
      isClosed: false,
    });
  });
});

describe('closed items in minutes', () => {
  it('reads every spelling, and closes the items under "Lukkede sager"', () => {
    const { meeting } = parseMinutesText(`REFERAT Chefforum d. 01-02-2019

Punkt 1: CF - Godkendelse
Åbent punkt
Beslutning
Godkendt.

Punkt 2: CF - Lukket punkt: Personalesag
Beslutning
Drøftet.

Punkt 3: CF - Salg af grund (Fortroligt)
Beslutning
Drøftet.

Punkt 4: CF - Budget
LUKKET PUNKT
Beslutning
Drøftet.

Lukkede sager

Punkt 5: CF - Ansættelse
Beslutning
Drøftet.

Punkt 6: CF - Aftale med leverandør
Beslutning
Drøftet.`);
    expect(meeting.items.map((item) => [item.title, item.closed])).toEqual([
      ['Godkendelse', false],
      ['Personalesag', true],
      ['Salg af grund', true],
      ['Budget', true],
      ['Ansættelse', true],
      ['Aftale med leverandør', true],
    ]);
    expect(meeting.items[0]?.background).toBeNull();
    expect(meeting.items[3]?.decision).toBe('Drøftet.');
  });
});
