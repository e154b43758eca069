import { describe, expect, it } from 'vitest';
import { parseMinutesText } from './minutes-parser.ts';

const itemsOf = (text: string) => {
  const { meeting, warnings } = parseMinutesText(text);
  return { items: meeting.items, warnings };
};

describe('items numbered in levels ("1.1")', () => {
  const text = `DAGSORDEN Økonomiudvalget d. 01-02-2019

1 Beslutningssager

1.1 Godkendelse af dagsorden

00.01.00-A00-1-19

Beslutning

Godkendt.

1.2 Budget 2020

Sagsfremstilling

Der er afsat 2.3 mio. kr.

2.1 Baggrund

Budgettet blev lagt i 2018.

2 Orienteringssager

2.1 Status på byggeriet

Anledning

Byggeriet er i gang.

3 Evt.

Intet.
`;
  const { items, warnings } = itemsOf(text);

  it('numbers every item with text in order, without the written number in its title', () => {
    expect(items.map((item) => [item.number, item.title])).toEqual([
      [1, 'Godkendelse af dagsorden'],
      [2, 'Budget 2020'],
      [3, 'Status på byggeriet'],
      [4, 'Evt.'],
    ]);
  });

  it('leaves group headings without text out, and a numbered sub-heading in the text alone', () => {
    expect(items[1]?.presentation).toBe(
      'Der er afsat 2.3 mio. kr.\n\n2.1 Baggrund\n\nBudgettet blev lagt i 2018.',
    );
    expect(items[0]?.caseNumber).toBe('00.01.00-A00-1-19');
  });

  it('says how the written numbers map to the items', () => {
    expect(warnings).toEqual([
      'punkterne er nummereret i niveauer; de er talt fortløbende: 1.1 → 1, 1.2 → 2, 2.1 → 3, 3 → 4',
      'overskrifter uden egen tekst samler kun punkter og er ikke punkter: "Beslutningssager", "Orienteringssager"',
    ]);
  });

  it('keeps a top-level item that has text of its own', () => {
    const { items: withText } = itemsOf(
      text.replace('1 Beslutningssager\n\n', '1 Meddelelser\n\nFormanden orienterede.\n\n'),
    );
    expect(withText.map((item) => item.title)).toEqual([
      'Meddelelser',
      'Godkendelse af dagsorden',
      'Budget 2020',
      'Status på byggeriet',
      'Evt.',
    ]);
    expect(withText[0]?.background).toBe('Formanden orienterede.');
  });
});

describe('items numbered in Roman numerals', () => {
  it('reads "IV. Titel" headings and leaves the preposition "I" alone', () => {
    const { items } = itemsOf(`REFERAT Chefforum d. 01-02-2019

I. Godkendelse af dagsorden

Beslutning

Godkendt.

II. Budget

Sagsfremstilling

I Chefforum er der enighed om rammen.

Beslutning

Taget til efterretning.

III. Evt.

Beslutning

Intet.
`);
    expect(items.map((item) => [item.number, item.title])).toEqual([
      [1, 'Godkendelse af dagsorden'],
      [2, 'Budget'],
      [3, 'Evt.'],
    ]);
    expect(items[1]?.presentation).toBe('I Chefforum er der enighed om rammen.');
  });
});

describe('journal numbers written above the item heading', () => {
  it('gives each number to the item below it', () => {
    const { items } = itemsOf(`REFERAT Chefforum d. 01-02-2019

00.01.00-A00-1-19

1. Godkendelse af dagsorden

Beslutning

Godkendt.

15/13392

2. Budget

Beslutning

Taget til efterretning.

Sagsnr.: 15/1234

3. Evt.

Beslutning

Intet.
`);
    expect(items.map((item) => [item.number, item.caseNumber, item.decision])).toEqual([
      [1, '00.01.00-A00-1-19', 'Godkendt.'],
      [2, '15/13392', 'Taget til efterretning.'],
      [3, '15/1234', 'Intet.'],
    ]);
  });

  it('leaves a number under its heading with its item', () => {
    const { items } = itemsOf(`REFERAT Chefforum d. 01-02-2019

Punkt 1: CF - Evt.

15/13392

Punkt 2: CF - Budget

15/1234

Beslutning

Godkendt.
`);
    expect(items.map((item) => item.caseNumber)).toEqual(['15/13392', '15/1234']);
  });
});

describe('the meeting header repeated in the text', () => {
  it('is not the items text, with or without page breaks', () => {
    const header = 'REFERAT Chefforum d. 01-02-2019\n\nMødested Mødelokale 2';
    const { items } = itemsOf(`${header}

Punkt 1: CF - Første

Beslutning

Godkendt.

${header}

Punkt 2: CF - Anden

Bilag

Notat

${header}

Punkt 3: CF - Tredje

Beslutning

Intet.`);
    expect(items.map((item) => item.decision)).toEqual(['Godkendt.', null, 'Intet.']);
    expect(items[1]?.attachments).toEqual([{ title: 'Notat' }]);
  });
});
