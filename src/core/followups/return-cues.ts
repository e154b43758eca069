import { deriveForumAbbreviation } from '../forum-abbreviation.ts';

/**
 * Returns: the words with which minutes say that an item comes back to the forum ("Mie kommer
 * tilbage med et oplæg", "Temaet skal i chefforum igen", "drøftes på Chefforum d. 27. april",
 * "Sagen genoptages på næste møde", "Udsat", "Udvalget ønsker en status i foråret").
 */

const escapeForPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The names a forum goes by in its own minutes: its name, its abbreviation ("CF") and the
 * generic word for its kind ("udvalget", "direktionen", "forummet"), as a pattern that also
 * takes "chefforummet", "Chefforums møde" and "chefforumsmødet".
 */
export function forumNamePattern(forum: string): string {
  const name = forum.trim().toLowerCase();
  const aliases = new Set([name, deriveForumAbbreviation(forum).toLowerCase()]);
  const generic: Array<[RegExp, string]> = [
    [/forum$/u, 'forum'],
    [/udvalg/u, 'udvalget'],
    [/udvalg/u, 'udvalg'],
    [/direktion/u, 'direktionen'],
    [/bestyrelse/u, 'bestyrelsen'],
    [/råd(?:et)?$/u, 'rådet'],
    [/ledelse/u, 'ledelsen'],
  ];
  for (const [test, word] of generic) if (test.test(name)) aliases.add(word);
  const names = [...aliases]
    .filter((alias) => alias.length >= 2)
    .sort((a, b) => b.length - a.length)
    .map(escapeForPattern);
  return `(?:${names.join('|')})(?:met|et|s)?(?:\\s*-?\\s*s?møde(?:t)?)?(?![\\p{L}])`;
}

const later =
  '(?:senere|kommende|næste|førstkommende|efterfølgende|fremtidigt?|nyt|ordinært|ekstraordinært)';

