import { type AgendaItem, type Meeting, meetingSchema } from '../core/meeting.ts';
import { parseAbsences } from './absence-parser.ts';
import { guessForumName, parseMeetingHeader } from './header-parser.ts';
import { closedByGroupHeading, itemBodyLines, locateItems } from './item-boundaries.ts';
import { foldForLookup, parseItem } from './item-parser.ts';
import { mostCommon } from './item-starts.ts';
import {
  forumPrefixOf,
  inlineAbsenceText,
  isPageFurniture,
  isTableOfContentsEntry,
  isTableOfContentsHeading,
  removeForumPrefix,
} from './line-patterns.ts';
import { removeRepeatedPageLines } from './page-furniture.ts';
import { ParseError } from './parse-error.ts';
import { blankRepeatedHeaderLines } from './repeated-header.ts';
import { type SourceLine, toSourceLines } from './source-line.ts';
import { normalizeDocumentText } from './text-normalize.ts';

/** A parsed meeting with the parser's warnings. */
export interface ParseResult {
  meeting: Meeting;
  warnings: string[];
}

/**
 * The one structural parser: turns the text of legacy minutes or an agenda (plain text,
 * Markdown, or what a PDF or DOCX reader produced) into a Meeting document.
 * Throws ParseError when the text has no agenda items.
 */
export function parseMinutesText(source: string): ParseResult {
  const text = removeRepeatedPageLines(normalizeDocumentText(source));
  const { lines: allLines, starts, warnings } = locateItems(toSourceLines(text));
  const firstStart = starts[0];
  if (!firstStart) {
    throw new ParseError(
      'ingen dagsordenspunkter fundet (forventede overskrifter som "Punkt 1: …")',
    );
  }
  const firstLine = firstStart.firstLineIndex ?? firstStart.lineIndex;
  const headerLines = allLines.slice(0, firstLine);
  const { header, headerText } = readHeader(headerLines);
  const lines = blankRepeatedHeaderLines(allLines, headerText, firstLine);
  const meetingAbsences = readMeetingAbsences(headerLines);
  const contentsText = foldForLookup(headerLines.map((line) => line.plain).join(' '));
  const closedByGroup = closedByGroupHeading(lines, starts);
  const items: AgendaItem[] = starts.map((start, index) => {
    const body = itemBodyLines(lines, start, starts[index + 1]);
    const parsed = parseItem(start.number, start.title, body, contentsText);
    warnings.push(...parsed.warnings);
    if (closedByGroup[index]) parsed.item.closed = true;
    return parsed.item;
  });
  applyForumPrefix(items);
  if (meetingAbsences.length > 0) {
    for (const item of items)
      if (item.absent.length === 0)
        item.absent = meetingAbsences.map((absence) => ({ ...absence }));
  }
  warnings.push(...numberingWarnings(items));
  const kind = header.kind ?? (items.some((item) => item.decision !== null) ? 'minutes' : 'agenda');
  header.forum ??= guessForumName(lines.map((line) => line.plain));
  if (!header.forum) warnings.push('mødets forum blev ikke fundet i hovedet');
  if (!header.date) warnings.push('mødedatoen blev ikke fundet i hovedet');
  const meeting: Meeting = {
    forum: header.forum ?? 'Ukendt forum',
    kind,
    date: header.date ?? '1970-01-01',
    start: header.start,
    location: header.location,
    items,
  };
  return { meeting: meetingSchema.parse(meeting), warnings };
}

/** The meeting's facts from the lines before item 1, and those lines' text. */
function readHeader(headerLines: readonly SourceLine[]) {
  const headerSource = headerLinesOutsideContents(headerLines);
  const headerText = headerSource.map((line) => line.plain);
  const header = parseMeetingHeader(headerText, (index) => {
    const line = headerSource[index];
    return line !== undefined && (line.level > 0 || line.isBold);
  });
  return { header, headerText };
}

/** The header without the table of contents, which lists titles and page numbers. */
function headerLinesOutsideContents(lines: readonly SourceLine[]): SourceLine[] {
  const kept: SourceLine[] = [];
  let isInContents = false;
  for (const line of lines) {
    if (isTableOfContentsHeading(line.plain)) {
      isInContents = true;
      continue;
    }
    if (isInContents || isTableOfContentsEntry(line.raw) || isPageFurniture(line.plain)) continue;
    kept.push(line);
  }
  return kept;
}

function readMeetingAbsences(lines: readonly SourceLine[]) {
  const index = lines.findIndex((line) => inlineAbsenceText(line.plain) !== null);
  if (index < 0) return [];
  const listLines = [inlineAbsenceText(lines[index]?.plain ?? '') ?? ''];
  for (const line of lines.slice(index + 1)) {
    if (line.plain === '' || /^\S[^:]{0,30}:/u.test(line.plain)) break;
    listLines.push(line.plain);
  }
  return parseAbsences(listLines);
}

/** Removes the forum's abbreviation ("CF - ") when most titles carry it. */
function applyForumPrefix(items: AgendaItem[]): void {
  const prefix = mostCommon(items.map((item) => forumPrefixOf(item.title)));
  if (!prefix) return;
  const count = items.filter((item) => forumPrefixOf(item.title) === prefix).length;
  if (count * 2 < items.length) return;
  for (const item of items) item.title = removeForumPrefix(item.title, prefix) || item.title;
}

function numberingWarnings(items: readonly AgendaItem[]): string[] {
  const warnings: string[] = [];
  items.forEach((item, index) => {
    const expected = index === 0 ? 1 : (items[index - 1]?.number ?? 0) + 1;
    if (item.number !== expected)
      warnings.push(`punkt ${item.number}: forventede punkt ${expected}`);
  });
  return warnings;
}
