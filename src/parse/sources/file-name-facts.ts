import { basename, dirname, extname } from 'node:path';
import { findDanishDate } from '../../core/danish-date.ts';
import { deriveForumAbbreviation } from '../../core/forum-abbreviation.ts';
import type { MeetingKind } from '../../core/meeting.ts';

/**
 * A meeting's forum, date and kind read from a file's name and the folders around it, for
 * documents whose text has no readable header: "2017-09-07 Chefforum referat.pdf",
 * "Referat CF 07.09.17.docx" (CF being a known forum's abbreviation), "Chefforum/2017-09-07/…".
 */

/** A forum the archive knows, with its abbreviation when it has one. */
export interface KnownForum {
  name: string;
  abbreviation: string | null;
}

/** What a path says; null where it says nothing. */
export interface PathFacts {
  forum: string | null;
  date: string | null;
  kind: MeetingKind | null;
}

const kindWords =
  /(?<![\p{L}\d])(?:referat(?:et)?|dagsorden(?:en)?|mødet?|møde-?referat|udkast|endelig|endeligt|godkendt|final|version|v\d+|åbent?|lukket|kopi|copy|scan(?:net)?)(?![\p{L}\d])/giu;
const bodySuffix =
  /(?:forum|forummet|udvalg|udvalget|bestyrelse|bestyrelsen|råd|rådet|gruppe|gruppen|direktion|direktionen|ledelse|ledelsen|komité|komitéen|komiteen|forsamling|forsamlingen)$/iu;

/** The facts in a path: the file name first, then its folder and the folder above it. */
export function factsFromPath(path: string, forums: readonly KnownForum[]): PathFacts {
  const names = [
    basename(path, extname(path)),
    basename(dirname(path)),
    basename(dirname(dirname(path))),
  ];
  const facts: PathFacts = { forum: null, date: null, kind: null };
  for (const name of names) {
    const text = name.replace(/[_]+/gu, ' ');
    const date = dateInName(text);
    facts.date ??= date?.date ?? null;
    facts.kind ??= /referat/iu.test(text) ? 'minutes' : /dagsorden/iu.test(text) ? 'agenda' : null;
    facts.forum ??= forumInName(date ? text.replace(date.text, ' ') : text, forums);
  }
  return facts;
}

/** "2017-09-07", "07.09.17", "7-9-2017", "20170907", "7. september 2017" in a name. */
function dateInName(text: string): { date: string; text: string } | null {
  const compact = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/u.exec(text);
  if (compact) {
    const date = findDanishDate(`${compact[1]}-${compact[2]}-${compact[3]}`);
    if (date) return { date, text: compact[0] };
  }
  const date = findDanishDate(text);
  if (!date) return null;
  const written =
    /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}\.?\s*\p{L}+\.?\s+\d{4}/u.exec(
      text,
    );
  return { date, text: written?.[0] ?? '' };
}

/** A known forum named or abbreviated in the name, else a name that reads as a forum's. */
function forumInName(text: string, forums: readonly KnownForum[]): string | null {
  const words = text
    .replace(kindWords, ' ')
    .replace(/[^\p{L}\d&-]+/gu, ' ')
    .replace(/(?:^|\s)[-\d]+(?=\s|$)/gu, ' ')
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '' && word !== '-');
  if (words.length === 0) return null;
  const phrase = words.join(' ');
  const fold = (value: string): string => value.toLocaleLowerCase('da');
  const byName = forums.find((forum) => fold(forum.name) === fold(phrase));
  if (byName) return byName.name;
  for (const word of words) {
    const named = forums.find((forum) => fold(forum.name) === fold(word));
    if (named) return named.name;
    if (word.length >= 2 && word === word.toUpperCase() && /\p{Lu}/u.test(word)) {
      const abbreviated = forums.find(
        (forum) => (forum.abbreviation ?? deriveForumAbbreviation(forum.name)) === word,
      );
      if (abbreviated) return abbreviated.name;
    }
  }
  if (bodySuffix.test(phrase) && words.length <= 6 && /^\p{L}/u.test(phrase))
    return phrase.charAt(0).toLocaleUpperCase('da') + phrase.slice(1);
  return null;
}
