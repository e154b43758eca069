/**
 * Writes the fixtures' minutes text as HTML, for layouts that meeting systems publish as web
 * pages: every item a table with the section's label in the first column and its text in the
 * second.
 */
import type { MinutesText, TextItem } from './minutes-text.ts';

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function plain(line: string): string {
  return line
    .replace(/^#+\s*/u, '')
    .replace(/<\/?b>/gu, '')
    .replaceAll('**', '')
    .replaceAll('\\_', '_')
    .trim();
}

/** Markdown-ish lines as HTML blocks: paragraphs, lists and tables. */
export function linesToHtml(lines: readonly string[]): string {
  const out: string[] = [];
  let list = null as { tag: 'ul' | 'ol'; items: string[] } | null;
  let rows = null as string[][] | null;
  const flush = (): void => {
    if (list)
      out.push(
        `<${list.tag}>${list.items.map((item) => `<li>${item}</li>`).join('')}</${list.tag}>`,
      );
    if (rows)
      out.push(
        `<table>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</table>`,
      );
    list = null;
    rows = null;
  };
  for (const line of lines) {
    const text = line.trim();
    if (text === '' || /^-{3,}$/u.test(text)) {
      flush();
      continue;
    }
    if (line.includes('\t')) {
      if (!rows) flush();
      rows ??= [];
      rows.push(line.split('\t').map((cell) => escapeHtml(plain(cell))));
      continue;
    }
    const item = /^\s*(?:([-*•])|\d{1,2}\.)\s+(.*)$/u.exec(line);
    if (item) {
      const tag = item[1] ? 'ul' : 'ol';
      if (list?.tag !== tag) flush();
      list ??= { tag, items: [] };
      list.items.push(escapeHtml(plain(item[2] ?? '')));
      continue;
    }
    flush();
    out.push(`<p>${escapeHtml(plain(text))}</p>`);
  }
  flush();
  return out.join('\n');
}

function itemTable(item: TextItem): string {
  const rows = item.sections.flatMap((section) => {
    const content = linesToHtml(section.lines);
    if (content === '') return [];
    const label = section.heading === null ? '' : plain(section.heading);
    const caseNumber = /^(\d{2}\.\d{2}\.\d{2}-\S+|\d{2}\/\d+)$/u;
    const lead = section.lines.find((line) => line.trim() !== '')?.trim() ?? '';
    if (section.heading === null && caseNumber.test(lead)) {
      const rest = linesToHtml(section.lines.filter((line) => line.trim() !== lead));
      return [
        `<tr><td>Sagsnr.</td><td>${escapeHtml(lead)}</td></tr>`,
        ...(rest === '' ? [] : [`<tr><td></td><td>${rest}</td></tr>`]),
      ];
    }
    return [`<tr><td>${escapeHtml(label)}</td><td>${content}</td></tr>`];
  });
  return `<h2>${escapeHtml(plain(item.heading))}</h2>\n<table>${rows.join('\n')}</table>`;
}

/** The minutes as an HTML page with a labelled table per item. */
export function minutesAsItemTables(minutes: MinutesText): string {
  const header = linesToHtml(minutes.header.map((line) => (/^#/u.test(line) ? '' : line)));
  const title = plain(minutes.header.find((line) => /^#/u.test(line)) ?? '');
  return `<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><h1>${escapeHtml(title)}</h1>
${header}
${linesToHtml(minutes.contents.map((line) => line.replace(/^#+\s*/u, '')))}
${minutes.items.map(itemTable).join('\n')}
</body></html>
`;
}
