import { attachmentHitLabel } from '../core/attachment-hit-label.ts';
import { formatDanishDate } from '../core/danish-date.ts';
import type { SearchHit } from '../search/search-provider.ts';
import { snippetMarks } from '../search/snippet.ts';

/** How the terminal shows things: bold on a TTY, *stars* in a pipe or a file. */
export interface PresentOptions {
  isTty: boolean;
}

/** A hit as `--json` prints it. */
export interface SearchHitJson {
  meeting: { forum: string; date: string };
  item: { number: number; title: string; caseNumber: string | null };
  score: number;
  snippet: string;
  /** The Bilag the match came from, when the item's own text has none. */
  attachment?: { title: string; fileName: string | null };
}

/** The hits as the JSON array `referat search --json` prints. */
export function toSearchHitsJson(hits: readonly SearchHit[]): SearchHitJson[] {
  return hits.map((hit) => ({
    meeting: { forum: hit.meeting.forum, date: hit.meeting.date },
    item: { number: hit.item.number, title: hit.item.title, caseNumber: hit.item.caseNumber },
    score: hit.score,
    snippet: hit.snippet,
    ...(hit.attachment
      ? { attachment: { title: hit.attachment.title, fileName: hit.attachment.fileName } }
      : {}),
  }));
}

/**
 * The hits as a readable Danish list: date, forum and "Punkt N: title", the journal number,
 * then the snippet with the matched words in bold (on a TTY) or between stars.
 */
export function presentSearchHits(
  text: string,
  hits: readonly SearchHit[],
  options: PresentOptions,
): string {
  if (hits.length === 0) return `Ingen resultater for »${text.trim()}«.\n`;
  const heading = `${hits.length === 1 ? '1 resultat' : `${hits.length} resultater`} for »${text.trim()}«`;
  const blocks = hits.map((hit, index) => {
    const lines = [
      `${index + 1}. ${formatDanishDate(hit.meeting.date)} · ${hit.meeting.forum} · Punkt ${hit.item.number}: ${hit.item.title}`,
    ];
    if (hit.item.caseNumber) lines.push(`   Journalnummer ${hit.item.caseNumber}`);
    if (hit.attachment) lines.push(`   ${attachmentHitLabel(hit.attachment)}:`);
    if (hit.snippet) lines.push(`   ${emphasizeMarks(hit.snippet, options)}`);
    return lines.join('\n');
  });
  return `${heading}\n\n${blocks.join('\n\n')}\n`;
}

/** Replaces the snippet's [[ ]] marks with bold or stars. */
export function emphasizeMarks(snippet: string, options: PresentOptions): string {
  const [open, close] = options.isTty ? ['\u001b[1m', '\u001b[22m'] : ['*', '*'];
  return snippet.replaceAll(snippetMarks.open, open).replaceAll(snippetMarks.close, close);
}
