/** Running headers, footers and page numbers of a PDF, recognized by position and repetition. */
import { bodySize } from './pdf-line-metrics.ts';
import type { Line } from './pdf-lines.ts';

const PAGE_NUMBER = [
  /^(side|page|s\.)\s*\d+(\s*(af|of|\/)\s*\d+)?$/i,
  /^\d+\s*(af|of)\s*\d+$/i,
  /^[-–—]\s*\d+\s*[-–—]$/,
];

/**
 * "3/12" and a bare "3" are page numbers only when they fit the document: "N/M" where M is
 * about the page count, a bare number no higher than it and on other pages too. A journal
 * number such as "14/13782" at the top of a column is text.
 */
function isBarePageNumber(text: string, pageCount: number, repeats: boolean): boolean {
  const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
  if (fraction)
    return (
      Number(fraction[1]) <= Number(fraction[2]) && Math.abs(Number(fraction[2]) - pageCount) <= 2
    );
  return /^\d{1,4}$/.test(text) && Number(text) <= pageCount + 2 && (repeats || pageCount === 1);
}

/** Drops running headers, footers and page numbers: lines in the top or bottom tenth of a page. */
export function dropHeadersAndFooters(pages: Line[][]): Line[][] {
  const inZone = (line: Line): boolean => {
    const margin = (line.top - line.bottom) * 0.1;
    return line.y > line.top - margin || line.y < line.bottom + margin;
  };
  const key = (line: Line): string => line.text.replace(/\d+/g, '#').toLowerCase();
  const pagesWithKey = new Map<string, Set<number>>();
  const pagesWithText = new Map<string, Set<number>>();
  for (const lines of pages) {
    for (const line of lines) {
      if (!inZone(line)) continue;
      addTo(pagesWithKey, key(line), line.page);
      addTo(pagesWithText, line.text, line.page);
    }
  }
  const total = pages.length;
  const repeats = (line: Line): boolean => {
    if (total >= 3) return (pagesWithKey.get(key(line))?.size ?? 0) * 2 >= total;
    return total === 2 && pagesWithText.get(line.text)?.size === 2;
  };
  const isPageNumber = (line: Line): boolean =>
    PAGE_NUMBER.some((pattern) => pattern.test(line.text)) ||
    isBarePageNumber(line.text, total, (pagesWithKey.get(key(line))?.size ?? 0) >= 2);
  const meetingHeader = repeatedMeetingHeader(pages);
  const isFirstPage = (line: Line): boolean => line.page === pages[0]?.[0]?.page;
  return pages.map((lines) =>
    lines.filter((line, index) => {
      if (meetingHeader.has(line.text) && (isFirstPage(line) || index < topLineCount)) {
        return isFirstPage(line);
      }
      return !inZone(line) || !(isPageNumber(line) || repeats(line));
    }),
  );
}

/** How many lines from the top of a page a repeated meeting header may take. */
const topLineCount = 6;

/**
 * The meeting header printed again at the top of every page (or of every item's page): lines
 * among the first page's top lines, set at body size or larger (a running header is smaller),
 * that come back at the top of half the other pages or more. The first page keeps them: there
 * they are the meeting's header.
 */
function repeatedMeetingHeader(pages: Line[][]): Set<string> {
  const others = pages.slice(1);
  if (others.length < 2) return new Set();
  const body = bodySize(pages);
  const topTexts = others.map((lines) => new Set(lines.slice(0, topLineCount).map((l) => l.text)));
  const header = new Set<string>();
  for (const line of (pages[0] ?? []).slice(0, topLineCount)) {
    if (line.size < body - 0.5 || line.text.length < 4) continue;
    const count = topTexts.filter((texts) => texts.has(line.text)).length;
    if (count * 2 >= others.length) header.add(line.text);
  }
  return header;
}

function addTo(map: Map<string, Set<number>>, key: string, page: number): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(page);
}
