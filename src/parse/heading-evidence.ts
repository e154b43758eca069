/**
 * What tells an item heading from a numbered line of text when the line itself carries no
 * marks: the table of contents lists its title, or what follows opens an item (a journal
 * number, a section heading). Shared by the item finder and the numbering recovery.
 */
import { parseCaseNumber } from '../core/case-number.ts';
import {
  forumPrefixOf,
  hasCaseNumberLabel,
  isTableOfContentsEntry,
  isTableOfContentsHeading,
  proposerLine,
  removeForumPrefix,
  sectionHeadingKind,
  stripCaseNumberLabel,
} from './line-patterns.ts';
import { runInSectionHeading } from './run-in-heading.ts';
import type { SourceLine } from './source-line.ts';

/**
 * A title as a table of contents and a heading both write it: no number ("3.", "1.1", "IV."),
 * page number, dot leaders or forum prefix.
 */
export function titleKey(text: string): string {
  const withoutPage = text
    .replace(/(?:\.{3,}|…+\.*|\t|(?:\.\s){3,}\.?)\s*\d{1,4}\s*$/u, '')
    .replace(/^(?:punkt|pkt\.?)\s*(?=\d)/iu, '')
    .replace(/^(?:\d{1,5}(?:\.\d{1,3})*[.):]?|[IVXLC]{1,7}[.):])\s+/u, '');
  return removeForumPrefix(withoutPage, forumPrefixOf(withoutPage))
    .replace(/[\s.:]+$/u, '')
    .replace(/\s+/gu, ' ')
    .toLowerCase();
}

/** The titles the table of contents lists, as title keys. */
export function contentsTitleKeys(lines: readonly SourceLine[]): Set<string> {
  return new Set(
    lines.filter((line) => isTableOfContentsEntry(line.raw)).map((line) => titleKey(line.plain)),
  );
}

/** True when the next non-empty line is a journal number: "15/13392", "Sagsnr.: …". */
export function isCaseNumberLine(plain: string): boolean {
  const candidate = stripCaseNumberLabel(plain).trim();
  return (hasCaseNumberLabel(plain) || parseCaseNumber(candidate).ok) && !/\s/u.test(candidate);
}

/**
 * Whether the next non-empty line is a journal number, a section heading or the title again,
 * and the numbered line is not one of a recommendation's points ("Direktionen indstiller,"
 * followed by "1. Chefforum drøfter …", then "Beslutning").
 */
export function opensItemBody(lines: readonly SourceLine[], index: number, title: string): boolean {
  if (isRecommendationPoint(lines, index)) return false;
  for (let next = index + 1; next < Math.min(lines.length, index + 5); next++) {
    const plain = (lines[next] as SourceLine).plain;
    if (plain === '') continue;
    return (
      sectionHeadingKind(plain) !== null ||
      runInSectionHeading(plain) !== null ||
      titleKey(plain) === titleKey(title) ||
      isCaseNumberLine(plain) ||
      // "Sagsnr.: 2013-003869  Sagsbehandler: …", or the label alone when the case has none.
      /^(?:sags?\s*nr\.?|sagsnummer|j\.?\s*nr\.?|journal\s*nr\.?|journalnummer)\s*:/iu.test(plain)
    );
  }
  return false;
}

/** A numbered line in a run of numbered lines that follows a proposer or "Indstilling". */
export function isRecommendationPoint(lines: readonly SourceLine[], index: number): boolean {
  for (let before = index - 1; before >= Math.max(0, index - 60); before--) {
    const plain = (lines[before] as SourceLine).plain;
    if (plain === '' || /^\d{1,3}[.)]\s/u.test(plain)) continue;
    return proposerLine(plain) !== null || sectionHeadingKind(plain) === 'recommendation';
  }
  return false;
}

/** The line after the table of contents: its heading and the entries that follow it. */
export function tableOfContentsEnd(lines: readonly SourceLine[]): number {
  const heading = lines.findIndex((line) => isTableOfContentsHeading(line.plain));
  if (heading < 0) return 0;
  let end = heading + 1;
  while (end < lines.length) {
    const line = lines[end] as SourceLine;
    if (line.plain !== '' && !isTableOfContentsEntry(line.raw) && !/…|\.{3,}/u.test(line.raw))
      break;
    end++;
  }
  return end;
}
