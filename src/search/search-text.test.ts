import { describe, expect, it } from 'vitest';
import { appendStems, findWords, stemWord } from './danish-words.ts';
import type { IndexableItem } from './indexable-items.ts';
import { buildTsqueries, buildTsvectorText } from './postgres-text-search.ts';
import { SearchQueryError } from './search-provider.ts';
import {
  collectMatchingStems,
  type ExpandedSearch,
  findCompoundPrefix,
  parseSearchText,
} from './search-query.ts';
import { buildSnippet } from './snippet.ts';
import { measureEditDistance } from './spelling-variants.ts';
import { buildMatchExpression } from './sqlite-match-expression.ts';

const stemsOf = (text: string) => {
  const stems: string[] = [];
  appendStems(text, stems);
  return stems;
};

describe('Danish words', () => {
  it('stems words, keeps æ, ø and å, and drops stop words', () => {
    expect(stemsOf('Fælles om MÅLET; sygefraværsstatistikken og det malede hus')).toEqual([
      stemWord('fælles'),
      'mål',
      'sygefraværsstatistik',
      stemWord('malede'),
      'hus',
    ]);
    expect(stemWord('malet')).not.toBe(stemWord('målet'));
  });

  it('finds words with their place in the original text', () => {
    expect(findWords('Aula – nyt forældreintra!')).toEqual([
      { start: 0, end: 4, word: 'aula' },
      { start: 7, end: 10, word: 'nyt' },
      { start: 11, end: 24, word: 'forældreintra' },
    ]);
  });
});

describe('search text', () => {
  it('keeps the topic of a question and drops its small words', () => {
    expect(parseSearchText('Hvad blev besluttet om Aula?')).toEqual({
      terms: [
        { stem: stemWord('besluttet'), canExpand: true, prefix: 'beslut' },
        { stem: 'aula', canExpand: true, prefix: 'aula' },
      ],
      phrases: [],
      caseNumbers: [],
    });
  });

  it('reads quoted phrases, and a quoted word as exact', () => {
    const parsed = parseSearchText('„Fælles om målet“ "Aula" 2017');
    expect(parsed.phrases).toEqual([[stemWord('fælles'), 'mål']]);
    expect(parsed.terms).toEqual([
      { stem: 'aula', canExpand: false, prefix: null },
      { stem: '2017', canExpand: false, prefix: null },
    ]);
  });

  it('gives a word the prefix its compounds begin with, linking -s- and -e- included', () => {
    // "ledelse" stems to "led", which also begins "ledig"; its compounds begin "ledelse…".
    expect(stemWord('ledelse')).toBe('led');
    expect(findCompoundPrefix('ledelse', 'led')).toBe('ledel');
    expect(findCompoundPrefix('ledelsen', 'led')).toBe('ledel');
    expect(findCompoundPrefix('budget', stemWord('budget'))).toBe('budge');
    expect(findCompoundPrefix('sygefraværet', stemWord('sygefraværet'))).toBe('sygefravær');
    expect(findCompoundPrefix('plan', 'plan')).toBe('plan');
    // Three letters begin too many unrelated words; numbers never expand.
    expect(findCompoundPrefix('sag', 'sag')).toBeNull();
    expect(findCompoundPrefix('covid19', 'covid19')).toBeNull();
    // Written in decomposed form (å as a + ring), as some keyboards and PDFs give it.
    expect(findCompoundPrefix('ma\u030alet', 'mål')).toBe('målet');
    for (const [word, compound] of [
      ['ledelse', 'ledelsesinformation'],
      ['sygefravær', 'sygefraværsstatistikken'],
      ['budget', 'budgetopfølgningen'],
      ['skole', 'skolebestyrelsen'],
    ] as const) {
      const [term] = parseSearchText(word).terms;
      expect(stemWord(compound).startsWith(term?.prefix ?? '∅'), compound).toBe(true);
    }
  });

  it('reads journal numbers as filters, not as words', () => {
    expect(parseSearchText('15/13392').caseNumbers).toEqual(['15/13392']);
    expect(parseSearchText('sag 00.01.10-p20-1-17 netværk')).toMatchObject({
      caseNumbers: ['00.01.10-P20-1-17'],
      terms: [{ stem: 'sag' }, { stem: stemWord('netværk') }],
    });
    expect(parseSearchText('85.13.05').caseNumbers).toEqual(['85.13.05']);
    expect(parseSearchText('helhedsplan 2017-2020').caseNumbers).toEqual([]);
  });

  it.each([
    ['', 'skriv et eller flere ord at søge efter'],
    ['og i at', 'søgningen består kun af småord som "og", "i" og "hvad"; tilføj et ord om emnet'],
    ['"netværk', 'et anførselstegn mangler sin afslutning; sæt " før og efter en frase'],
  ])('refuses %j', (text, message) => {
    expect(() => parseSearchText(text)).toThrow(new SearchQueryError(message));
  });
});

