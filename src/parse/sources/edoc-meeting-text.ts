import type { SourceMetadata } from './source-types.ts';

/**
 * eDoc has no elements for the place or the attendance: they are in the meeting's text
 * ("i Mødecenter C, Lokale 32 på Ballerup Rådhus", "Tilstede" / "Afbud/Fraværende" /
 * "Sekretær" lists before the table of contents). They are read into source metadata.
 */
export function readMeetingText(text: string): SourceMetadata {
  const lines = text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.trim());
  const contentsAt = lines.findIndex((line) => /^indholdsfortegnelse$/iu.test(line));
  const head = contentsAt >= 0 ? lines.slice(0, contentsAt) : lines.slice(0, 80);
  const placeLine = head.find((line) => /^i\s+\S/u.test(line) && line.length < 150);
  return {
    locationInText: placeLine ? placeLine.replace(/^i\s+/u, '') : null,
    present: listAfter(head, /^til ?stede$/iu),
    absent: listAfter(head, /^(?:afbud|fraværende|afbud\/fraværende)$/iu),
    secretary: listAfter(head, /^sekretær$/iu).join(', ') || null,
  };
}

/** The non-empty lines after a label line, up to the first blank line after them. */
function listAfter(lines: readonly string[], label: RegExp): string[] {
  const start = lines.findIndex((line) => label.test(line));
  if (start < 0) return [];
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '') {
      if (names.length > 0) break;
      continue;
    }
    if (/^(?:afbud|fraværende|afbud\/fraværende|sekretær|til ?stede)$/iu.test(line)) break;
    names.push(line);
  }
  return names;
}
