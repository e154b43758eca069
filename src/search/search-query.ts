import { danishQuestionWords, findWords, stemWord } from './danish-words.ts';
import { SearchQueryError } from './search-provider.ts';
import { type FindTermsNearLength, findSpellingVariants } from './spelling-variants.ts';

/**
 * What a user's search text asks for, engine-neutral: loose words (OR-ed and ranked, so a
 * question in plain Danish still finds things), "quoted phrases" (required, words adjacent)
 * and journal numbers (which filter rather than match text).
 */

/** A loose query word as its stem; only unquoted words may expand to compounds. */
export interface SearchTerm {
  stem: string;
  canExpand: boolean;
}

/** A parsed search text. */
export interface ParsedSearch {
  terms: SearchTerm[];
  /** Stems of quoted phrases of two or more words. */
  phrases: string[][];
  /** Journal numbers or KLE subjects written in the text, upper-cased ("15/13392"). */
  caseNumbers: string[];
}

/** A loose term with the vocabulary stems it stands for: itself first, then compounds. */
export interface TermGroup {
  stem: string;
  alternatives: string[];
}

/** A parsed search with its compound expansions, ready for an engine to turn into SQL. */
export interface ExpandedSearch extends ParsedSearch {
  groups: TermGroup[];
}

// KLE numbers and subjects (00.01.00-A00-3-17, 85.13.05), 15/13392 and 2012-28504 forms. A
// long-year form needs five digits, so that "2017-2020" stays two years.
const caseNumberPattern =
  /(?<![\p{L}\p{N}./-])(\d{2}\.\d{2}\.\d{2}(?:-[\p{L}]\d{2}(?:-\d{1,7}(?:-\d{2})?)?)?|\d{2}\/\d{3,7}|(?:19|20)\d{2}[-/]\d{5,7})(?![\p{L}\p{N}/]|\.\d)/gu;
const typographicQuotes = /[“”„‟«»]/gu;
/** Shorter parts find too many unrelated compounds ("ar" in half the vocabulary). */
const shortestExpandablePart = 3;
/** A word in at most this share of the items (or `minimumRareLimit` items) is rare. */
const rareShare = 0.01;
const minimumRareLimit = 2;

/**
 * Reads a search text. Throws SearchQueryError (a Danish one-line message) when nothing is
 * left to search for: an empty text, only stop words, or an unbalanced quote.
 */
export function parseSearchText(text: string): ParsedSearch {
  const normalized = text.replace(typographicQuotes, '"');
  if ((normalized.match(/"/gu) ?? []).length % 2 === 1)
    throw new SearchQueryError(
      'et anførselstegn mangler sin afslutning; sæt " før og efter en frase',
    );
  const caseNumbers = [...normalized.matchAll(caseNumberPattern)].map((match) =>
    (match[1] ?? '').toUpperCase(),
  );
  const segments = normalized.replace(caseNumberPattern, ' ').split('"');
  const terms: SearchTerm[] = [];
  const phrases: string[][] = [];
  const seen = new Set<string>();
  const addTerm = (stem: string, canExpand: boolean) => {
    if (seen.has(stem)) return;
    seen.add(stem);
    terms.push({ stem, canExpand: canExpand && isExpandable(stem) });
  };
  let wordCount = 0;
  for (const [index, segment] of segments.entries()) {
    const isQuoted = index % 2 === 1;
    const words = findWords(segment).map((span) => span.word);
    wordCount += words.length;
    const stems = words
      .filter((word) => isQuoted || !danishQuestionWords.has(word))
      .map(stemWord)
      .filter((stem) => stem !== '');
    if (!isQuoted) for (const stem of stems) addTerm(stem, true);
    else if (stems.length === 1) addTerm(stems[0] ?? '', false);
    else if (stems.length > 1) phrases.push(stems);
  }
  if (terms.length === 0 && phrases.length === 0 && caseNumbers.length === 0) {
    throw new SearchQueryError(
      wordCount === 0
        ? 'skriv et eller flere ord at søge efter'
        : 'søgningen består kun af småord som "og", "i" og "hvad"; tilføj et ord om emnet',
    );
  }
  return { terms, phrases, caseNumbers: [...new Set(caseNumbers)] };
}

/** True when the search has words to match, not only journal numbers. */
export function hasSearchWords(search: ParsedSearch): boolean {
  return search.terms.length > 0 || search.phrases.length > 0;
}

function isExpandable(stem: string): boolean {
  return stem.length >= shortestExpandablePart && !/\p{N}/u.test(stem);
}

/** What expansion needs to ask an engine's index. */
export interface ExpansionSource {
  /** How many items the index holds. */
  countItems(): Promise<number>;
  /** How many items contain a stem, counting no further than `atMost`. */
  countItemsWith(stem: string, atMost: number): Promise<number>;
  /** Vocabulary stems containing a part, shortest first, capped by the engine. */
  findTermsContaining(part: string): Promise<string[]>;
  /** Vocabulary stems containing a part, those nearest a length first, capped by the engine. */
  findTermsNearLength: FindTermsNearLength;
}

/**
 * Adds compound expansions: an expandable term also matches the vocabulary stems that contain
 * it ("fravær" → "sygefravær", "sygefraværsstatistik"). Only a word that is itself rare
 * expands: a common word already finds plenty, and its many compounds, each weighed as a word
 * of its own, would drown the other words of the question ("besluttet" next to "Aula"). A word
 * found nowhere, not even inside a compound, is taken for a spelling variant of a known one.
 */
export async function expandSearch(
  search: ParsedSearch,
  source: ExpansionSource,
): Promise<ExpandedSearch> {
  const groups: TermGroup[] = [];
  let rareLimit: number | null = null;
  for (const term of search.terms) {
    let found: string[] = [];
    if (term.canExpand) {
      rareLimit ??= Math.max(minimumRareLimit, Math.ceil((await source.countItems()) * rareShare));
      const matches = await source.countItemsWith(term.stem, rareLimit + 1);
      if (matches <= rareLimit) found = await source.findTermsContaining(term.stem);
      if (matches === 0 && found.length === 0)
        found = await findSpellingVariants(term.stem, source.findTermsNearLength);
    }
    groups.push({
      stem: term.stem,
      alternatives: [term.stem, ...found.filter((candidate) => candidate !== term.stem)],
    });
  }
  return { ...search, groups };
}

/** Every stem a hit can contain because of this search: for marking words in snippets. */
export function collectMatchingStems(search: ExpandedSearch): Set<string> {
  return new Set([
    ...search.groups.flatMap((group) => group.alternatives),
    ...search.phrases.flat(),
  ]);
}
