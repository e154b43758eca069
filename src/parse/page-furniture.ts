/**
 * Page headers and footers in text that kept its page breaks (form feeds, as pdftotext writes
 * them): a first or last line that repeats, digits aside, on at least half of the pages is
 * furniture, not content. The first page keeps its header lines.
 */
export function removeRepeatedPageLines(text: string): string {
  if (!text.includes('\f')) return text;
  const pages = text.split('\f').map((page) => page.split('\n'));
  if (pages.length < 3) return pages.map((page) => page.join('\n')).join('\n\n');
  const edgeCounts = new Map<string, number>();
  for (const page of pages) {
    for (const line of new Set(edgeLines(page).map(shapeOf)))
      edgeCounts.set(line, (edgeCounts.get(line) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  return pages
    .map((page, index) => {
      // The first page's top lines stay: when the meeting header is printed on every page,
      // there it is the header the parser reads.
      const edges = new Set(index === 0 ? bottomLines(page) : edgeLines(page));
      return page
        .filter((line) => !(edges.has(line) && (edgeCounts.get(shapeOf(line)) ?? 0) >= threshold))
        .join('\n');
    })
    .join('\n\n');
}

function edgeLines(page: readonly string[]): string[] {
  const nonEmpty = page.filter((line) => line.trim() !== '');
  return [...nonEmpty.slice(0, 2), ...nonEmpty.slice(-2)];
}

function bottomLines(page: readonly string[]): string[] {
  return page.filter((line) => line.trim() !== '').slice(-2);
}

function shapeOf(line: string): string {
  return line.trim().replace(/\d+/gu, '#').toLowerCase();
}