describe('snippets', () => {
  const stems = new Set(['sygefravær', 'langtidsfravær']);

  it('marks matched words in the original text and drops Markdown marks', () => {
    expect(buildSnippet(['**Status:** Sygefraværet og langtidsfraværet steg.'], stems)).toBe(
      'Status: [[Sygefraværet]] og [[langtidsfraværet]] steg.',
    );
  });

  it('shows the window with the most matched words, with ellipses where text is cut', () => {
    const filler = Array.from({ length: 40 }, (_, index) => `ord${index}`).join(' ');
    const snippet = buildSnippet([`${filler} sygefravær midt i ${filler}`], stems);
    expect(snippet).toMatch(/^….*\[\[sygefravær\]\] midt i .*…$/u);
    expect(snippet.split(' ').length).toBeLessThanOrEqual(32);
  });

  it('prefers the section with more different matches and falls back to the first text', () => {
    expect(buildSnippet(['intet her', 'sygefravær og langtidsfravær'], stems)).toBe(
      '[[sygefravær]] og [[langtidsfravær]]',
    );
    expect(buildSnippet([null, 'Ingen træf her.'], stems)).toBe('Ingen træf her.');
    expect(buildSnippet([null, ''], stems)).toBe('');
  });
});

describe('spelling variants', () => {
  it('measures edit distance with transpositions, giving up past the limit', () => {
    expect(measureEditDistance('sygefraværsstatistik', 'sygefraværstatistik', 2)).toBe(1);
    expect(measureEditDistance('budget', 'bugdet', 2)).toBe(1);
    expect(measureEditDistance('budget', 'aula', 2)).toBe(3);
  });
});

describe('engine queries', () => {
  const search: ExpandedSearch = {
    terms: [],
    phrases: [['fæl', 'mål']],
    caseNumbers: [],
    groups: [
      { stem: 'fravær', alternatives: ['fravær', 'sygefravær'] },
      { stem: 'aula', alternatives: ['aula'] },
    ],
  };
  const prefixed: ExpandedSearch = {
    terms: [],
    phrases: [],
    caseNumbers: [],
    groups: [
      { stem: 'budg', alternatives: ['budg'], prefix: 'budge' },
      // A compound the prefix covers is not repeated as a term of its own; the word is, so
      // that an item with the word itself weighs more than one with only a compound.
      {
        stem: 'fravær',
        alternatives: ['fravær', 'fraværsdag', 'sygefravær'],
        prefix: 'fravær',
      },
    ],
  };

  it('writes a compound prefix as one prefix term on both engines', () => {
    expect(buildMatchExpression(prefixed, false)).toBe(
      '("budg" OR "budge"*) OR ("fravær" OR "sygefravær" OR "fravær"*)',
    );
    expect(buildTsqueries(prefixed, false).parts).toEqual([
      "('budg' | 'budge':*)",
      "('fravær' | 'sygefravær' | 'fravær':*)",
    ]);
    expect(buildTsqueries(prefixed, true).selection).toBe(
      "('budg':B | 'budge':*B) | ('fravær':B | 'sygefravær':B | 'fravær':*B)",
    );
  });

  it('marks the words a prefix matches in snippets, and only those', () => {
    const stems = collectMatchingStems(prefixed);
    expect(stems.has(stemWord('budgetopfølgningen'))).toBe(true);
    expect(stems.has(stemWord('budget'))).toBe(true);
    expect(stems.has(stemWord('sygefraværet'))).toBe(true);
    expect(stems.has(stemWord('bud'))).toBe(false);
    expect(buildSnippet(['Budgetopfølgningen viser et budget i balance.'], stems)).toBe(
      '[[Budgetopfølgningen]] viser et [[budget]] i balance.',
    );
  });

  it('writes FTS5 expressions: phrases required, words and compounds OR-ed', () => {
    expect(buildMatchExpression(search, false)).toBe(
      '"fæl mål" AND ("fæl mål" OR ("fravær" OR "sygefravær") OR "aula")',
    );
    expect(buildMatchExpression({ ...search, phrases: [] }, true)).toBe(
      '{decision} : (("fravær" OR "sygefravær") OR "aula")',
    );
  });

  it('writes tsqueries, weight B for the decision only', () => {
    expect(buildTsqueries(search, false)).toEqual({
      selection: "('fæl' <-> 'mål')",
      parts: ["('fæl' <-> 'mål')", "('fravær' | 'sygefravær')", "('aula')"],
    });
    expect(buildTsqueries({ ...search, phrases: [] }, true).selection).toBe(
      "('fravær':B | 'sygefravær':B) | ('aula':B)",
    );
  });

  it('writes a tsvector with weighted positions and a gap between fields', () => {
    const item = {
      titleStems: ['aula', 'nyt'],
      decisionStems: ['aula'],
      bodyStems: ['skol'],
    } as IndexableItem;
    expect(buildTsvectorText(item)).toBe("'aula':1A,13B 'nyt':2A 'skol':24");
  });
});
