/** Hits returned when a query names no limit. */
export const defaultSearchLimit = 20;
/** The most hits one search returns. */
export const maximumSearchLimit = 200;
/**
 * The most compounds one query word expands to. Each is one more term for the engine to look
 * up and weigh, so the cap bounds the cost of a short, common part.
 */
export const maximumExpansions = 20;

/**
 * On SQLite, a compound prefix that begins more vocabulary stems than this is not matched as a
 * prefix term, which would cost too much (see sqlite-prefix-terms.ts)…
 */
export const maximumPrefixTerms = 200;
/**
 * …but by this many of its most frequent stems. Each is one more term for bm25 to weigh in
 * every matching item, so fewer than `maximumExpansions`: the stems of a common prefix are
 * common too, and one more costs more than a rare word's compound does.
 */
export const maximumNamedPrefixTerms = 10;

/** A query's limit, defaulted and clamped to 1…maximumSearchLimit. */
export function searchLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return defaultSearchLimit;
  return Math.min(maximumSearchLimit, Math.max(1, Math.floor(limit)));
}
/** Candidates per half of an unknown word when looking for its spelling variants. */
export const nearLengthCandidates = 100;
