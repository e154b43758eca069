/**
 * Text clean-up shared by the readers and the structural parser. Legacy minutes come with
 * Windows line endings, non-breaking spaces, typographic quotes, zero-width marks and Markdown
 * emphasis; recognition works on a plain form of each line while the stored text keeps its
 * Markdown.
 */

const zeroWidth = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
// Control characters other than tab, newline and form feed (page break) carry no text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const controlCharacters = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/gu;

/** Normalizes a whole document: NFC, LF line endings, plain spaces and quotes. */
export function normalizeDocumentText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/gu, '\n')
    .replace(zeroWidth, '')
    .replace(controlCharacters, '')
    .replace(/[\u00A0\u2007\u202F]/gu, ' ')
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/gu, '"')
    .replace(/[\u2018\u2019\u201A]/gu, "'");
}

/** Undoes Markdown backslash escapes such as `2017\_juni`. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'&])/gu, '$1');
}

/** Removes inline emphasis and simple HTML tags, keeping their text. */
export function stripInlineMarks(text: string): string {
  return text
    .replace(/<\/?(?:b|strong|i|em|u|span|br)\b[^>]*>/giu, '')
    .replace(/(\*\*|__)(.+?)\1/gu, '$2')
    .replace(/(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])/gu, '$1')
    .replace(/\*\*|__/gu, '');
}

/** The heading level given by leading `#` marks, or 0. */
export function headingLevel(line: string): number {
  const match = /^\s{0,3}(#{1,6})(?:\s|$)/u.exec(line);
  return match?.[1]?.length ?? 0;
}

/**
 * The plain text of a line for recognition: no heading marks, emphasis, escapes or
 * surrounding white space.
 */
export function plainLine(line: string): string {
  let text = line;
  // Most lines carry no marks at all; skip the replacements for them (the parser's hot path).
  if (/[#*_<\\]/u.test(text)) {
    const withoutHeading = text.replace(/^\s{0,3}#{1,6}(?:\s+|$)/u, '');
    text = unescapeMarkdown(stripInlineMarks(withoutHeading));
  }
  return /\s\s|[\t\n\r\f\v]/u.test(text) || text.trim() !== text
    ? text.replace(/\s+/gu, ' ').trim()
    : text;
}

/** True when the whole line is wrapped in bold marks (a heading in documents without `#`). */
export function isBoldLine(line: string): boolean {
  return /^\s*(\*\*|__)[^*_].*\1\s*$/u.test(line.trim().replace(/^#+\s*/u, ''));
}

/** Collapses a list of lines into Markdown text: trimmed, at most one blank line in a row. */
export function joinSectionLines(lines: readonly string[]): string | null {
  const kept: string[] = [];
  for (const line of lines) {
    const trimmed = line.trimEnd();
    // Two trailing spaces are a Markdown hard line break: keep them.
    const trimmedEnd =
      line.endsWith('  ') && !line.endsWith('   ') && trimmed !== '' ? `${trimmed}  ` : trimmed;
    if (trimmedEnd.trim() === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(trimmedEnd.trim() === '' ? '' : trimmedEnd);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  const text = kept.join('\n').trim();
  return text === '' ? null : text;
}

/** Similarity of two strings from 0 to 1 (Dice coefficient over character bigrams). */
export function textSimilarity(left: string, right: string): number {
  const a = left.toLowerCase().replace(/\s+/gu, ' ');
  const b = right.toLowerCase().replace(/\s+/gu, ' ');
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let index = 0; index < a.length - 1; index++) {
    const bigram = a.slice(index, index + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let index = 0; index < b.length - 1; index++) {
    const bigram = b.slice(index, index + 2);
    const count = counts.get(bigram) ?? 0;
    if (count > 0) {
      counts.set(bigram, count - 1);
      shared++;
    }
  }
  return (2 * shared) / (a.length + b.length - 2);
}
