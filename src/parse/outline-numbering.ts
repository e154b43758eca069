/**
 * Items numbered in levels, as some councils and SBSYS's Aarhus layout write them:
 * "1 Beslutningssager", "1.1 Godkendelse af dagsorden", "1.2 Budget", "2 Orientering", …
 *
 * The Meeting model numbers items with whole numbers, so the parser lays the outline flat:
 * every heading that holds text becomes an item, numbered 1, 2, 3 … in document order, and the
 * written number ("1.2") is left out of the title as "Punkt 3:" is. A top-level heading with
 * nothing under it but its sub-items only groups them (like "Åbne sager"), so it is not an
 * item. A warning says how the written numbers map to the items' numbers.
 */
import {
  contentsTitleKeys,
  isRecommendationPoint,
  opensItemBody,
  titleKey,
} from './heading-evidence.ts';
import type { ItemStart } from './item-start.ts';
import { isPageFurniture, isTableOfContentsEntry } from './line-patterns.ts';
import { bestRisingSequence } from './rising-sequence.ts';
import type { SourceLine } from './source-line.ts';

interface OutlineStart extends ItemStart {
  major: number;
  minor: number;
}

const subHeading =
  /^(?:(?:punkt|pkt\.?|dagsordens?punkt)\s*)?(\d{1,3})\.(\d{1,3})\.?(?:\s*[:–-]\s*|\s+)(\S.{0,250})$/iu;
const topHeading = /^(?:(?:punkt|pkt\.?|dagsordens?punkt)\s*)?(\d{1,3})[.):]?\s+(\S.{0,250})$/iu;

/**
 * The item starts of a document numbered in levels, or an empty list when fewer than two
 * sub-items ("1.1") show themselves as item headings: listed in the table of contents,
 * written "Punkt 1.1", or followed by a journal number or a section heading. Bold alone is
 * not enough, because case texts number their own sub-sections ("2.1 Baggrund").
 */
export function findOutlineStarts(lines: readonly SourceLine[]): ItemStart[] {
  // Most documents have no "1.1" lines at all: find that out before weighing any evidence.
  const mayStart = (line: SourceLine): boolean => /^[\dPpDd]/u.test(line.plain);
  if (lines.filter((line) => mayStart(line) && subHeading.test(line.plain)).length < 2) return [];
  const contents = contentsTitleKeys(lines);
  const candidates: OutlineStart[] = [];
  lines.forEach((line, lineIndex) => {
    if (!mayStart(line) || isTableOfContentsEntry(line.raw)) return;
    const candidate =
      subCandidate(lines, lineIndex, contents) ?? topCandidate(lines, lineIndex, contents);
    if (candidate) candidates.push(candidate);
  });
  if (candidates.filter((candidate) => candidate.minor > 0).length < 2) return [];
  const sequence = bestRisingSequence(
    candidates,
    (candidate) => candidate.major * 1000 + candidate.minor,
    (earlier, later) =>
      (later.major === earlier.major && later.minor === earlier.minor + 1) ||
      (later.major === earlier.major + 1 && later.minor <= 1),
  );
  return sequence.filter((start) => start.minor > 0).length >= 2 ? sequence : [];
}

function subCandidate(
  lines: readonly SourceLine[],
  lineIndex: number,
  contents: ReadonlySet<string>,
): OutlineStart | null {
  const line = lines[lineIndex] as SourceLine;
  const match = subHeading.exec(line.plain);
  const title = match?.[3]?.trim() ?? '';
  if (!match || !isTitleLike(title)) return null;
  const isShown =
    /^(?:punkt|pkt|dagsorden)/iu.test(line.plain) ||
    contents.has(titleKey(title)) ||
    opensItemBody(lines, lineIndex, title);
  if (!isShown) return null;
  const weight = 1 + (line.level > 0 || line.isBold ? 0.5 : 0);
  return outlineStart(Number(match[1]), Number(match[2]), title, lineIndex, weight);
}

