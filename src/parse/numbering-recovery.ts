/**
 * When the item numbering skips (item 5, then item 7), item 6's heading is usually there but
 * degraded: alone on a line after a page break, broken over two lines, glued to the paragraph
 * before it, or written in another style ("6. …", "6) …", "Ad 6", "Punkt" / "6: …"). This looks
 * again between the neighbours with looser rules, and takes the best line only when enough
 * speaks for it; otherwise the numbering warning stays.
 */
import {
  contentsTitleKeys,
  isCaseNumberLine,
  isRecommendationPoint,
  opensItemBody,
  tableOfContentsEnd,
  titleKey,
} from './heading-evidence.ts';
import { type ItemStart, mostCommon } from './item-starts.ts';
import { forumPrefixOf, sectionHeadingKind } from './line-patterns.ts';
import { toRoman } from './roman-numerals.ts';
import { runInSectionHeading } from './run-in-heading.ts';
import { type SourceLine, toSourceLines } from './source-line.ts';

/** What the search knows about the document. */
interface Context {
  lines: SourceLine[];
  contents: ReadonlySet<string>;
  abbreviation: string | null;
  startLines: Set<number>;
  isRoman: boolean;
}

/** A line that may be the missing heading, and how much speaks for it. */
interface Candidate {
  start: ItemStart;
  score: number;
  /** Text before the heading on the same line, which stays with the item before. */
  before?: string;
}

/** Gaps wider than this are a numbering that restarts or jumps on purpose, not lost headings. */
const maxGap = 10;
const threshold = 2;

/**
 * Fills gaps in the numbering with headings found by the looser rules. Returns the lines
 * (a heading glued to a paragraph is split onto a line of its own) and all the starts.
 */
export function recoverSkippedItems(
  sourceLines: readonly SourceLine[],
  starts: readonly ItemStart[],
): { lines: SourceLine[]; starts: ItemStart[] } {
  const hasGap = starts.some(
    (start, index) => start.number !== (starts[index - 1]?.number ?? 0) + 1,
  );
  if (!hasGap) return { lines: [...sourceLines], starts: [...starts] };
  const context: Context = {
    lines: [...sourceLines],
    contents: contentsTitleKeys(sourceLines),
    abbreviation: mostCommon(starts.map((start) => forumPrefixOf(start.title))),
    startLines: new Set(starts.map((start) => start.lineIndex)),
    isRoman: starts.some((start) => /^[IVXLC]+$/u.test(start.label ?? '')),
  };
  const result: ItemStart[] = [];
  let shift = 0;
  let searchFrom = tableOfContentsEnd(sourceLines);
  for (const original of starts) {
    const start = { ...original, lineIndex: original.lineIndex + shift };
    const previous = result.at(-1);
    const first = previous ? previous.number + 1 : 1;
    for (let number = first; number < start.number && start.number - first <= maxGap; number++) {
      const found = bestCandidate(context, number, searchFrom, start.lineIndex);
      if (!found) continue;
      if (found.before !== undefined) {
        splitLine(context, found.start.lineIndex, found.before);
        found.start.lineIndex++;
        start.lineIndex++;
        shift++;
      }
      result.push(found.start);
      searchFrom = found.start.lineIndex + 1;
    }
    result.push(start);
    searchFrom = start.lineIndex + 1;
  }
  return { lines: context.lines, starts: result };
}

/** Replaces a line by two: the text before a glued heading, and the heading. */
function splitLine(context: Context, index: number, before: string): void {
  const line = context.lines[index] as SourceLine;
  const heading = line.plain.slice(before.length).trim();
  context.lines.splice(index, 1, ...toSourceLines(`${before}\n${heading}`));
  context.startLines = new Set(
    [...context.startLines].map((startLine) => (startLine > index ? startLine + 1 : startLine)),
  );
}

function bestCandidate(
  context: Context,
  number: number,
  from: number,
  to: number,
): Candidate | null {
  const candidates: Candidate[] = [];
  for (let index = from; index < to; index++) {
    const candidate = candidateAt(context, index, number);
    if (candidate) candidates.push(candidate);
  }
  // The only heading-shaped line with the right number in the gap is likelier the one.
  if (candidates.length === 1 && candidates[0]) candidates[0].score += 0.5;
  let best: Candidate | null = null;
  for (const candidate of candidates)
    if (candidate.score >= threshold && (!best || candidate.score >= best.score)) best = candidate;
  return best;
}

function candidateAt(context: Context, index: number, number: number): Candidate | null {
  const line = context.lines[index] as SourceLine;
  if (line.plain === '' || context.startLines.has(index)) return null;
  const numeral = context.isRoman ? `(?:${number}|${toRoman(number)})` : String(number);
  const form = headingForm(context, index, numeral);
  if (!form || isInNumberedList(context, index, number)) return null;
  if (isRecommendationPoint(context.lines, form.titleIndex)) return null;
  const title = form.title !== '' ? form.title : nextTitle(context.lines, form.titleIndex);
  if (title === null || !isTitleLike(title)) return null;
  const score = form.base + evidence(context, form.titleIndex, title, line);
  const lineIndex = form.before !== undefined ? index : form.headingIndex;
  const start: ItemStart = { number, title: form.title, lineIndex, weight: 0 };
  if (form.firstIndex !== form.headingIndex) start.firstLineIndex = form.firstIndex;
  return { start, score, before: form.before };
}

/** A heading form matched at a line: where it stands, its title, and how strong the form is. */
interface HeadingForm {
  base: number;
  title: string;
  firstIndex: number;
  headingIndex: number;
  /** The line that holds the title, or the heading's line when the title is on the next. */
  titleIndex: number;
  before?: string;
}

