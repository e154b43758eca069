import { caseNumberCandidatePattern, parseCaseNumber } from '../core/case-number.ts';
import type { Absence, AgendaItem, Attachment } from '../core/meeting.ts';
import { parseAbsences } from './absence-parser.ts';
import {
  isClosedMarker,
  isOpenMarker,
  itemGroupHeading,
  splitClosedMarker,
} from './item-markers.ts';
import {
  durationInTitle,
  durationLine,
  forumPrefixOf,
  hasCaseNumberLabel,
  inlineAbsenceText,
  inlineSectionHeading,
  isPageFurniture,
  proposerLine,
  type SectionKind,
  sectionHeadingKind,
  sectionLabels,
  stripCaseNumberLabel,
} from './line-patterns.ts';
import { parseRecommendation } from './recommendation-parser.ts';
import { runInSectionHeading } from './run-in-heading.ts';
import type { SourceLine } from './source-line.ts';
import { joinSectionLines, plainLine, textSimilarity, unescapeMarkdown } from './text-normalize.ts';

/** Where text goes before an item's first heading: into Anledning, per the interchange format. */
type Section = SectionKind | 'preamble';

/** An item before its title prefix is removed: the parser finds the forum abbreviation later. */
export interface ParsedItem {
  item: AgendaItem;
  warnings: string[];
}

interface ItemState {
  section: Section;
  sectionBeforeAbsent: Section;
  hasSeenContent: boolean;
  caseNumber: string | null;
  durationMinutes: number | null;
  isClosed: boolean;
  sections: Record<Section, string[]>;
  usedSections: Set<Section>;
  warnings: string[];
}

/**
 * Parses the lines of one item (everything after its heading line) into an AgendaItem.
 * Sections may come in any order; a heading is known by its words. Text before the first
 * heading, and text after a repeated title heading, belongs to Anledning.
 */
export function parseItem(
  number: number,
  headingTitle: string,
  lines: readonly SourceLine[],
  contentsText = '',
): ParsedItem {
  const heading = readTitle(headingTitle, lines, contentsText);
  const { title, isClosed } = splitClosedMarker(heading.title);
  const state: ItemState = {
    section: 'preamble',
    sectionBeforeAbsent: 'preamble',
    hasSeenContent: false,
    caseNumber: null,
    durationMinutes: null,
    isClosed,
    sections: {
      preamble: [],
      background: [],
      presentation: [],
      recommendation: [],
      decision: [],
      attachments: [],
      absent: [],
    },
    usedSections: new Set(),
    warnings: [],
  };
  for (const line of lines.slice(heading.consumed)) readLine(state, line, title);
  return {
    item: buildItem(number, title, state),
    warnings: state.warnings.map((warning) => `punkt ${number}: ${warning}`),
  };
}

/** The title is on the heading line, or on the next line when the heading is just "Punkt 3". */
function readTitle(
  headingTitle: string,
  lines: readonly SourceLine[],
  contentsText: string,
): { title: string; consumed: number } {
  let title = plainLine(headingTitle);
  let consumed = 0;
  if (title === '') {
    const index = lines.findIndex((line) => line.plain !== '');
    if (index >= 0 && !isStructuralLine(lines[index]?.plain ?? '')) {
      title = lines[index]?.plain ?? '';
      consumed = index + 1;
    }
  }
  for (
    let next = lines[consumed];
    next && isTitleContinuation(title, next, contentsText);
    next = lines[consumed]
  ) {
    title = `${title} ${next.plain}`;
    consumed++;
  }
  return { title: title === '' ? 'Uden titel' : title, consumed };
}

/**
 * A title wrapped onto the next line: the table of contents names the longer title, or the
 * next line continues in lower case or holds only "(30 min)".
 */
function isTitleContinuation(title: string, next: SourceLine, contentsText: string): boolean {
  if (title === '' || next.plain === '' || next.level > 0 || isStructuralLine(next.plain))
    return false;
  if (next.plain.length > 80 || /^(?:[-*•]|\d+[.)])\s/u.test(next.plain)) return false;
  if (contentsText.includes(foldForLookup(`${title} ${next.plain}`))) return true;
  if (/^\(\d+\s*(?:min|time|t\b)/iu.test(next.plain)) return true;
  return /^\p{Ll}/u.test(next.plain) && !/[.:!?]$/u.test(title) && !proposerLine(next.plain);
}

/** Lower case with single spaces, for finding a title in the table of contents. */
export function foldForLookup(text: string): string {
  return text.toLowerCase().replace(/\s+/gu, ' ').trim();
}

function isStructuralLine(plain: string): boolean {
  return (
    sectionHeadingKind(plain) !== null ||
    runInSectionHeading(plain) !== null ||
    caseNumberCandidatePattern.test(stripCaseNumberLabel(plain))
  );
}

