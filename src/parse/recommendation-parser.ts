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
export function parseRecommendation(lines: readonly string[]): Recommendation | null {
  let proposer: string | null = null;
  const points: string[] = [];
  let topIndent: number | null = null;
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
    if (listLine) {
      topIndent ??= listLine.indent;
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
  return { proposer: proposer ?? '', points };
}

function appendToLastPoint(points: string[], text: string): void {
  points[points.length - 1] = `${points[points.length - 1] ?? ''}${text}`;
}
