import { describe, expect, it } from 'vitest';
import { parseMinutesText } from './minutes-parser.ts';

/** Minutes with items 1, 2 and 4 as "Punkt N:" headings, and item 3's heading as given. */
function minutesWithThird(
  thirdHeading: string,
  thirdBody = 'Sagsfremstilling\n\nDer er noget.',
): string {
  return `REFERAT Chefforum d. 01-02-2019

Indholdsfortegnelse
CF - Første..... 1
CF - Anden..... 2
CF - Tredje punkt om budgettet..... 3
CF - Fjerde..... 4

Punkt 1: CF - Første

Beslutning

Godkendt.

Punkt 2: CF - Anden

Beslutning

Taget til efterretning.

${thirdHeading}

${thirdBody}

Beslutning

Drøftet.

Punkt 4: CF - Fjerde

Beslutning

Intet.`;
}

const itemsOf = (text: string) => {
  const { meeting, warnings } = parseMinutesText(text);
  return {
    titles: meeting.items.map((item) => [item.number, item.title]),
    items: meeting.items,
    warnings,
  };
};

const recovered = [
  [1, 'Første'],
  [2, 'Anden'],
  [3, 'Tredje punkt om budgettet'],
  [4, 'Fjerde'],
];

describe('recovering an item heading the numbering skipped', () => {
  it.each([
    ['in another style: "3. CF - …"', '3. CF - Tredje punkt om budgettet'],
    ['as "3) Titel" without the forum prefix', '3) Tredje punkt om budgettet'],
    ['as "Ad 3. …"', 'Ad 3. Tredje punkt om budgettet'],
    ['as "Ad pkt. 3 …"', 'Ad pkt. 3 CF - Tredje punkt om budgettet'],
    ['as "Punkt 3." in lower case', 'punkt 3. Tredje punkt om budgettet'],
    ['broken over two lines: "Punkt" / "3: CF - …"', 'Punkt\n\n3: CF - Tredje punkt om budgettet'],
    ['as the number alone, the title on the next line', '3.\n\nCF - Tredje punkt om budgettet'],
    [
      'alone after a page break, with its bold lost',
      '\f\nSide 2\n\n3 CF - Tredje punkt om budgettet',
    ],
  ])('finds it %s', (_form, heading) => {
    const { titles, items, warnings } = itemsOf(minutesWithThird(heading));
    expect(titles).toEqual(recovered);
    expect(items[2]?.presentation).toBe('Der er noget.');
    expect(items[2]?.decision).toBe('Drøftet.');
    expect(items[1]?.decision).toBe('Taget til efterretning.');
    expect(warnings).toEqual([]);
  });

  it('finds a heading glued to the end of the paragraph before it', () => {
    const text = minutesWithThird('').replace(
      'Taget til efterretning.\n\n\n\n',
      'Taget til efterretning. Punkt 3: CF - Tredje punkt om budgettet\n\n',
    );
    const { titles, items } = itemsOf(text);
    expect(titles).toEqual(recovered);
    expect(items[1]?.decision).toBe('Taget til efterretning.');
  });

  it('does not take a body line that starts with the number for the heading', () => {
    const { titles, items, warnings } = itemsOf(
      minutesWithThird('Tredje punkt om budgettet', '3 medarbejdere deltog i mødet.'),
    );
    expect(titles).toEqual([
      [1, 'Første'],
      [2, 'Anden'],
      [4, 'Fjerde'],
    ]);
    expect(items[1]?.decision).toContain('3 medarbejdere deltog i mødet.');
    expect(warnings).toEqual(['punkt 4: forventede punkt 3']);
  });

  it('does not take a numbered list in the text for the heading', () => {
    const body = 'Der er tre forhold:\n\n2. Skoleområdet\n3. Ældreområdet\n4. Kulturområdet';
    const { titles, warnings } = itemsOf(minutesWithThird('Tredje punkt om budgettet', body));
    expect(titles.map(([number]) => number)).toEqual([1, 2, 4]);
    expect(warnings).toEqual(['punkt 4: forventede punkt 3']);
  });

  it('keeps the warning when a "3." line reads as a sentence, not a heading', () => {
    const { titles, warnings } = itemsOf(
      minutesWithThird(
        '3. Et helt andet emne blev nævnt, men ikke behandlet på mødet.',
        'Her står en lang tekst uden overskrifter.',
      ),
    );
    expect(titles.map(([number]) => number)).toEqual([1, 2, 4]);
    expect(warnings).toEqual(['punkt 4: forventede punkt 3']);
  });

  it('takes the one heading-shaped "3. Titel" in the gap, even when the contents differ', () => {
    const { titles } = itemsOf(
      minutesWithThird('3. Et helt andet emne', 'Her står en lang tekst uden overskrifter.'),
    );
    expect(titles[2]).toEqual([3, 'Et helt andet emne']);
  });

  it('recovers two missing items in a row, in order', () => {
    const text = `REFERAT Chefforum d. 01-02-2019

Punkt 1: CF - Første

Beslutning

Godkendt.

2. CF - Anden

Beslutning

Drøftet.

Ad 3. CF - Tredje

Beslutning

Drøftet igen.

Punkt 4: CF - Fjerde

Beslutning

Intet.`;
    const { titles, warnings } = itemsOf(text);
    expect(titles).toEqual([
      [1, 'Første'],
      [2, 'Anden'],
      [3, 'Tredje'],
      [4, 'Fjerde'],
    ]);
    expect(warnings).toEqual([]);
  });
});
