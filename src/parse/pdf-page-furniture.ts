/** Running headers, footers and page numbers of a PDF, recognized by position and repetition. */
import type { Line } from './pdf-lines.ts';

const PAGE_NUMBER = [
  /^(side|page|s\.)\s*\d+(\s*(af|of|\/)\s*\d+)?$/i,
  /^\d+\s*(\/|af|of)\s*\d+$/i,
  /^[-–—]\s*\d+\s*[-–—]$/,
  /^\d{1,4}$/,
];

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
  return pages.map((lines) =>
    lines.filter(
      (line) =>
        !inZone(line) || !(PAGE_NUMBER.some((pattern) => pattern.test(line.text)) || repeats(line)),
    ),
  );
}

function addTo(map: Map<string, Set<number>>, key: string, page: number): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(page);
}
