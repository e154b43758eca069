/**
 * Whether a decision adopts the item's recommendation (Indstilling), so that its at-points
 * became decisions too: "Chefforum godkendte indstillingen", "Indstillingerne blev
 * tiltrådt", "Godkendt.", "Anbefales godkendt", "Som indstillet". "Indstillingens punkt 1 og 3
 * blev godkendt" adopts only those points.
 */

const adoptingPhrases = [
  /(?:godkendte|tiltrådte|fulgte|vedtog|godkender|tiltræder|følger)\s+(?:\p{L}+\s+){0,2}?indstilling(?:en|erne)?(?![\p{L}])/iu,
  /indstilling(?:en|erne)\s+(?:\p{L}+\s+){0,2}?(?:blev\s+|er\s+)?(?:godkendt|tiltrådt|vedtaget|fulgt|anbefalet|anbefales|godkendes|tiltrædes)(?![\p{L}])/iu,
  /indstillingens\s+(?:at-)?punkt(?:er)?\s+[\d,\s]+(?:og\s+\d+\s+)?(?:blev\s+|er\s+)?(?:godkendt|tiltrådt|vedtaget)(?![\p{L}])/iu,
  /^\s*(?:godkendt|tiltrådt|vedtaget|anbefales(?:\s+godkendt)?|indstilles\s+godkendt)(?![\p{L}])/iu,
  /(?<![\p{L}])(?:som|efter)\s+indstillet(?![\p{L}])/iu,
  /(?<![\p{L}])\p{L}+\s+(?:godkendte|tiltrådte)\s*\.?\s*$/mu,
];

const rejectingWords = /(?<![\p{L}])(?:ikke|afvist|afviste|forkastet|forkastede)(?![\p{L}])/iu;

/** The numbers named in "Indstillingens punkt 1 og 3", "indstillingens 1. og 2. at" … */
function namedPoints(decision: string): number[] | null {
  const match =
    /indstillingens\s+(?:punkt(?:er)?|at-punkt(?:er)?)\s+((?:\d+(?:\s*,\s*|\s+og\s+|\s*-\s*)?)+)/iu.exec(
      decision,
    );
  if (!match?.[1]) return null;
  return [...match[1].matchAll(/\d+/gu)].map((number) => Number(number[0]));
}

/**
 * The recommendation points (1-based numbers) a decision adopts: all of them, those it names,
 * or none.
 */
export function adoptedPointNumbers(decision: string | null, pointCount: number): number[] {
  if (!decision || pointCount === 0) return [];
  const adopting = decision
    .split(/(?<=[.!?])\s+|\n+/u)
    .find((sentence) => adoptingPhrases.some((phrase) => phrase.test(sentence)));
  if (!adopting || rejectingWords.test(adopting)) return [];
  const named = namedPoints(adopting);
  const all = Array.from({ length: pointCount }, (_unused, index) => index + 1);
  return named ? all.filter((number) => named.includes(number)) : all;
}
