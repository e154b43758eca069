import { formatDanishDate } from '../core/danish-date.ts';
import type { CaseTimelineView } from '../services/search-service.ts';

/** Decisions are shown as one line of at most this many characters. */
const decisionLength = 200;

/**
 * A case's timeline in Danish: a heading with the journal number and the count, then each
 * item in date order with its forum, number, title and the start of its decision.
 */
export function presentCaseTimeline(
  caseNumber: string,
  entries: readonly CaseTimelineView[],
): string {
  const count = entries.length === 1 ? '1 punkt' : `${entries.length} punkter`;
  const blocks = entries.map((entry) => {
    const lines = [
      `${formatDanishDate(entry.date)} · ${entry.forum} · Punkt ${entry.itemNumber}: ${entry.title}${entry.closed ? ' (lukket punkt)' : ''}`,
    ];
    if (entry.decision?.trim()) lines.push(`   Beslutning: ${shorten(entry.decision)}`);
    return lines.join('\n');
  });
  return `Sag ${caseNumber} – ${count}\n\n${blocks.join('\n\n')}\n`;
}

function shorten(text: string): string {
  const line = text
    .replace(/\*\*|__|<[^>]*>/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return line.length <= decisionLength ? line : `${line.slice(0, decisionLength - 1).trimEnd()}…`;
}
