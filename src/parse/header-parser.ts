import { findClockTime, findDanishDate } from '../core/danish-date.ts';
import type { MeetingKind } from '../core/meeting.ts';

/** What the lines before the first item say about the meeting. */
export interface MeetingHeader {
  forum: string | null;
  kind: MeetingKind | null;
  date: string | null;
  start: string | null;
  location: string | null;
}

const kindWords: ReadonlyArray<readonly [RegExp, MeetingKind]> = [
  [/\b(?:referat|beslutningsprotokol|protokol)\b/iu, 'minutes'],
  [/\b(?:dagsorden|indkaldelse)\b/iu, 'agenda'],
];
const dateLabel =
  /^(?:mødedato|dato og tid|dato|mødetidspunkt|tidspunkt|tid|mødedag)(?!\p{L})\s*:?\s*(.*)$/iu;
const locationLabel =
  /^(?:(?:mødested|sted|lokation|placering)(?!\p{L})\s*:?|(?:lokale|mødelokale)\s*:)\s*(.*)$/iu;
const startLabel = /^(?:starttidspunkt|mødestart|start|klokkeslæt)(?!\p{L})\s*:?\s*(.*)$/iu;
const forumLabel = /^(?:forum|udvalg|mødeforum|organ)(?!\p{L})\s*:\s*(.*)$/iu;

/**
 * Reads forum, kind, date, start and location from the header lines (plain text). The title
 * is the first line that names the kind ("REFERAT Chefforum d. …"), set as a heading when one
 * is (`isHeading`): a running page header above it may name the kind too.
 */
export function parseMeetingHeader(
  lines: readonly string[],
  isHeading: (index: number) => boolean = () => false,
): MeetingHeader {
  const header: MeetingHeader = {
    forum: null,
    kind: null,
    date: null,
    start: null,
    location: null,
  };
  const kept = lines
    .map((line, index) => ({ text: line.trim(), isHeading: isHeading(index) }))
    .filter((line) => line.text !== '');
  const nonEmpty = kept.map((line) => line.text);
  nonEmpty.forEach((line, index) => {
    const next = nonEmpty[index + 1] ?? '';
    readLabelledLine(header, line, next);
  });
  const namesKind = (line: string): boolean => kindWords.some(([pattern]) => pattern.test(line));
  const headingTitle = kept.findIndex((line) => line.isHeading && namesKind(line.text));
  const titleIndex = headingTitle >= 0 ? headingTitle : nonEmpty.findIndex(namesKind);
  const titleLine = titleIndex >= 0 ? (nonEmpty[titleIndex] ?? '') : '';
  if (titleIndex >= 0) {
    header.kind ??= kindOf(titleLine);
    header.forum ??=
      forumFromTitle(titleLine) ?? forumFromTitle(nonEmpty[titleIndex + 1] ?? '', true);
  }
  header.date ??= findDanishDate(titleLine) ?? firstDate(nonEmpty);
  header.start ??= firstClockTime(nonEmpty);
  return header;
}

function readLabelledLine(header: MeetingHeader, line: string, next: string): void {
  const dateMatch = dateLabel.exec(line);
  if (dateMatch) {
    const value = (dateMatch[1] ?? '').trim() || next;
    header.date ??= findDanishDate(value);
    header.start ??= /\d/u.test(value)
      ? findClockTime(value.replace(/\d{1,2}[-./]\d{1,2}[-./]\d{2,4}/u, ''))
      : null;
  }
  const startMatch = startLabel.exec(line);
  if (startMatch) header.start ??= findClockTime((startMatch[1] ?? '').trim() || next);
  const locationMatch = locationLabel.exec(line);
  if (locationMatch) header.location ??= cleanValue((locationMatch[1] ?? '').trim() || next);
  const forumMatch = forumLabel.exec(line);
  if (forumMatch) header.forum ??= cleanValue((forumMatch[1] ?? '').trim() || next);
}

function kindOf(line: string): MeetingKind | null {
  for (const [pattern, kind] of kindWords) if (pattern.test(line)) return kind;
  return null;
}

/**
 * "REFERAT Chefforum d. 14-06-2017" → "Chefforum". Removes the kind word, joining words
 * ("af", "fra møde i"), dates and times; what remains names the forum.
 */
function forumFromTitle(line: string, isNextLine = false): string | null {
  let text = line
    .replace(/\b(?:referat|beslutningsprotokol|protokol|dagsorden|indkaldelse)\b/giu, ' ')
    .replace(
      /\b(?:d\.|den)\s*\d{1,2}\.?\s*(?:[-./]\s*\d{1,2}[-./]\s*\d{2,4}|\p{L}+\.?\s+\d{4}).*$/iu,
      ' ',
    )
    .replace(/\b\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b.*$/u, ' ')
    .replace(/\b\d{1,2}\.\s*\p{L}+\s+\d{4}\b.*$/u, ' ')
    .replace(/\bkl\.?\s*\d.*$/iu, ' ')
    .replace(
      /^\s*(?:for|af|fra|til)?\s*(?:(?:det\s+)?(?:ordinære|ekstraordinære)\s+)?(?:møde(?:t)?\s+(?:i|for)\s+)?/iu,
      '',
    )
    .replace(/\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b/giu, ' ')
    .replace(/\s+(?:d\.|den)\s*$/iu, '');
  text = cleanValue(text) ?? '';
  if (text === '' || text.length > 80) return null;
  if (isNextLine && (/\d/u.test(text) || /^(?:mødedato|mødested|dato|sted)\b/iu.test(text)))
    return null;
  return text;
}

function cleanValue(text: string): string | null {
  const cleaned = text
    .replace(/\s+/gu, ' ')
    .replace(/^[\s:–-]+|[\s:,–-]+$/gu, '')
    .trim();
  return cleaned === '' ? null : cleaned;
}

function firstDate(lines: readonly string[]): string | null {
  for (const line of lines) {
    const date = findDanishDate(line);
    if (date) return date;
  }
  return null;
}

function firstClockTime(lines: readonly string[]): string | null {
  for (const line of lines) {
    if (!/\bkl\.?\s*\d/iu.test(line)) continue;
    const time = findClockTime(line);
    if (time) return time;
  }
  return null;
}

const forumWord =
  /(?<![\p{L}])(\p{L}[\p{L}-]*(?:forum|udvalget|udvalg|rådet|råd|gruppen|gruppe|bestyrelsen|bestyrelse|direktionen|direktion))(?![\p{L}])/iu;

/**
 * Guesses the forum's name when the header does not give it: the first word that names a
 * body ("Chefforum", "Økonomiudvalget"), as in "BESLUTNING I CHEFFORUM DEN …".
 */
export function guessForumName(lines: readonly string[]): string | null {
  for (const line of lines) {
    const match = forumWord.exec(line);
    if (!match?.[1]) continue;
    const word = match[1];
    const isOneCase = word === word.toUpperCase() || word === word.toLowerCase();
    return isOneCase ? `${word.charAt(0).toUpperCase()}${word.slice(1).toLowerCase()}` : word;
  }
  return null;
}
