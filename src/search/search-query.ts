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
  /**
   * The word as the first part of a compound (see findCompoundPrefix): every stem beginning
   * with it matches too. Null for a word that does not expand.
   */
  prefix: string | null;
}

/** A parsed search text. */
export interface ParsedSearch {
  terms: SearchTerm[];
  /** Stems of quoted phrases of two or more words. */
  phrases: string[][];
  /** Journal numbers or KLE subjects written in the text, upper-cased ("15/13392"). */
  caseNumbers: string[];
}

/**
 * A loose term with the stems it stands for: itself first, then compounds from the
 * vocabulary, and every stem beginning with `prefix` (the compounds it begins). Engines write
 * the prefix as one prefix term, so a word stays one term and its prefix however many
 * compounds begin with it; of the alternatives, only those the prefix does not cover are
 * written out (see exactAlternatives).
 */
export interface TermGroup {
  stem: string;
  alternatives: string[];
  prefix?: string | null;
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
/**
 * A compound prefix has at least this many letters (fewer when the word is shorter): the
 * stem of "ledelse" is "led", which begins "ledig" and "ledning" too, while "ledel" begins
 * only "ledelse", "ledelses…" and "ledelsen".
 */
const shortestCompoundPrefix = 5;
/** Shorter words begin too many unrelated ones ("sag" begins "sagde"). */
const shortestPrefixedWord = 4;
/**
 * A rare word this long also finds the stems one letter from it: in a long compound that is
 * the same word spelt otherwise, most often with or without a linking s
 * ("sygefraværsstatistik", "sygefraværstatistik").
 */
const shortestVariedRareWord = 9;
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
  const addTerm = (word: string, stem: string, canExpand: boolean) => {
    if (seen.has(stem)) return;
    seen.add(stem);
    const isExpanded = canExpand && isExpandable(stem);
    terms.push({
      stem,
      canExpand: isExpanded,
      prefix: isExpanded ? findCompoundPrefix(word, stem) : null,
    });
  };
  let wordCount = 0;
  for (const [index, segment] of segments.entries()) {
    const isQuoted = index % 2 === 1;
    const words = findWords(segment).map((span) => span.word);
    wordCount += words.length;
    const stemmed = words
      .filter((word) => isQuoted || !danishQuestionWords.has(word))
      .map((word) => ({ word, stem: stemWord(word) }))
      .filter((entry) => entry.stem !== '');
    if (!isQuoted) for (const { word, stem } of stemmed) addTerm(word, stem, true);
    else if (stemmed.length === 1) addTerm(stemmed[0]?.word ?? '', stemmed[0]?.stem ?? '', false);
    else if (stemmed.length > 1) phrases.push(stemmed.map((entry) => entry.stem));
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

/**
 * The beginning a compound has when this word is its first part, or null for a word too short
 * to begin compounds: the word cut to its stem, but to no fewer than five letters. Danish
 * joins the parts with a linking -s- or -e- ("ledelse" + "information" is
 * "ledelsesinformation", "sygefravær" + "statistik" is "sygefraværsstatistik"), and a prefix
 * match covers those as it stands. The stem alone would not do: "ledelse" stems to "led",
 * which begins "ledig" too, while "ledelsesinformation" stems to itself.
 */
export function findCompoundPrefix(word: string, stem: string): string | null {
  const written = word.normalize('NFC');
  if (written.length < shortestPrefixedWord || !isExpandable(stem)) return null;
  // The Snowball stem is the word's beginning; should it not be, the stem must do alone.
  if (!written.startsWith(stem)) return stem.length >= shortestCompoundPrefix ? stem : null;
  return written.slice(0, Math.max(stem.length, shortestCompoundPrefix));
}

/** What expansion needs to ask an engine's index. */
export interface ExpansionSource {
  /** How many items the index holds. */
  countItems(): Promise<number>;
  /** How many items contain a stem, counting no further than `atMost`. */
  countItemsWith(stem: string, atMost: number): Promise<number>;
  /**
   * How the engine matches the stems beginning with a compound prefix: null when it matches
   * the prefix itself as one term, or the stems to name one by one instead (the most frequent,
   * capped by the engine) when so many begin with it that a prefix term would cost too much.
   */
  findTermsBeginning(prefix: string): Promise<string[] | null>;
  /**
   * Vocabulary stems containing a part, shortest first, capped by the engine; those beginning
   * with `coveredPrefix` (which the query matches as a prefix anyway) are left out, so that
   * they do not use up the cap.
   */
  findTermsContaining(part: string, coveredPrefix: string | null): Promise<string[]>;
  /** Vocabulary stems containing a part, those nearest a length first, capped by the engine. */
  findTermsNearLength: FindTermsNearLength;
}

/**
 * Adds compound expansions, in two ways:
 * - every expandable word matches the stems that begin with its compound prefix ("budget"
 *   finds "budgetaftalen", "budgetkatalog", "budgetopfølgning"; "ledelse" finds
 *   "ledelsesinformation"), however common it is. The engines match the prefix as one term
 *   (FTS5 `"budge"*`, tsquery `'budge':*`) beside the word itself, so that the query grows by
 *   one term per word and the ranking weighs the compounds a word begins together, as one
 *   word; where thousands of stems begin with it, an engine may name its most frequent ones
 *   instead (findTermsBeginning);
 * - a rare word also matches the vocabulary stems that contain it elsewhere ("fravær" →
 *   "sygefravær"), at most `maximumExpansions` of them. Each of these is a term of its own in
 *   the query and, on SQLite, in bm25, where the rare compounds of a common word would each
 *   weigh as a rare word and drown the other words of a question ("besluttet" next to
 *   "Aula"); so only a rare word takes them, and its compounds are no rarer than itself.
 * A word found nowhere, not even inside a compound, is taken for a spelling variant of a
 * known one; a long rare word also finds the stems one letter from it.
 */
export async function expandSearch(
  search: ParsedSearch,
  source: ExpansionSource,
): Promise<ExpandedSearch> {
  const groups: TermGroup[] = [];
  let rareLimit: number | null = null;
  for (const term of search.terms) {
    if (!term.canExpand) {
      groups.push({ stem: term.stem, alternatives: [term.stem], prefix: null });
      continue;
    }
    const named = term.prefix ? await source.findTermsBeginning(term.prefix) : null;
    const prefix = named === null ? term.prefix : null;
    let found = named ?? [];
    rareLimit ??= Math.max(minimumRareLimit, Math.ceil((await source.countItems()) * rareShare));
    const matches = await source.countItemsWith(term.stem, rareLimit + 1);
    if (matches <= rareLimit)
      found = [...found, ...(await source.findTermsContaining(term.stem, prefix))];
    if (matches === 0 && found.length === 0 && !(await isInVocabulary(term.stem, source)))
      found = await findSpellingVariants(term.stem, source.findTermsNearLength);
    else if (matches <= rareLimit && term.stem.length >= shortestVariedRareWord)
      found = [...found, ...(await findSpellingVariants(term.stem, source.findTermsNearLength, 1))];
    groups.push({
      stem: term.stem,
      alternatives: [term.stem, ...new Set(found.filter((candidate) => candidate !== term.stem))],
      prefix,
    });
  }
  return { ...search, groups };
}

/** Whether some vocabulary stem contains this one (as a compound its prefix covers, say). */
async function isInVocabulary(stem: string, source: ExpansionSource): Promise<boolean> {
  return (await source.findTermsContaining(stem, null)).length > 0;
}

/**
 * A group's stems to match exactly: the word's own stem, which keeps its own weight beside the
 * prefix (an item with the word itself ranks above one with only a compound of it), and the
 * compounds the prefix does not cover.
 */
export function exactAlternatives(group: TermGroup): string[] {
  const prefix = group.prefix;
  if (!prefix) return group.alternatives;
  return group.alternatives.filter((stem) => stem === group.stem || !stem.startsWith(prefix));
}

/**
 * The stems a hit's words may have because of a search: exact stems, and those beginning
 * with a compound prefix. A ReadonlySet of stems is one too.
 */
export interface MatchingStems {
  has(stem: string): boolean;
  readonly size: number;
}

/** Every stem a hit can contain because of this search: for marking words in snippets. */
export function collectMatchingStems(search: ExpandedSearch): MatchingStems {
  const stems = new Set([
    ...search.groups.flatMap((group) => group.alternatives),
    ...search.phrases.flat(),
  ]);
  const prefixes = search.groups.flatMap((group) => (group.prefix ? [group.prefix] : []));
  return {
    has: (stem) => stems.has(stem) || prefixes.some((prefix) => stem.startsWith(prefix)),
    size: stems.size + prefixes.length,
  };
}
