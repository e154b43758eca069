import { Marked, type Tokens } from 'marked';

/**
 * Markdown to HTML for the preview of Sagsfremstilling and Anledning. User text never becomes
 * live HTML: raw HTML is escaped and shown as text (only bare <b>, <strong>, <i>, <em> and <br>
 * become formatting, as in the documents), links keep only http, https and mailto, and images
 * become plain links. Runs of tab-separated lines become tables, as the documents
 * render them.
 */
const markdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return formattingTag(text) ?? escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const text = this.parser.parseInline(tokens);
      if (!isSafeUrl(href)) return text;
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(href)}"${titleAttribute} rel="noopener noreferrer">${text}</a>`;
    },
    image({ href, text }: Tokens.Image): string {
      const label = escapeHtml(text || href);
      if (!isSafeUrl(href)) return label;
      return `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${label}</a>`;
    },
  },
});

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const formattingTagPattern = /^<(\/?)(b|strong|i|em)\s*>$|^<br\s*\/?>$/iu;

/**
 * The formatting tags legacy texts carry (<b>, <strong>, <i>, <em>, <br>), written anew
 * without any attributes, as the documents render them; null for any other HTML.
 */
function formattingTag(text: string): string | null {
  const match = formattingTagPattern.exec(text.trim());
  if (!match) return null;
  if (!match[2]) return '<br>';
  return `<${match[1]}${match[2].toLowerCase()}>`;
}

function isSafeUrl(href: string): boolean {
  return /^(?:https?:|mailto:)/iu.test(href.trim());
}

/** Renders Markdown safely to an HTML string for dangerouslySetInnerHTML. */
export function renderMarkdown(text: string): string {
  return markdown.parse(tabRowsToTables(text)) as string;
}

const listLine = /^\s*(?:[-*+]|\d+[.)])\s/u;

/** Turns runs of tab-separated lines into GFM tables, the first row as header. */
export function tabRowsToTables(text: string): string {
  const lines = text.replace(/\r\n?/gu, '\n').split('\n');
  const output: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    const isTable = run.length > 1 || (run[0]?.split('\t').length ?? 0) >= 3;
    if (run.length > 0 && isTable) output.push('', ...gfmTable(run), '');
    else output.push(...run);
    run = [];
  };
  for (const line of lines) {
    if (line.includes('\t') && line.trim() !== '' && !listLine.test(line)) run.push(line);
    else {
      flush();
      output.push(line);
    }
  }
  flush();
  return output.join('\n');
}

function gfmTable(lines: readonly string[]): string[] {
  const rows = lines.map((line) =>
    line
      .replace(/\s+$/u, '')
      .split('\t')
      .map((cell) => cell.trim().replaceAll('|', '\\|')),
  );
  const width = Math.max(...rows.map((row) => row.length));
  const toLine = (row: readonly string[]): string =>
    `| ${Array.from({ length: width }, (_, index) => row[index] ?? '').join(' | ')} |`;
  const [header = [], ...body] = rows;
  return [toLine(header), toLine(Array.from({ length: width }, () => '---')), ...body.map(toLine)];
}
