import { findWords, stemWord, type WordSpan } from './danish-words.ts';
import type { MatchingStems } from './search-query.ts';

/** Snippets are about two lines: enough to judge a hit, short enough for a list. */
const windowWords = 30;

/** How a snippet marks the words that matched. */
export const snippetMarks = { open: '[[', close: ']]' } as const;

/**
 * A plain-text snippet from the original text around the best match: the window of about 30
 * words with the most different matched words (then the most matches), matched words wrapped
 * in [[ ]]. Sections are tried in order and the first wins a tie; with no match anywhere, the
 * snippet is the start of the first non-empty section. Words match by stem, so "målet" marks
 * "mål" and "målene" but never "malet", or by a compound prefix ("budgetopfølgningen").
 */
export function buildSnippet(
  sections: ReadonlyArray<string | null | undefined>,
  matchingStems: MatchingStems,
): string {
  let best: { text: string; words: WordSpan[]; isMatched: boolean[]; start: number } | null = null;
  let bestScore = -1;
  for (const section of sections) {
    if (!section) continue;
    const text = toPlainText(section);
    const words = findWords(text);
    if (words.length === 0) continue;
    const isMatched = words.map((span) => matchingStems.has(stemWord(span.word)));
    const { start, score } = findBestWindow(words, isMatched);
    if (score > bestScore) {
      best = { text, words, isMatched, start };
      bestScore = score;
    }
  }
  if (!best) return '';
  return renderWindow(best.text, best.words, best.isMatched, best.start);
}

/** The window start with the most distinct matched stems, then the most matched words. */
function findBestWindow(
  words: readonly WordSpan[],
  isMatched: readonly boolean[],
): { start: number; score: number } {
  let bestStart = 0;
  let bestScore = 0;
  for (let start = 0; start < words.length; start++) {
    if (!isMatched[start]) continue;
    const distinct = new Set<string>();
    let count = 0;
    for (let index = start; index < Math.min(words.length, start + windowWords); index++) {
      if (!isMatched[index]) continue;
      distinct.add(stemWord(words[index]?.word ?? ''));
      count += 1;
    }
    const score = distinct.size * 1000 + count;
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  if (bestScore === 0) return { start: 0, score: 0 };
  // Centre the matches in the window rather than starting on the first one.
  let lastMatch = bestStart;
  for (let index = bestStart; index < Math.min(words.length, bestStart + windowWords); index++)
    if (isMatched[index]) lastMatch = index;
  const slack = windowWords - (lastMatch - bestStart + 1);
  const start = Math.max(
    0,
    Math.min(bestStart - Math.floor(slack / 2), words.length - windowWords),
  );
  return { start, score: bestScore };
}

function renderWindow(
  text: string,
  words: readonly WordSpan[],
  isMatched: readonly boolean[],
  start: number,
): string {
  const end = Math.min(words.length, start + windowWords);
  let snippet = start > 0 ? '…' : '';
  let cursor = words[start]?.start ?? 0;
  for (let index = start; index < end; index++) {
    const span = words[index];
    if (!span) break;
    snippet += text.slice(cursor, span.start);
    const written = text.slice(span.start, span.end);
    snippet += isMatched[index] ? `${snippetMarks.open}${written}${snippetMarks.close}` : written;
    cursor = span.end;
  }
  if (end < words.length) snippet += '…';
  else snippet += text.slice(cursor).trimEnd();
  return snippet.trim();
}

/** Minutes' text is light Markdown: keep the words, drop the marks and line structure. */
function toPlainText(text: string): string {
  return text
    .replace(/<[^>]*>/gu, ' ')
    .replace(/\*\*|__/gu, '')
    .replace(/^[ \t]*(?:#{1,6}|[-*+•])[ \t]+/gmu, '')
    .replace(/\|/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