function readLine(state: ItemState, line: SourceLine, title: string): void {
  const { plain } = line;
  if (plain === '') {
    if (state.section === 'absent' && state.sections.absent.length > 0)
      state.section = state.sectionBeforeAbsent;
    state.sections[state.section].push('');
    return;
  }
  if (readCaseRow(state, line) || readCaseNumber(state, plain)) return;
  if (isPageFurniture(plain) || /^[-*_]{3,}$/u.test(plain)) return;
  if (isClosedMarker(plain)) {
    state.isClosed = true;
    return;
  }
  // "Åbent punkt", and "Lukkede sager" over the next items (minutes-parser applies it there).
  if (isOpenMarker(plain) || itemGroupHeading(plain) !== null) return;
  const duration =
    state.section === 'preamble' && state.durationMinutes === null ? durationLine(plain) : null;
  if (duration !== null) {
    state.durationMinutes = duration;
    return;
  }
  if (readSectionHeading(state, line)) return;
  if (isRepeatedTitle(line, title)) {
    state.section = 'preamble';
    return;
  }
  if (state.section !== 'attachments' && isNumberedAttachmentLine(plain)) {
    // "Bilag 1: Notat" lines without a Bilag heading are the attachments all the same.
    switchSection(state, 'attachments');
  }
  if (isUnlabelledRecommendation(state, plain)) {
    switchSection(state, 'recommendation');
  }
  if (state.section === 'attachments' && plain.length > 200) {
    // A long paragraph is body text that follows an early Bilag list without a heading.
    switchSection(state, 'preamble');
  }
  if (line.level > 0 && state.section !== 'attachments') {
    state.warnings.push(`overskriften "${plain}" er lagt under ${sectionName(state.section)}`);
  }
  state.hasSeenContent = true;
  state.sections[state.section].push(line.raw);
}

/**
 * "Bilag 1: Notat om …", "Bilag 2 - Skema": a numbered attachment on a line of its own. A
 * sentence about one ("Bilag 2: viser udviklingen. Den …") is body text, and so is a wrapped
 * line that starts with "bilag 3. Af …" in the middle of a sentence.
 */
function isNumberedAttachmentLine(plain: string): boolean {
  const match = /^(?:Bilag|BILAG)\s+\d{1,3}\s*[:.)–-]\s*(\S.*)$/u.exec(plain);
  const title = match?.[1] ?? '';
  return (
    title.length > 0 &&
    title.length <= 150 &&
    /^[\p{Lu}\d"“]/u.test(title) &&
    !/\p{Ll}{3,}\.\s+\p{Lu}/u.test(title)
  );
}

/**
 * A row of case facts, as meeting systems print them under the heading: "Sagsnr.: 2013-003869
 * | Sagsbehandler: … | Lukket". The row is not text: it gives the journal number (when there
 * is one) and whether the item is open or closed.
 */
function readCaseRow(state: ItemState, line: SourceLine): boolean {
  if (!line.raw.includes('\t')) return false;
  const cells = line.raw.split('\t').map((cell) => plainLine(cell));
  if (!hasCaseNumberLabel(`${cells[0] ?? ''} x`) || !/:/u.test(cells[0] ?? '')) return false;
  readCaseNumber(state, cells[0] ?? '');
  if (cells.some((cell) => isClosedMarker(cell))) state.isClosed = true;
  return true;
}

function readCaseNumber(state: ItemState, plain: string): boolean {
  if (state.caseNumber !== null) return false;
  const isLabelled = hasCaseNumberLabel(plain);
  const candidate = stripCaseNumberLabel(plain).split(/\s+/u)[0] ?? '';
  const isEarly =
    state.section === 'preamble' && state.sections.preamble.every((text) => text.trim() === '');
  if (!isLabelled && !(isEarly && caseNumberCandidatePattern.test(stripCaseNumberLabel(plain))))
    return false;
  if (!caseNumberCandidatePattern.test(candidate) && !isLabelled) return false;
  // "Sagsnr.:  Sagsbehandler: …": the label with no number after it.
  if (!/\d/u.test(candidate)) return false;
  const result = parseCaseNumber(candidate);
  if (!result.ok) state.warnings.push(result.warning);
  state.caseNumber = candidate;
  return true;
}

function readSectionHeading(state: ItemState, line: SourceLine): boolean {
  const inlineAbsence = inlineAbsenceText(line.plain);
  if (inlineAbsence !== null) {
    switchSection(state, 'absent');
    state.sections.absent.push(inlineAbsence);
    return true;
  }
  const inline = inlineSectionHeading(line.plain);
  if (inline && !state.usedSections.has(inline.kind)) {
    switchSection(state, inline.kind);
    state.sections[inline.kind].push(inline.text);
    return true;
  }
  const kind = sectionHeadingKind(line.plain);
  if (kind === null) return readTableRowHeading(state, line) || readRunInHeading(state, line.plain);
  if (kind === 'decision' && /^referat$/iu.test(line.plain) && line.level === 0 && !line.isBold)
    return false;
  switchSection(state, kind);
  return true;
}

/**
 * "Beslutning | godkendt": a two-cell row with the heading in the first cell, as councils that
 * lay items out as tables write them (and PDFs with the headings in a margin column give).
 * The cell boundary marks the heading, so the text may start in lower case.
 */
