import { findDanishDate } from '../../core/danish-date.ts';
import { sectionHeadingKind } from '../line-patterns.ts';
import type { CaptionedSection, SectionTarget } from './section-mapping.ts';

/**
 * Splits an item's plain text, as eDoc keeps it in `FullText`, into captioned sections: a
 * heading is a short line of its own whose words name a section (the structural parser's
 * vocabulary, the captions ESDH templates add, or "Udvalgets beslutning den 04.12.2012 Punkt 2").
 * Also reads the case lines at the top ("Sagsnr.: 2012-28504", "Dok.nr.: 2012-203438").
 */

/** An item's text split up: its sections and the labelled facts before them. */
export interface SplitText {
  sections: CaptionedSection[];
  caseNumber: string | null;
  documentNumber: string | null;
}

const otherCaptions =
  /^(?:økonomi|økonomiske konsekvenser(?: og finansiering)?|økonomi og (?:finansiering|organisatoriske konsekvenser)|beslutningen træffes af|lovgrundlag|retsgrundlag|høring|høringssvar|kommunikation|tidsplan|handicapaspekter|miljøvurdering|forvaltningens bemærkninger|personalemæssige konsekvenser|sagens videre forløb)$/iu;

const extraBackground =
  /^(?:sammendrag|tidligere behandling|sagens tidligere behandling|præsentation|formål)$/iu;

/** The section a line of text starts, or null when the line is not a heading. */
export function textHeadingTarget(line: string): SectionTarget | null {
  const plain = line.replace(/\s+/gu, ' ').trim().replace(/:$/u, '').trim();
  if (plain.length < 3 || plain.length > 120 || /[.!?,;]$/u.test(plain)) return null;
  if (/^følgende deltog ikke\b/iu.test(plain)) return 'absent';
  const known = sectionHeadingKind(plain);
  if (known) return known;
  // "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2".
  if (/\bbeslutning\s+(?:i|på|den|d\.)\s/iu.test(plain) && findDanishDate(plain)) return 'decision';
  if (extraBackground.test(plain)) return 'background';
  if (otherCaptions.test(plain)) return 'other';
  return null;
}

/** A Bilag line in eDoc's text: "2012-200782 - Bygningsliste og prioriteringssystem". */
const attachmentLine = /^(?:\d{4}-\d+|\d+\/\d+)\s+[-–]\s+\S/u;

/** Splits an item's text into sections; `titleLine` (the "N.<TAB>Title" line) is skipped. */
export function splitTextSections(text: string): SplitText {
  const lines = joinLoneMarkers(text.replace(/\r\n?/gu, '\n').split('\n'));
  const split: SplitText = { sections: [], caseNumber: null, documentNumber: null };
  const preamble: MutableSection = { caption: '', lines: [] };
  const sections: MutableSection[] = [preamble];
  let current = preamble;
  let beforeAttachments: MutableSection | null = null;
  let isTitleSkipped = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    const plain = line.trim();
    if (!isTitleSkipped && plain !== '') {
      isTitleSkipped = true;
      if (/^\d{1,4}[.)]?\t/u.test(line) || /^\d{1,4}\.\s/u.test(plain)) continue;
    }
    const labelled = /^(Sagsnr|Sags\s*nr|J\.\s*nr|Journalnr)\.?\s*:\s*(\S+)/iu.exec(plain);
    if (labelled && split.caseNumber === null && current === preamble) {
      split.caseNumber = labelled[2] ?? null;
      continue;
    }
    const documentNumber = /^Dok\.?\s*nr\.?\s*:\s*(\S+)/iu.exec(plain);
    if (documentNumber && split.documentNumber === null && current === preamble) {
      split.documentNumber = documentNumber[1] ?? null;
      continue;
    }
    if (current.target === 'attachments' && plain !== '' && !attachmentLine.test(plain)) {
      // Item 1 (Meddelelser) has a Bilag line under each sub-point: the next sub-point goes on.
      if (!textHeadingTarget(plain)) current = beforeAttachments ?? preamble;
    }
    const target = plain === '' ? null : textHeadingTarget(plain);
    if (target) {
      if (target === 'attachments') beforeAttachments = current;
      current = { caption: plain.replace(/:$/u, '').trim(), lines: [], target };
      sections.push(current);
      continue;
    }
    current.lines.push(line);
  }
  split.sections = sections.map((section) => ({
    caption: section.caption,
    text: tidyText(section.lines),
    target: section.target,
  }));
  return split;
}

interface MutableSection {
  caption: string;
  lines: string[];
  target?: SectionTarget;
}

/** "a." or "A) " alone on a line, the text on the next: one list line. */
function joinLoneMarkers(lines: readonly string[]): string[] {
  const joined: string[] = [];
  let marker: string | null = null;
  for (const line of lines) {
    const lone = /^\s*([A-Za-z]|\d{1,2})([.)])\s*$/u.exec(line);
    if (lone && marker === null) {
      marker = `${lone[1]}${lone[2]}`;
      continue;
    }
    if (marker !== null && line.trim() === '') continue;
    joined.push(marker !== null ? `${marker} ${line.trim()}` : line);
    marker = null;
  }
  if (marker !== null) joined.push(marker);
  return joined;
}

/** Lines as Markdown-ish text: tabs become spaces, at most one blank line in a row. */
function tidyText(lines: readonly string[]): string | null {
  const kept: string[] = [];
  for (const line of lines) {
    const text = line.replace(/\t+/gu, ' ').replace(/ {2,}/gu, ' ').trim();
    if (text === '' && (kept.length === 0 || kept.at(-1) === '')) continue;
    kept.push(text);
  }
  while (kept.at(-1) === '') kept.pop();
  return kept.length === 0 ? null : kept.join('\n');
}
