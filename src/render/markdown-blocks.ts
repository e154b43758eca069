import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, Inline } from './document-blocks.ts';

/**
 * Parses an item text (Markdown) into blocks. Runs of tab-separated lines become tables, as
 * the legacy minutes and the PDF and Word readers write them. Raw HTML is never passed on:
 * <b>, <strong>, <i>, <em> and <br> become formatting, and any other tag stays visible as
 * text, so a <script> in a text is shown, not run.
 */
export function markdownToBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of splitTabTables(removeControlCharacters(markdown))) {
    if (chunk.kind === 'table') blocks.push(tabTable(chunk.lines));
    else blocks.push(...tokensToBlocks(Lexer.lex(chunk.lines.join('\n'), { gfm: true })));
  }
  return blocks;
}

/** Removes control characters other than tab and newline: they have no glyph in any format. */
export function removeControlCharacters(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/\r\n?/gu, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu, '');
}

type Chunk = { kind: 'table' | 'markdown'; lines: string[] };

function splitTabTables(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  for (const line of text.split('\n')) {
    const kind = isTabRow(line) ? 'table' : 'markdown';
    const last = chunks.at(-1);
    if (last && last.kind === kind) last.lines.push(line);
    else chunks.push({ kind, lines: [line] });
  }
  // A single line with one tab is text, not a table.
  return chunks.map((chunk) =>
    chunk.kind === 'table' &&
    chunk.lines.length === 1 &&
    (chunk.lines[0]?.split('\t').length ?? 0) < 3
      ? { kind: 'markdown', lines: chunk.lines }
      : chunk,
  );
}

function isTabRow(line: string): boolean {
  return line.includes('\t') && line.trim() !== '' && !/^\s*(?:[-*+]|\d+[.)])\s/u.test(line);
}

function tabTable(lines: readonly string[]): Block {
  const rows = lines.map((line) =>
    line
      .replace(/\s+$/u, '')
      .split('\t')
      .map((cell) => htmlTextToRuns(cell.trim())),
  );
  const width = Math.max(...rows.map((row) => row.length));
  const padded = rows.map((row) => [
    ...row,
    ...Array.from({ length: width - row.length }, () => []),
  ]);
  return { type: 'table', header: padded[0] ?? null, rows: padded.slice(1) };
}

/** Cell text with <b> tags: bold runs, other tags kept as text. */
function htmlTextToRuns(text: string): Inline[] {
  return inlineTokensToRuns(Lexer.lexInline(text, { gfm: true }));
}

function tokensToBlocks(tokens: readonly Token[]): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    const block = tokenToBlock(token);
    if (block) blocks.push(block);
  }
  return blocks;
}

function tokenToBlock(token: Token): Block | null {
  switch (token.type) {
    case 'paragraph':
      return { type: 'paragraph', runs: inlineTokensToRuns((token as Tokens.Paragraph).tokens) };
    case 'heading': {
      const heading = token as Tokens.Heading;
      return { type: 'heading', level: heading.depth, runs: inlineTokensToRuns(heading.tokens) };
    }
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return {
        type: 'list',
        isOrdered: list.ordered,
        start,
        items: list.items.map((item) => listItemBlocks(item)),
      };
    }
    case 'table': {
      const table = token as Tokens.Table;
      return {
        type: 'table',
        header: table.header.map((cell) => inlineTokensToRuns(cell.tokens)),
        rows: table.rows.map((row) => row.map((cell) => inlineTokensToRuns(cell.tokens))),
      };
    }
    case 'code':
      return { type: 'code', text: (token as Tokens.Code).text };
    case 'blockquote':
      return { type: 'quote', blocks: tokensToBlocks((token as Tokens.Blockquote).tokens) };
    case 'hr':
      return { type: 'rule' };
    case 'html':
      return { type: 'paragraph', runs: [{ text: (token as Tokens.HTML).text.trim() }] };
    case 'text': {
      const text = token as Tokens.Text;
      return {
        type: 'paragraph',
        runs: text.tokens ? inlineTokensToRuns(text.tokens) : [{ text: text.text }],
      };
    }
    default:
      return null;
  }
}

function listItemBlocks(item: Tokens.ListItem): Block[] {
  return tokensToBlocks(item.tokens);
}

interface InlineStyle {
  isBold: boolean;
  isItalic: boolean;
}

/** Flattens inline tokens into runs, following <b>/<i> tags as formatting. */
function inlineTokensToRuns(tokens: readonly Token[] | undefined): Inline[] {
  const runs: Inline[] = [];
  const style: InlineStyle = { isBold: false, isItalic: false };
  appendInline(runs, tokens ?? [], style);
  return mergeRuns(runs);
}

function appendInline(runs: Inline[], tokens: readonly Token[], style: InlineStyle): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        appendInline(runs, (token as Tokens.Strong).tokens, { ...style, isBold: true });
        break;
      case 'em':
        appendInline(runs, (token as Tokens.Em).tokens, { ...style, isItalic: true });
        break;
      case 'del':
        appendInline(runs, (token as Tokens.Del).tokens, style);
        break;
      case 'codespan':
        runs.push({ text: decodeEntities((token as Tokens.Codespan).text), isCode: true });
        break;
      case 'br':
        runs.push({ text: '\n' });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const href = safeHref(link.href);
        const before = runs.length;
        appendInline(runs, link.tokens, style);
        if (href) for (const run of runs.slice(before)) run.href = href;
        break;
      }
      case 'image':
        runs.push(styled(`[billede: ${(token as Tokens.Image).text}]`, style));
        break;
      case 'html':
        applyHtmlTag((token as Tokens.Tag).text, runs, style);
        break;
      case 'text':
      case 'escape': {
        const text = token as Tokens.Text;
        if (text.tokens && text.tokens.length > 0) appendInline(runs, text.tokens, style);
        else runs.push(styled(decodeEntities(text.text), style));
        break;
      }
      default:
        if ('raw' in token && typeof token.raw === 'string') runs.push(styled(token.raw, style));
    }
  }
}

function applyHtmlTag(tag: string, runs: Inline[], style: InlineStyle): void {
  const match = /^<\s*(\/?)\s*(b|strong|i|em|br)\s*\/?\s*>$/iu.exec(tag.trim());
  if (!match) {
    runs.push(styled(tag, style));
    return;
  }
  const isClosing = match[1] === '/';
  const name = (match[2] ?? '').toLowerCase();
  if (name === 'br') runs.push({ text: '\n' });
  else if (name === 'b' || name === 'strong') style.isBold = !isClosing;
  else style.isItalic = !isClosing;
}

function styled(text: string, style: InlineStyle): Inline {
  const run: Inline = { text };
  if (style.isBold) run.isBold = true;
  if (style.isItalic) run.isItalic = true;
  return run;
}

function mergeRuns(runs: readonly Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = merged.at(-1);
    const isSameStyle =
      last &&
      last.isBold === run.isBold &&
      last.isItalic === run.isItalic &&
      last.isCode === run.isCode &&
      last.href === run.href;
    if (last && isSameStyle) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

/** Only web and mail links survive; javascript:, data: and the like become plain text. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  return /^(?:https?:\/\/|mailto:)/iu.test(trimmed) ? trimmed : undefined;
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|[a-z]+\d*);/giu, (entity, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return entities[name.toLowerCase()] ?? entity;
  });
}
