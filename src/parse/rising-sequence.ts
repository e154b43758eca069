/** Something with a rank to rise by and a weight for how much it looks like a heading. */
export interface RankedCandidate {
  weight: number;
}

/**
 * The heaviest subsequence with rising ranks (a weighted longest increasing subsequence).
 * A candidate that directly follows the one before it (`isNext`: item 4 after item 3) earns a
 * bonus; among equal sequences the later candidates win, because a table of contents comes
 * before the items it lists. Quadratic, which stays fast for thousands of candidates.
 */
export function bestRisingSequence<T extends RankedCandidate>(
  candidates: readonly T[],
  rank: (candidate: T) => number,
  isNext: (earlier: T, later: T) => boolean,
): T[] {
  const score: number[] = [];
  const previous: number[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index] as T;
    score[index] = candidate.weight;
    previous[index] = -1;
    for (let before = 0; before < index; before++) {
      const earlier = candidates[before] as T;
      if (rank(earlier) >= rank(candidate)) continue;
      const bonus = isNext(earlier, candidate) ? 0.3 : 0;
      const total = (score[before] ?? 0) + candidate.weight + bonus;
      if (total >= (score[index] ?? 0)) {
        score[index] = total;
        previous[index] = before;
      }
    }
  }
  let best = -1;
  for (let index = 0; index < candidates.length; index++) {
    if (best < 0 || (score[index] ?? 0) >= (score[best] ?? 0)) best = index;
  }
  const sequence: T[] = [];
  for (let index = best; index >= 0; index = previous[index] ?? -1)
    sequence.unshift(candidates[index] as T);
  return sequence;
}