const prefix = String.raw`(?:punkt|pkt\.?|dagsordens?punkt|ad\.?(?:\s*(?:pkt\.?|punkt))?)`;

function headingForm(context: Context, index: number, numeral: string): HeadingForm | null {
  const plain = (context.lines[index] as SourceLine).plain;
  const at = (base: number, title: string): HeadingForm => ({
    base,
    title: title.trim(),
    firstIndex: index,
    headingIndex: index,
    titleIndex: index,
  });
  const prefixed = new RegExp(
    String.raw`^${prefix}\s*${numeral}(?![\d.]\d)(?:\s*[:.)–-]\s*|\s+|$)(.*)$`,
    'iu',
  ).exec(plain);
  if (prefixed) return at(2, prefixed[1] ?? '');
  const dotted = new RegExp(String.raw`^${numeral}\s*[.):](?!\d)\s*(.*)$`, 'u').exec(plain);
  if (dotted) return at(1, dotted[1] ?? '');
  const bare = new RegExp(String.raw`^${numeral}(?:\s+(\S.*))?$`, 'u').exec(plain);
  if (bare) return at(0.5, bare[1] ?? '');
  return brokenForm(context, index, numeral) ?? gluedForm(plain, index, numeral);
}

/** "Punkt" at the end of one line and "6: Titel" on the next. */
function brokenForm(context: Context, index: number, numeral: string): HeadingForm | null {
  const plain = (context.lines[index] as SourceLine).plain;
  if (!new RegExp(`^${prefix}$`, 'iu').test(plain)) return null;
  const next = nextNonEmpty(context.lines, index);
  if (next < 0) return null;
  const match = new RegExp(String.raw`^${numeral}(?![\d.]\d)\s*[:.)–-]?\s*(.*)$`, 'u').exec(
    (context.lines[next] as SourceLine).plain,
  );
  if (!match) return null;
  const title = (match[1] ?? '').trim();
  return { base: 2, title, firstIndex: index, headingIndex: next, titleIndex: next };
}

/**
 * "… taget til efterretning. Punkt 6: CF - Titel": a heading glued to the text above. After a
 * finished sentence the form counts fully; after any other text (an attachment's title) it
 * needs more to speak for it, as "se punkt 6: Budget" in a sentence would match too.
 */
function gluedForm(plain: string, index: number, numeral: string): HeadingForm | null {
  const match = new RegExp(
    String.raw`^(.*\S)\s+((?:[Pp]unkt|PUNKT|[Pp]kt\.?)\s*${numeral}(?![\d.]\d)\s*[:.)–-]\s*(\S.*))$`,
    'u',
  ).exec(plain);
  if (!match) return null;
  return {
    base: /[.!?:]$/u.test(match[1] ?? '') ? 2 : 1,
    title: (match[3] ?? '').trim(),
    firstIndex: index,
    headingIndex: index,
    titleIndex: index,
    before: match[1] ?? '',
  };
}

/** What speaks for a heading beyond its form: marks, forum prefix, contents, what follows. */
function evidence(context: Context, titleIndex: number, title: string, line: SourceLine): number {
  let score = 0;
  if (line.level > 0 || line.isBold) score += 1;
  const titlePrefix = forumPrefixOf(title);
  if (titlePrefix && (context.abbreviation === null || titlePrefix === context.abbreviation))
    score += 1;
  if (context.contents.has(titleKey(title))) score += 2;
  if (opensItemBody(context.lines, titleIndex, title)) score += 1;
  const words = title.split(/\s+/u).length;
  if (words <= 12 && !/[.!?:;,]$/u.test(title)) score += 0.5;
  return score;
}

/** The title on the next line, for a heading that is only its number ("6." / "Titel"). */
function nextTitle(lines: readonly SourceLine[], index: number): string | null {
  const next = nextNonEmpty(lines, index);
  if (next < 0 || next > index + 3) return null;
  const plain = (lines[next] as SourceLine).plain;
  const isStructural =
    sectionHeadingKind(plain) !== null ||
    runInSectionHeading(plain) !== null ||
    isCaseNumberLine(plain);
  return isStructural ? null : plain;
}

/** A title starts like one and is not a sentence: "6 medarbejdere deltog" is text. */
function isTitleLike(title: string): boolean {
  if (!/^["'“„\p{Lu}\d]/u.test(title) || /^at\s/iu.test(title)) return false;
  return title.length <= 200 && title.split(/\s+/u).length <= 20;
}

/** "5. …", "6. …", "7. …" in a row is a numbered list, not headings. */
function isInNumberedList(context: Context, index: number, number: number): boolean {
  const listed = (other: number, expected: number): boolean =>
    other >= 0 &&
    !context.startLines.has(other) &&
    new RegExp(String.raw`^${expected}[.)]\s`, 'u').test(
      (context.lines[other] as SourceLine).plain,
    );
  return (
    listed(previousNonEmpty(context.lines, index), number - 1) ||
    listed(nextNonEmpty(context.lines, index), number + 1)
  );
}

function nextNonEmpty(lines: readonly SourceLine[], index: number): number {
  for (let next = index + 1; next < lines.length; next++)
    if ((lines[next] as SourceLine).plain !== '') return next;
  return -1;
}

function previousNonEmpty(lines: readonly SourceLine[], index: number): number {
  for (let before = index - 1; before >= 0; before--)
    if ((lines[before] as SourceLine).plain !== '') return before;
  return -1;
}
