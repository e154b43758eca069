/**
 * Runs of text back to Markdown. Escaping is as light as CommonMark allows, so that the file
 * stays readable as plain text: a `*` or `_` inside a word is left alone, and only the
 * characters that would start markup where they stand get a backslash.
 */
import type { Inline } from './document-blocks.ts';

/** Runs as a paragraph: a "\n" in a run is a hard line break; every line start is escaped. */
export function writeParagraph(runs: readonly Inline[]): string {
  const lines = escapeLineStarts(writeInline(runs)).split('\n');
  // Two spaces end a line with a break; an empty line would end the paragraph, so a break
  // of its own is written as a lone backslash.
  return lines
    .map((line, index) => {
      if (index === lines.length - 1) return line;
      return line.trim() === '' ? '\\' : `${line.trimEnd()}  `;
    })
    .join('\n');
}

/** A paragraph of plain text. */
export function writePlainParagraph(text: string): string {
  return escapeLineStarts(writeInlineOnOneLine([{ text }]));
}

/**
 * Runs that follow a marker on one line: a heading, a list entry, a table cell. Hard breaks
 * and tabs become spaces; the line start is the caller's to escape.
 */
export function writeInlineOnOneLine(runs: readonly Inline[]): string {
  return writeInline(runs.map((run) => ({ ...run, text: run.text.replace(/\s+/gu, ' ') })));
}

function writeInline(runs: readonly Inline[]): string {
  return groupBy(runs, (run) => run.href ?? '')
    .map((group) => {
      const inner = writeStyled(group.runs);
      return group.key === '' ? inner : `[${inner}](${writeHref(group.key)})`;
    })
    .join('');
}

/**
 * Escapes what would change a line's meaning at its start: a heading, quote, list item,
 * setext underline or thematic break. "Punkt 3:" gets an escaped colon, because the
 * project's parser starts a new item at every such line.
 */
export function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeLineStart(line.replace(/^[ \t]+/u, '')))
    .join('\n');
}

function escapeLineStart(line: string): string {
  if (/^(?:#{1,6}(?:\s|$)|>|[-+*](?:\s|$)|=+\s*$|-+\s*$)/u.test(line)) return `\\${line}`;
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/u.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]?.length ?? 0)}`;
  return line.replace(/^(\**(?:punkt|pkt\.?|dagsordens?punkt)\s*\d{1,3}\s*\**\s*):/iu, '$1\\:');
}

interface Group {
  key: string;
  runs: Inline[];
}

function groupBy(runs: readonly Inline[], keyOf: (run: Inline) => string): Group[] {
  const groups: Group[] = [];
  for (const run of runs) {
    const key = keyOf(run);
    const last = groups.at(-1);
    if (last && last.key === key) last.runs.push(run);
    else groups.push({ key, runs: [run] });
  }
  return groups;
}

/** Bold wraps italic wraps code, so that neighbouring runs share one pair of marks. */
function writeStyled(runs: readonly Inline[]): string {
  return groupBy(runs, (run) => (run.isBold ? 'b' : ''))
    .map((bold) => {
      const inner = groupBy(bold.runs, (run) => (run.isItalic ? 'i' : ''))
        .map((italic) => {
          const text = italic.runs.map(writeRun).join('');
          return italic.key === '' ? text : wrapInMarks(text, '*');
        })
        .join('');
      return bold.key === '' ? inner : wrapInMarks(inner, '**');
    })
    .join('');
}

/** Marks must touch the text: white space at either end moves outside them. */
function wrapInMarks(text: string, marks: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/u.exec(text);
  const [, before = '', core = '', after = ''] = match ?? [];
  return core === '' ? text : `${before}${marks}${core}${marks}${after}`;
}

function writeRun(run: Inline): string {
  return run.isCode ? writeCodeSpan(run.text) : escapeText(run.text);
}

function writeCodeSpan(text: string): string {
  const flat = text.replace(/\n/gu, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/gu) ?? []).map((ticks) => ticks.length));
  const fence = '`'.repeat(longest + 1);
  const padding = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${flat}${padding}${fence}`;
}

/** Percent-encodes what would end the link target early; hrefs are already web or mail links. */
function writeHref(href: string): string {
  return href.replace(/[\s()<>\\]/gu, (character) => encodeURIComponent(character));
}

const wordCharacter = /[\p{L}\p{N}]/u;

/** Escapes the characters that would start inline markup where they stand. */
function escapeText(text: string): string {
  const stars = text.split('*').length - 1;
  let escaped = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index] ?? '';
    const before = text[index - 1] ?? ' ';
    const after = text[index + 1] ?? ' ';
    const isInsideWord = wordCharacter.test(before) && wordCharacter.test(after);
    escaped += shouldEscape(character, text.slice(index + 1, index + 12), isInsideWord, stars)
      ? `\\${character}`
      : character;
  }
  return escaped.replace(/\t/gu, ' ');
}

function shouldEscape(
  character: string,
  rest: string,
  isInsideWord: boolean,
  stars: number,
): boolean {
  switch (character) {
    case '\\':
    case '`':
    case '[':
    case ']':
    case '~':
      return true;
    // Inside a word "_" never marks emphasis; a lone "*" there has nothing to pair with.
    case '_':
      return !isInsideWord;
    case '*':
      return !isInsideWord || stars > 1;
    // Only a tag, an autolink or a comment starts with "<"; "a < b" stays as it is.
    case '<':
      return /^[A-Za-z/!?]/u.test(rest);
    case '&':
      return /^(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/u.test(rest);
    default:
      return false;
  }
}
