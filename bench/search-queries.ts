/**
 * The mixed query set of the search bench: 50 queries in five kinds, ten each, as archive
 * readers type them. Rare words come from the generated archive itself (see pickRareWords).
 */
export const commonWordQueries = [
  'budget',
  'chefforum',
  'netværk',
  'borgere',
  'økonomi',
  'beslutning',
  'kommunen',
  'medarbejdere',
  'status',
  'projektet',
];
export const twoWordQueries = [
  'budget 2018',
  'sundhedspolitik borgere',
  'netværk ledelse',
  'økonomi opfølgning',
  'digitalisering projekter',
  'referat godkendelse',
  'sygefravær statistik',
  'boligsocial helhedsplan',
  'intern revision',
  'uddannelse netværksledere',
];
export const phraseQueries = [
  '"godkendte indstillingen"',
  '"tog orienteringen til efterretning"',
  '"budgetaftalen for 2017"',
  '"netværk og basisorganisation"',
  '"status på budgetaftalen"',
  '"kommunaldirektøren indstiller"',
  '"fælles om målet"',
  '"drøftede oplægget"',
  '"til efterretning"',
  '"godkender dagsordenen"',
];
export const compoundPartQueries = [
  'fravær',
  'praktik',
  'revision',
  'ledelse',
  'sundhed',
  'uddannelse',
  'strategi',
  'digitaliser',
  'økonomirapport',
  'besparelse',
];

/** Ten rare words: long words that occur in few meetings of the archive, chosen deterministically. */
export function pickRareWords(lines: Iterable<string>, count = 10): string[] {
  const seen = new Map<string, number>();
  for (const line of lines) {
    const words = new Set(line.toLowerCase().match(/[a-zæøå]{14,}/gu) ?? []);
    for (const word of words) seen.set(word, (seen.get(word) ?? 0) + 1);
  }
  return [...seen]
    .filter(([, meetings]) => meetings >= 2 && meetings <= 4)
    .map(([word]) => word)
    .sort()
    .filter((_, index, all) => index % Math.max(1, Math.floor(all.length / count)) === 0)
    .slice(0, count);
}