/** The regular expressions of return cues for one forum. */
export function returnCuePatterns(forum: string): RegExp[] {
  const name = forumNamePattern(forum);
  const target = `(?:igen|på\\s+ny|${name}|(?:(?:på|i|for|til)\\s+)(?:et\\s+|det\\s+)?(?:${name}|${later}\\s+(?:møde|${name})))`;
  const sources = [
    // "Mie kommer tilbage med et oplæg", "Direktørforum vender tilbage med en plan"
    `(?:kommer|vender|komme|vende)\\s+(?:\\p{L}+\\s+){0,2}?tilbage(?:\\s+(?:med|til|på|om|når|i|efter|hertil|herom)(?![\\p{L}])|\\s*[.,;]|\\s*$)`,
    // "genoptages", "tages op igen", "udsættes til næste møde"
    `(?:genoptages|genoptage|genbehandles|genbehandle|genfremlægges)(?![\\p{L}])`,
    `(?:tages|tage)\\s+(?:\\p{L}+\\s+){0,2}?op\\s+(?:igen|på\\s+ny)`,
    `udsættes(?!\\s+for)(?![\\p{L}])`,
    `(?:^|sagen|punktet|behandlingen|beslutningen|drøftelsen)\\s*(?:blev\\s+|er\\s+)?udsat(?![\\p{L}])(?!\\s+for)`,
    // "forelægges igen", "drøftes på Chefforum d. 27. april", "præsenteres for chefforum"
    `(?:forelægges|fremlægges|præsenteres|drøftes|behandles|evalueres|gennemgås|fremsendes|gives|tages\\s+op|sættes\\s+på(?:\\s+dagsordenen)?|følges\\s+op|forelægge|fremlægge)\\s+(?:\\S+\\s+){0,4}?${target}`,
    // "Forvaltningen fremlægger en sag for udvalget"
    `(?:fremlægger|forelægger|præsenterer|orienterer|gennemgår|følger\\s+op|giver\\s+(?:en\\s+)?(?:kort\\s+)?status)\\s+(?:\\S+\\s+){0,6}?${target}`,
    // "Temaet skal derfor i chefforum igen"
    `(?:skal|kommer)\\s+(?:\\p{L}+\\s+){0,2}?(?:i|på|for|til|forbi|tilbage\\s+til)\\s+${name}`,
    // "Der kommer oplæg om selve ansøgningen på chefforum"
    `(?:kommer|bliver)\\s+(?:der\\s+)?(?:et\\s+|en\\s+|nyt\\s+|ny\\s+)?(?:oplæg|sag|status|orientering|redegørelse|forslag|indstilling|punkt|evaluering|plan|opfølgning)\\p{L}*\\s+(?:\\S+\\s+){0,8}?(?:på|i|til|for)\\s+(?:${name}|(?:et\\s+)?${later}\\s+møde)`,
    // "på et senere møde", "til næste møde", "til fremtidig drøftelse i chefforum"
    `(?:på|til)\\s+(?:et\\s+|det\\s+)?${later}\\s+(?:møde|${name})`,
    `(?:fremtidig|senere|ny|fornyet|videre)\\s+(?:drøftelse|behandling|orientering)\\s+(?:i|på)\\s+${name}`,
    `(?:på|til)\\s+(?:${name}\\s*-?)?mødet\\s+(?:i\\s+\\p{L}+|d\\.|den\\s+\\d)`,
    // "Forvaltningen bedes fremlægge en ny sag"
    `(?:fremlægge|forelægge|fremlægges|forelægges|fremlægger|forelægger|udarbejde|udarbejdes|udarbejder)\\s+(?:\\S+\\s+){0,2}?ny\\s+sag(?![\\p{L}])`,
    // "Udvalget ønsker en status i foråret", "ønsker at blive orienteret"
    `(?:ønsker|ønskede|vil\\s+have|beder\\s+om|bad\\s+om|anmoder\\s+om|anmodede\\s+om|efterspørger|efterspurgte)\\s+(?:\\S+\\s+){0,3}?(?:status|statusorientering|orientering|redegørelse|evaluering|opfølgning|oplæg|notat)(?![\\p{L}])`,
    `(?:ønsker|ønskede)\\s+at\\s+blive\\s+(?:\\p{L}+\\s+){0,2}?orienteret`,
    `${name}\\s+(?:holdes|orienteres)\\s+(?:\\p{L}+\\s+){0,2}?(?:orienteret|om|igen)`,
  ];
  return sources.map((source) => new RegExp(`(?<![\\p{L}])${source}`, 'iu'));
}

/** Where a return cue sits in a sentence. */
export interface ReturnCue {
  start: number;
  end: number;
}

/**
 * True when what precedes a cue makes it a question or someone's account, not a decision:
 * "… spurgte ind til, om formandsgodkendelser skal forelægges udvalget", "Forvaltningen
 * orienterer om at … sagen derefter forelægges udvalget".
 */
function isReportedOrAsked(before: string): boolean {
  return (
    /,\s*(?:om|hvorvidt|hvis|såfremt)\s[^,]*$/iu.test(before) ||
    /(?<![\p{L}])(?:spurgte|spørger|orienterer|orienterede|oplyser|oplyste|fortalte|fortæller|forklarede|forklarer|sagde|siger|mente|mener|nævnte)\s+(?:\S+\s+){0,3}?,?\s*(?:at|om|hvorvidt)\s/iu.test(
      before,
    )
  );
}

/** The first return cue in a sentence, unless it is negated or in the past ("blev drøftet"). */
export function findReturnCue(sentence: string, patterns: readonly RegExp[]): ReturnCue | null {
  for (const pattern of patterns) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const before = sentence.slice(Math.max(0, match.index - 30), match.index);
    if (/(?<![\p{L}])(?:ikke|aldrig)\s+(?:\p{L}+\s+)?$/iu.test(before)) continue;
    if (/(?<![\p{L}])ikke(?![\p{L}])/iu.test(match[0])) continue;
    if (isReportedOrAsked(sentence.slice(0, match.index))) continue;
    return { start: match.index, end: match.index + match[0].length };
  }
  return null;
}