/** "1 Beslutningssager": shown as a heading, or followed at once by its sub-item "1.1". */
function topCandidate(
  lines: readonly SourceLine[],
  lineIndex: number,
  contents: ReadonlySet<string>,
): OutlineStart | null {
  const line = lines[lineIndex] as SourceLine;
  const match = topHeading.exec(line.plain);
  const title = match?.[2]?.trim() ?? '';
  if (!match || !isTitleLike(title) || isRecommendationPoint(lines, lineIndex)) return null;
  const major = Number(match[1]);
  const next = lines.slice(lineIndex + 1).find((other) => other.plain !== '');
  const isShown =
    line.level > 0 ||
    line.isBold ||
    contents.has(titleKey(title)) ||
    subHeading.exec(next?.plain ?? '')?.[1] === String(major) ||
    opensItemBody(lines, lineIndex, title);
  if (isShown) return outlineStart(major, 0, title, lineIndex, 1);
  // "3 Evt." after the sub-items of 2: a short heading-shaped line counts a little, so that
  // the rising sequence takes it where it fits and leaves a stray number in the text alone.
  const isHeadingShaped = title.split(/\s+/u).length <= 8 && !/\p{Ll}{4,}[.!?]$/u.test(title);
  return isHeadingShaped ? outlineStart(major, 0, title, lineIndex, 0.5) : null;
}

function outlineStart(
  major: number,
  minor: number,
  title: string,
  lineIndex: number,
  weight: number,
): OutlineStart {
  const label = minor > 0 ? `${major}.${minor}` : String(major);
  return { number: major, title, lineIndex, weight, label, major, minor };
}

/** A title starts with a capital, a digit or a quote; "at …" is a recommendation's point. */
function isTitleLike(title: string): boolean {
  return /^["'“„\p{Lu}\d]/u.test(title) && !/^at\s/iu.test(title);
}

/**
 * Lays an outline flat: group headings without text of their own are dropped, and the items
 * are numbered 1, 2, 3 … in order. Returns the starts and a warning on the renumbering.
 */
export function flattenOutline(
  starts: readonly ItemStart[],
  lines: readonly SourceLine[],
): { starts: ItemStart[]; warnings: string[] } {
  const kept: ItemStart[] = [];
  const groups: string[] = [];
  let groupLine: number | null = null;
  starts.forEach((start, index) => {
    const next = starts[index + 1];
    const isGroup =
      next !== undefined &&
      isSubItemOf(next, start) &&
      !hasText(lines, start.lineIndex + 1, next.firstLineIndex ?? next.lineIndex);
    if (isGroup) {
      groups.push(start.title);
      groupLine = start.firstLineIndex ?? start.lineIndex;
      return;
    }
    // The item before a group heading ends at that heading, not at its first sub-item.
    const firstLineIndex = Math.min(groupLine ?? Infinity, start.firstLineIndex ?? Infinity);
    kept.push(Number.isFinite(firstLineIndex) ? { ...start, firstLineIndex } : start);
    groupLine = null;
  });
  const renumbered = kept.map((start, index) => ({ ...start, number: index + 1 }));
  const mapping = renumbered.map((start) => `${start.label ?? start.number} → ${start.number}`);
  const warnings = [
    `punkterne er nummereret i niveauer; de er talt fortløbende: ${mapping.join(', ')}`,
  ];
  if (groups.length > 0)
    warnings.push(
      `overskrifter uden egen tekst samler kun punkter og er ikke punkter: ${groups.map((title) => `"${title}"`).join(', ')}`,
    );
  return { starts: renumbered, warnings };
}

function isSubItemOf(start: ItemStart, group: ItemStart): boolean {
  const [major, minor] = (start.label ?? '').split('.');
  return minor !== undefined && group.label === major;
}

function hasText(lines: readonly SourceLine[], from: number, to: number): boolean {
  return lines.slice(from, to).some((line) => line.plain !== '' && !isPageFurniture(line.plain));
}
