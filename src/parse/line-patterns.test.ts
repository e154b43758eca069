import { describe, expect, it } from 'vitest';
import { inlineSectionHeading, pointItemHeading, sectionHeadingKind } from './line-patterns.ts';

describe('sectionHeadingKind', () => {
  it.each([
    ['Anledning', 'background'],
    ['Sagsresumé', 'background'],
    ['BAGGRUND', 'background'],
    ['Sagsfremstilling:', 'presentation'],
    ['Sagens indhold', 'presentation'],
    ['Redegørelse', 'presentation'],
    ['Indstilling', 'recommendation'],
    ['Direktionens indstilling', 'recommendation'],
    ['Beslutning', 'decision'],
    ['Afgørelse', 'decision'],
    ['Økonomiudvalgets beslutning', 'decision'],
    ['BESLUTNING I CHEFFORUM DEN 05-11-2015', 'decision'],
    ['Bilag', 'attachments'],
    ['Afbud', 'absent'],
  ])('reads "%s" as %s', (heading, kind) => {
    expect(sectionHeadingKind(heading)).toBe(kind);
  });

  it('does not take ordinary sentences for headings', () => {
    for (const line of [
      'Kommunaldirektøren indstiller,',
      'Beslutningen blev udsat.',
      'Sagen blev drøftet grundigt af Chefforum, som bakkede op.',
    ])
      expect(sectionHeadingKind(line)).toBeNull();
  });

  it('finds a heading with its text on the same line', () => {
    expect(inlineSectionHeading('Afgørelse: Godkendt.')).toEqual({
      kind: 'decision',
      text: 'Godkendt.',
    });
  });
});

describe('pointItemHeading', () => {
  it('reads "Punkt" headings with and without a colon, and leaves prose alone', () => {
    expect(pointItemHeading('Punkt 3: CF - Budget')).toEqual({ number: 3, title: 'CF - Budget' });
    expect(pointItemHeading('Punkt 3 Budget 2019')).toEqual({ number: 3, title: 'Budget 2019' });
    expect(pointItemHeading('Pkt. 4 Evt.')).toEqual({ number: 4, title: 'Evt.' });
    expect(pointItemHeading('punkt 2 i sidste referat')).toBeNull();
  });
});
