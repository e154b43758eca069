/**
 * A forum's abbreviation, as minutes put it before item titles ("CF - Evt.").
 * The forum's own record carries it; when a document has only the name, the Danish habit of
 * taking the initials of a compound's parts gives it: Chefforum → CF, Økonomiudvalget → ØU,
 * Børne- og Skoleudvalget → BSU, Kommunalbestyrelsen → KB.
 */

const bodySuffixes = [
  'forummet',
  'forum',
  'udvalget',
  'udvalg',
  'bestyrelsen',
  'bestyrelse',
  'rådet',
  'råd',
  'gruppen',
  'gruppe',
  'direktionen',
  'direktion',
  'ledelsen',
  'ledelse',
  'komiteen',
  'komité',
];

/** Derives an abbreviation from a forum's name; returns the name itself if nothing fits. */
export function deriveForumAbbreviation(forumName: string): string {
  const words = forumName
    .split(/\s+|-(?=\p{Lu})/u)
    .filter((word) => word !== '' && !/^(?:og|for|i|af|til|&)$/iu.test(word));
  const initials = words.flatMap(initialsOfWord);
  const abbreviation = initials.join('').toUpperCase();
  return abbreviation.length >= 2 ? abbreviation : forumName.trim();
}

function initialsOfWord(word: string): string[] {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters === '') return [];
  if (letters.length <= 4 && letters === letters.toUpperCase()) return [letters];
  const lower = letters.toLowerCase();
  const suffix = bodySuffixes.find(
    (candidate) => lower.endsWith(candidate) && lower.length > candidate.length,
  );
  const first = letters.charAt(0);
  return suffix ? [first, suffix.charAt(0)] : [first];
}
