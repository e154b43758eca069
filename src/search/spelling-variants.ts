/**
 * Spelling variants for a word the index has never seen: "sygefraværsstatistik" when the
 * minutes write "sygefraværstatistik", or a typo. Candidates share one half of the word (a
 * trigram look-up each), and the closest by edit distance win.
 */

/** Asks the vocabulary for stems containing a part, those nearest a length first. */
export type FindTermsNearLength = (part: string, length: number) => Promise<string[]>;

/** Shorter words have too many neighbours one edit away to guess from. */
const shortestGuessedWord = 5;
const maximumVariants = 3;

/**
 * Vocabulary stems within one edit (two for long words, or at most `maximumDistance`) of a
 * stem, closest first.
 */
export async function findSpellingVariants(
  stem: string,
  findTermsNearLength: FindTermsNearLength,
  maximumDistance = 2,
): Promise<string[]> {
  if (stem.length < shortestGuessedWord) return [];
  const allowed = Math.min(maximumDistance, stem.length >= 9 ? 2 : 1);
  const half = Math.ceil(stem.length / 2);
  const candidates = new Set([
    ...(await findTermsNearLength(stem.slice(0, half), stem.length)),
    ...(await findTermsNearLength(stem.slice(stem.length - half), stem.length)),
  ]);
  return [...candidates]
    .map((term) => ({ term, distance: measureEditDistance(stem, term, allowed) }))
    .filter((candidate) => candidate.distance > 0 && candidate.distance <= allowed)
    .sort((left, right) => left.distance - right.distance || left.term.localeCompare(right.term))
    .slice(0, maximumVariants)
    .map((candidate) => candidate.term);
}

/**
 * Edit distance with transpositions (optimal string alignment), or `limit + 1` as soon as it
 * must exceed the limit.
 */
export function measureEditDistance(left: string, right: string, limit: number): number {
  if (Math.abs(left.length - right.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row++) {
    const current = [row];
    let rowMinimum = row;
    for (let column = 1; column <= right.length; column++) {
      const cost = left[row - 1] === right[column - 1] ? 0 : 1;
      let value = Math.min(
        (previous[column] ?? 0) + 1,
        (current[column - 1] ?? 0) + 1,
        (previous[column - 1] ?? 0) + cost,
      );
      if (
        row > 1 &&
        column > 1 &&
        left[row - 1] === right[column - 2] &&
        left[row - 2] === right[column - 1]
      )
        value = Math.min(value, (previousPrevious[column - 2] ?? 0) + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[right.length] ?? limit + 1;
}
