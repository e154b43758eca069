import type { Recommendation } from '../core/meeting.ts';
import { proposerLine } from './line-patterns.ts';
import { parseListLine } from './list-marker.ts';
import { plainLine } from './text-normalize.ts';

/**
 * Reads an Indstilling: "Kommunaldirektøren indstiller," then numbered or bulleted points
 * ("1. at …"). Points may also be paragraphs starting with "at", or the rest of the proposer
 * line ("X indstiller, at …"). Wrapped lines continue the point above; deeper list levels
 * stay inside their point.
 */
export function parseRecommendation(sectionLines: readonly string[]): Recommendation | null {
  const lines = joinWrappedProposer(sectionLines);
  let proposer: string | null = null;
  const points: string[] = [];
  let topIndent: number | null = null;
  let lastNumber = 0;
  let isContinuationAllowed = false;

  for (const line of lines) {
    if (line.trim() === '') {
      isContinuationAllowed = false;
      continue;
    }
    const plain = plainLine(line);
    if (plain === '' || /^-{3,}$/u.test(plain)) continue;
    const proposerMatch: ReturnType<typeof proposerLine> =
      proposer === null && points.length === 0 ? proposerLine(plain) : null;
    if (proposerMatch) {
      proposer = proposerMatch.proposer;
      if (proposerMatch.rest !== '') points.push(proposerMatch.rest);
      isContinuationAllowed = proposerMatch.rest !== '';
      continue;
    }
    const listLine = parseListLine(line);
    const number =
      listLine && /^\d/u.test(listLine.marker) ? Number.parseInt(listLine.marker, 10) : null;
    if (
      listLine &&
      number !== null &&
      number !== lastNumber + 1 &&
      isContinuationAllowed &&
      points.length > 0
    ) {
      // "22. oktober" at the start of a wrapped line is text, not point 22.
      appendToLastPoint(points, ` ${plain}`);
      continue;
    }
    if (listLine) {
      topIndent ??= listLine.indent;
      if (number !== null && listLine.indent <= topIndent + 1) lastNumber = number;
      const text = plainLine(listLine.text);
      if (listLine.indent > topIndent + 1 && points.length > 0) {
        appendToLastPoint(points, `\n- ${text}`);
      } else {
        points.push(text);
      }
      isContinuationAllowed = true;
      continue;
    }
    if (isContinuationAllowed && points.length > 0 && !/^at\b/iu.test(plain)) {
      appendToLastPoint(points, ` ${plain}`);
      continue;
    }
    if (points.length > 0 && !/^at\b/iu.test(plain)) {
      appendToLastPoint(points, `\n\n${plain}`);
    } else {
      points.push(plain);
    }
    isContinuationAllowed = true;
  }
  if (proposer === null && points.length === 0) return null;
  return { proposer: proposer ?? '', points: points.flatMap(splitRunInPoints) };
}

/**
 * "1. at A 2. at B": points run together on one line, as PDF text layers give them after a
 * run-in "Indstilling" heading. Splits where the numbers count on one by one before an "at",
 * so a date or an amount in a point ("d. 2. at …" is not Danish) never splits it.
 */
export function splitRunInPoints(point: string): string[] {
  const marker = /(?:^|\s)(\d{1,2})[.)]\s+(?=at\s)/gu;
  const found = [...point.matchAll(marker)];
  const first = found[0];
  if (!first) return [point];
  const startsWithMarker = first.index === 0;
  let expected = Number(first[1]);
  if (!startsWithMarker && expected !== 2) return [point];
  const cuts: number[] = [];
  for (const match of found) {
    if (Number(match[1]) !== expected) return [point];
    cuts.push(match.index ?? 0);
    expected++;
  }
  if (!startsWithMarker) cuts.unshift(0);
  if (cuts.length < 2 && !startsWithMarker) return [point];
  return cuts.map((cut, index) =>
    point
      .slice(cut, cuts[index + 1] ?? point.length)
      .trim()
      .replace(/^\d{1,2}[.)]\s+/u, ''),
  );
}

/** "Afdelingschefen for Borgere &" + "Arbejdsmarked indstiller at;" is one proposer line. */
function joinWrappedProposer(lines: readonly string[]): string[] {
  const start = lines.findIndex((line) => line.trim() !== '');
  if (start < 0) return [...lines];
  let end = start;
  while (
    end < lines.length &&
    end - start < 4 &&
    lines[end]?.trim() &&
    !parseListLine(lines[end] ?? '')
  ) {
    if (/\bindstiller\b/iu.test(lines[end] ?? '')) break;
    end++;
  }
  if (end === start || end >= lines.length || !/\bindstiller\b/iu.test(lines[end] ?? ''))
    return [...lines];
  const joined = lines
    .slice(start, end + 1)
    .map((line) => line.trim())
    .join(' ');
  return [...lines.slice(0, start), joined, ...lines.slice(end + 1)];
}

function appendToLastPoint(points: string[], text: string): void {
  points[points.length - 1] = `${points[points.length - 1] ?? ''}${text}`;
}
