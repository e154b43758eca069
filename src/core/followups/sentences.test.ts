import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitDecision, splitSentences } from './sentences.ts';

const chefforum = /^chefforum/iu;

describe('splitSentences', () => {
  it('does not end a sentence at Danish abbreviations or in a date', () => {
    expect(
      splitSentences(
        'Cheferne sender forslag til Bente d. 21. juni, jf. aftalen, bl.a. om ca. 20. mio. kr. Evt. ændringer meldes ind kl. 12. Mie sender ph.d. pr. mail.',
      ),
    ).toEqual([
      'Cheferne sender forslag til Bente d. 21. juni, jf. aftalen, bl.a. om ca. 20. mio. kr.',
      'Evt. ændringer meldes ind kl. 12.',
      'Mie sender ph.d. pr. mail.',
    ]);
  });

  it('ends a sentence after a year and before a capital', () => {
    expect(
      splitSentences('De skal være på plads d. 26.juni 2017. Cheferne skal indsende.'),
    ).toEqual(['De skal være på plads d. 26.juni 2017.', 'Cheferne skal indsende.']);
  });

  it('keeps every letter of the text, in order', () => {
    const words = [
      'Cheferne',
      'skal',
      'd.',
      '21.',
      'juni',
      'Mette',
      'sender.',
      'bl.a.',
      'Hvad?',
      'ja!',
    ];
    const letters = (text: string) => text.replace(/[^\p{L}]/gu, '');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 30 }), (chosen) => {
        const text = chosen.join(' ');
        const sentences = splitSentences(text);
        for (const sentence of sentences) expect(text).toContain(sentence);
        expect(letters(sentences.join(''))).toBe(letters(text));
      }),
    );
  });
});

describe('splitDecision', () => {
  it('makes each bullet a sentence and joins wrapped lines', () => {
    const units = splitDecision(
      'Følgende blev aftalt:\n- Susanne redigerer\nteksten\n- Helle skriver',
      chefforum,
    );
    expect(units.map((unit) => unit.text)).toEqual([
      'Følgende blev aftalt:',
      'Susanne redigerer teksten',
      'Helle skriver',
    ]);
  });

  it('skips the bullets of a presentation until the forum speaks again', () => {
    const units = splitDecision(
      'Mie præsenterede oplæg om ledelse:\n\n- Vi skal arbejde mere på tværs\n\nflere steder\n\n- Netværk er løsningen\n\nChefforum drøftede oplægget:\n\n- Teksten omformuleres',
      chefforum,
    );
    expect(units.map((unit) => unit.text)).toEqual([
      'Mie præsenterede oplæg om ledelse:',
      'Chefforum drøftede oplægget:',
      'Teksten omformuleres',
    ]);
  });

  it('marks what follows a presentation as reported until the forum speaks', () => {
    const units = splitDecision(
      'Chefen for Skoler præsenterede Chefforum for AULA, et nyt IT-system på skolerne.\n\nSystemet skal implementeres i 2019.\n\nChefforum drøftede strategien.',
      chefforum,
    );
    expect(units.map((unit) => unit.isReported)).toEqual([false, true, false]);
    const short = splitDecision(
      'Jette orienterede om organisationen. Der bookes et møde.',
      chefforum,
    );
    expect(short.map((unit) => unit.isReported)).toEqual([false, false]);
  });
});
