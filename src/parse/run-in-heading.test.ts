import { describe, expect, it } from 'vitest';
import { parseMinutesText } from './minutes-parser.ts';
import { runInSectionHeading } from './run-in-heading.ts';

describe('runInSectionHeading', () => {
  it.each([
    ['Beslutning Chefforum godkendte dagsordenen.', 'decision', 'Chefforum godkendte dagsordenen.'],
    ['Sagsfremstilling Der er et problem.', 'presentation', 'Der er et problem.'],
    ['Anledning Godkendelse af dagsorden', 'background', 'Godkendelse af dagsorden'],
    [
      'Indstilling Kommunaldirektøren indstiller, 1. at …',
      'recommendation',
      'Kommunaldirektøren indstiller, 1. at …',
    ],
    ['Bilag 1. Notat om budgettet', 'attachments', '1. Notat om budgettet'],
    ['BESLUTNING Godkendt.', 'decision', 'Godkendt.'],
    [
      'BESLUTNING I CHEFFORUM DEN 05-11-2015 Chefforum drøftede sagen.',
      'decision',
      'Chefforum drøftede sagen.',
    ],
  ])('splits "%s"', (line, kind, text) => {
    expect(runInSectionHeading(line)).toEqual({ kind, text });
  });

  it.each([
    'Beslutningen blev udsat til næste møde.',
    'Indstillingen blev godkendt.',
    'Beslutning om budgettet træffes i juni.',
    'Bilag 2 viser udviklingen.',
    'Bilag 1: Notat om budgettet',
    'Sagen Chefforum drøftede',
    'beslutning Chefforum godkendte',
  ])('leaves "%s" alone', (line) => {
    expect(runInSectionHeading(line)).toBeNull();
  });
});

describe('a heading and its text on one line, in minutes', () => {
  const { meeting } = parseMinutesText(`REFERAT Chefforum d. 01-02-2019

Punkt 1: CF - Godkendelse

Anledning Godkendelse af dagsorden og referat

Sagsfremstilling Der er et problem. Beslutningen fra sidste møde står ved magt.

Indstilling Kommunaldirektøren indstiller, 1. at chefforum godkender dagsordenen 2. at chefforum godkender referatet fra d. 2. maj

Beslutning Chefforum godkendte dagsorden og referat.

Beslutningen blev taget enstemmigt.

Indstillingen blev fulgt.

Bilag Notat om dagsordenen

Referat fra mødet d. 2. maj
`);
  const [item] = meeting.items;

  it('splits every section from its text', () => {
    expect(item?.background).toBe('Godkendelse af dagsorden og referat');
    expect(item?.presentation).toBe(
      'Der er et problem. Beslutningen fra sidste møde står ved magt.',
    );
    expect(item?.recommendation).toEqual({
      proposer: 'Kommunaldirektøren',
      points: [
        'at chefforum godkender dagsordenen',
        'at chefforum godkender referatet fra d. 2. maj',
      ],
    });
    expect(item?.attachments).toEqual([
      { title: 'Notat om dagsordenen' },
      { title: 'Referat fra mødet d. 2. maj' },
    ]);
  });

  it('keeps sentences that start with the same words as text', () => {
    expect(item?.decision).toBe(
      'Chefforum godkendte dagsorden og referat.\n\nBeslutningen blev taget enstemmigt.\n\nIndstillingen blev fulgt.',
    );
  });
});
