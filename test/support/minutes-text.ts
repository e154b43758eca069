/**
 * Takes the fixtures' minutes text (Markdown-ish, as the readers write it) apart and puts it
 * together again in other councils' layouts: items, their sections, the header and the table
 * of contents.
 */
import { type SectionKind, sectionHeadingKind } from '../../src/parse/line-patterns.ts';
import { plainLine } from '../../src/parse/text-normalize.ts';

/** One section of an item: its heading line (null for text before the first) and lines. */
export interface TextSection {
  heading: string | null;
  kind: SectionKind | null;
  lines: string[];
}

/** One item: its number, its title (without "Punkt N: CF - "), heading line and sections. */
export interface TextItem {
  number: number;
  title: string;
  heading: string;
  sections: TextSection[];
}

/** A document taken apart. */
export interface MinutesText {
  /** The meeting header: the lines before the table of contents. */
  header: string[];
  /** The table of contents, heading included. */
  contents: string[];
  items: TextItem[];
}

const itemHeading = /^#*\s*\**Punkt (\d+): (?:CF - )?(.*?)\**$/u;

/** Splits a fixture's text into header, contents and items. */
export function splitMinutes(text: string): MinutesText {
  const lines = text.split('\n');
  const firstItem = lines.findIndex((line) => itemHeading.test(line.trim()));
  const contentsStart = lines.findIndex((line) => /Indholdsfortegnelse/u.test(line));
  const headerEnd = contentsStart >= 0 && contentsStart < firstItem ? contentsStart : firstItem;
  const items: TextItem[] = [];
  for (const line of lines.slice(firstItem)) {
    const match = itemHeading.exec(line.trim());
    if (match) {
      items.push({ number: Number(match[1]), title: match[2] ?? '', heading: line, sections: [] });
      continue;
    }
    const item = items.at(-1) as TextItem;
    const kind = sectionHeadingKind(plainLine(line));
    if (kind !== null || item.sections.length === 0) {
      item.sections.push({ heading: kind === null ? null : line, kind, lines: kind ? [] : [line] });
    } else {
      item.sections.at(-1)?.lines.push(line);
    }
  }
  return {
    header: lines.slice(0, headerEnd),
    contents: lines.slice(headerEnd, firstItem),
    items,
  };
}

/** Puts a document together again. */
export function joinMinutes(minutes: MinutesText): string {
  const itemLines = minutes.items.flatMap((item) => [
    item.heading,
    ...item.sections.flatMap((section) => [
      ...(section.heading === null ? [] : [section.heading]),
      ...section.lines,
    ]),
  ]);
  return [...minutes.header, ...minutes.contents, ...itemLines].join('\n');
}

/** The text without Markdown marks, as text taken from a PDF reads. */
export function withoutMarks(text: string): string {
  return text
    .replace(/^#+ /gmu, '')
    .replaceAll('**', '')
    .replace(/<\/?b>/gu, '')
    .replaceAll('\\_', '_');
}

/** Wraps lines at `width` characters, as pdftotext does; table rows stay whole. */
export function hardWrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      if (line.length <= width || line.includes('\t')) return [line];
      const wrapped: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current !== '' && current.length + word.length + 1 > width) {
          wrapped.push(current);
          current = word;
        } else {
          current = current === '' ? word : `${current} ${word}`;
        }
      }
      return [...wrapped, current];
    })
    .join('\n');
}

/** The header's non-empty lines without marks: "REFERAT Chefforum d. …", "Mødedato …", … */
export function headerBlock(minutes: MinutesText): string[] {
  return minutes.header.map((line) => plainLine(line)).filter((line) => line !== '');
}

/** The table-of-contents entries (title and page) with the heading line first. */
export function contentsEntries(minutes: MinutesText): Array<{ title: string; page: string }> {
  return minutes.contents.flatMap((line) => {
    const match = /^(?:CF - )?(.*?)\.{3,}\s*(\d+)$/u.exec(line.trim());
    return match ? [{ title: match[1] ?? '', page: match[2] ?? '' }] : [];
  });
}