function readTableRowHeading(state: ItemState, line: SourceLine): boolean {
  const cells = line.raw.split('\t').map((cell) => plainLine(cell));
  if (cells.length !== 2 || cells[1] === '') return false;
  const kind = sectionHeadingKind(cells[0] ?? '');
  if (kind === null || kind === 'absent' || state.usedSections.has(kind)) return false;
  switchSection(state, kind);
  state.sections[kind].push(cells[1] ?? '');
  return true;
}

/**
 * "Beslutning Chefforum godkendte …": a heading and its text on one line. A section already
 * read does not open again, so a later sentence that happens to start with the word stays text.
 */
function readRunInHeading(state: ItemState, plain: string): boolean {
  const runIn = runInSectionHeading(plain);
  if (!runIn || state.usedSections.has(runIn.kind)) return false;
  switchSection(state, runIn.kind);
  state.sections[runIn.kind].push(runIn.text);
  return true;
}

function switchSection(state: ItemState, section: Section): void {
  if (section === 'absent' && state.section !== 'absent') state.sectionBeforeAbsent = state.section;
  state.section = section;
  state.usedSections.add(section);
}

/** The 2015 layout repeats "CF - Title" as a heading below the item heading. */
function isRepeatedTitle(line: SourceLine, title: string): boolean {
  const isHeadingLike = line.level > 0 || line.isBold || forumPrefixOf(line.plain) !== null;
  if (!isHeadingLike || line.plain.length > title.length * 1.5 + 10) return false;
  const withoutPrefix = (text: string): string =>
    text.replace(/^[A-ZÆØÅ][A-ZÆØÅ0-9]{0,7}\s+[-–]\s+/u, '');
  return textSimilarity(withoutPrefix(line.plain), withoutPrefix(title)) >= 0.8;
}

/** "X indstiller," inside the text starts an Indstilling even without its heading. */
function isUnlabelledRecommendation(state: ItemState, plain: string): boolean {
  if (
    state.section === 'recommendation' ||
    state.section === 'decision' ||
    state.section === 'absent'
  )
    return false;
  if (state.usedSections.has('recommendation')) return false;
  const match = proposerLine(plain);
  return match !== null && (match.rest === '' || /^at\b/iu.test(match.rest));
}

function sectionName(section: Section): string {
  return section === 'preamble' ? sectionLabels.background : sectionLabels[section];
}

function buildItem(number: number, title: string, state: ItemState): AgendaItem {
  const { sections } = state;
  const background = joinSectionLines([...sections.preamble, '', ...sections.background]);
  const absent: Absence[] = parseAbsences(sections.absent);
  return {
    number,
    title,
    caseNumber: state.caseNumber,
    closed: state.isClosed,
    // An explicit "Varighed:" line wins over a duration written in the title.
    durationMinutes: state.durationMinutes ?? durationInTitle(title),
    background,
    presentation: joinSectionLines(sections.presentation),
    recommendation: parseRecommendation(sections.recommendation),
    decision: joinSectionLines(sections.decision),
    attachments: parseAttachments(sections.attachments),
    absent,
  };
}

/**
 * Each line of a Bilag section is one attachment, unless the line wraps a title onto the
 * next line; a Markdown link also gives the file.
 */
function parseAttachments(lines: readonly string[]): Attachment[] {
  const titles: string[] = [];
  let isAdjacent = false;
  for (const line of lines) {
    const isBulleted = /^\s*[-*+•▪◦·]\s+/u.test(line);
    const plain = plainLine(line).replace(/^[-*+•▪◦·]\s+/u, '');
    if (plain === '' || /^(?:ingen(?: bilag)?|-)$/iu.test(plain)) {
      isAdjacent = false;
      continue;
    }
    const previous = titles.at(-1);
    if (isAdjacent && previous !== undefined && !isBulleted && isWrappedTitle(previous, plain)) {
      titles[titles.length - 1] = `${previous} ${plain}`;
    } else {
      titles.push(plain);
    }
    isAdjacent = true;
  }
  return titles.map((title) => {
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/u.exec(title);
    return link ? { title: unescapeMarkdown(link[1] ?? ''), file: link[2] ?? null } : { title };
  });
}

const trailingJoinWord =
  /(?:[-–,:&/]|\b(?:og|i|for|fra|til|af|på|med|om|ved|der|som|en|et|de|den|det|samt|eller|mellem))$/iu;

/** True when `next` continues the attachment title `previous` rather than starting one. */
function isWrappedTitle(previous: string, next: string): boolean {
  if (/^bilag\b/iu.test(next) || /^\[/u.test(next)) return false;
  if (trailingJoinWord.test(previous) || /^\p{Ll}/u.test(next)) return true;
  // A long line followed by one short word ("… i Albertslund" + "Kommune") is a wrap.
  if (previous.length >= 45 && /^\S{1,15}$/u.test(next)) return true;
  // "2015.docx" alone on a line ends the title above; "4. udkast" is a title of its own.
  return /^\d/u.test(next) && next.length <= 12 && !/^\d{1,2}[.)]\s/u.test(next);
}
