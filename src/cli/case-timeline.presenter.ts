import { formatDanishDate } from '../core/danish-date.ts';
import type { CaseTimelineEntry } from '../store/meeting-reader.ts';

/** A timeline entry as shown: a closed item keeps its place but not its title or decision. */
export interface VisibleTimelineEntry {
  forum: string;
  date: string;
  number: number;
  title: string | null;
  caseNumber: string;
  closed: boolean;
  decision: string | null;
}

/** Hides closed items' title and decision unless the reader may see them. */
export function toVisibleTimeline(
  timeline: readonly CaseTimelineEntry[],
  canSeeClosed: boolean,
): VisibleTimelineEntry[] {
  return timeline.map((entry) => {
    const isHidden = entry.closed && !canSeeClosed;
    return {
      forum: entry.forum,
      date: entry.date,
      number: entry.number,
      title: isHidden ? null : entry.title,
      caseNumber: entry.caseNumber,
      closed: entry.closed,
      decision: isHidden ? null : entry.decision,
    };
  });
}

/** Decisions are shown as one line of at most this many characters. */
const decisionLength = 200;

/**
 * A case's timeline in Danish: a heading with the journal number and the count, then each
 * item in date order with its forum, number, title and the start of its decision.
 */
export function presentCaseTimeline(
  caseNumber: string,
  entries: readonly VisibleTimelineEntry[],
): string {
  const count = entries.length === 1 ? '1 punkt' : `${entries.length} punkter`;
  const blocks = entries.map((entry) => {
    const title = entry.title ?? 'Lukket punkt';
    const lines = [
      `${formatDanishDate(entry.date)} · ${entry.forum} · Punkt ${entry.number}: ${title}`,
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
