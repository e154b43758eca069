import { createRequire } from 'node:module';

/**
 * Danish words for search: a tokenizer (letters incl. æøå and digits, lowercased), the Snowball
 * stop-word list and the Snowball Danish stemmer (the same stems as PostgreSQL's `danish`
 * configuration), with a cache because indexing meets the same words again and again.
 */

interface SnowballStemmer {
  stem(word: string): string;
}

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(language: string): SnowballStemmer };
const stemmer = snowball.newStemmer('danish');

/** Snowball's Danish stop words (also PostgreSQL's danish.stop): never indexed, never searched. */
export const danishStopWords: ReadonlySet<string> = new Set(
  (
    'og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om ' +
    'vi min havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv ' +
    'her alle vil blev kunne ind når være dog noget ville jo deres efter ned skulle denne end ' +
    'dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis din ' +
    'nogle hos blive mange ad bliver hendes været thi jer sådan'
  ).split(' '),
);

/**
 * Question words that carry no topic. They are indexed (minutes use them in headings) but
 * dropped from queries, because a rare "hvordan" would otherwise outweigh the real subject
 * of a question such as "Hvordan går det med Aula?".
 */
export const danishQuestionWords: ReadonlySet<string> = new Set([
  'hvornår',
  'hvem',
  'hvilke',
  'hvilken',
  'hvilket',
  'hvordan',
  'hvorfor',
  'hvorledes',
]);

/** Longer tokens are noise (glued PDF text, links) and are skipped. */
const maximumWordLength = 60;
/** The cache is cleared when it grows past this, which bounds memory on odd input. */
const maximumCachedWords = 500_000;
const stemCache = new Map<string, string>();

/** The stem of a lowercase word, or '' for a stop word. */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = danishStopWords.has(word) ? '' : stemmer.stem(word.normalize('NFC'));
    if (stemCache.size >= maximumCachedWords) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

// -1 unknown, 0 no, 1 yes, for each UTF-16 code unit: a regex test once per character, then
// a table look-up, which keeps the indexing loop free of regular expressions.
const wordCharacters = new Int8Array(65536).fill(-1);
const wordCharacterPattern = /^[\p{L}\p{N}\p{M}]$/u;

function isWordCharacter(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  let known = wordCharacters[code] ?? 0;
  if (known === -1) {
    known =
      code >= 0xd800 && code <= 0xdfff
        ? 0
        : wordCharacterPattern.test(String.fromCharCode(code))
          ? 1
          : 0;
    wordCharacters[code] = known;
  }
  return known === 1;
}

/**
 * Appends the stems of a text's words, stop words left out, in order: what the index stores.
 * This is the hot loop of indexing, so it scans character codes rather than using a regex.
 */
export function appendStems(text: string | null | undefined, stems: string[]): void {
  if (!text) return;
  const lower = text.toLowerCase();
  const length = lower.length;
  let start = -1;
  for (let index = 0; index <= length; index++) {
    if (index < length && isWordCharacter(lower.charCodeAt(index))) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      if (index - start <= maximumWordLength) {
        const stem = stemWord(lower.slice(start, index));
        if (stem !== '') stems.push(stem);
      }
      start = -1;
    }
  }
}

/** A word in a text: where it is, as written, and lowercased. */
export interface WordSpan {
  start: number;
  end: number;
  word: string;
}

/** The words of a text with their positions in the original (for snippets and queries). */
export function findWords(text: string): WordSpan[] {
  const words: WordSpan[] = [];
  let start = -1;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && isWordCharacter(text.charCodeAt(index))) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      if (index - start <= maximumWordLength)
        words.push({ start, end: index, word: text.slice(start, index).toLowerCase() });
      start = -1;
    }
  }
  return words;
}
