/**
 * Blocks to HTML. Every piece of text and every attribute value goes through `escapeHtml`,
 * and attribute names are fixed in this file (href, start, scope, colspan and the table
 * frame's): no text from a meeting can become markup, a script or an event handler.
 */
import type { Block, Inline } from './document-blocks.ts';

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => htmlEscapes[character] ?? character);
}

/** Runs as inline HTML: a "\n" in a run is a line break; only safe links become links. */
export function renderRuns(runs: readonly Inline[]): string {
  let html = '';
  let index = 0;
  while (index < runs.length) {
    const href = runs[index]?.href;
    let end = index + 1;
    // Neighbouring runs of one link (bold and plain parts of its text) share one <a>.
    while (href && end < runs.length && runs[end]?.href === href) end++;
    const inner = runs.slice(index, end).map(renderStyledRun).join('');
    html += href ? `<a href="${escapeHtml(href)}">${inner}</a>` : inner;
    index = end;
  }
  return html;
}

function renderStyledRun(run: Inline): string {
  let html = escapeHtml(run.text).replace(/\n/gu, '<br>');
  if (run.isCode) html = `<code>${html}</code>`;
  if (run.isItalic) html = `<em>${html}</em>`;
  if (run.isBold) html = `<strong>${html}</strong>`;
  return html;
}

/**
 * Blocks as HTML. Headings inside a text sit below the section's h3; their levels (1 for the
 * text's top heading) become h4 to h6, and never skip a level on the way down.
 */
export function renderBlocks(blocks: readonly Block[]): string {
  const outline = { level: 3 };
  return blocks.map((block) => renderBlock(block, outline)).join('\n');
}

interface Outline {
  /** The level of the last heading written: 3 for the section heading. */
  level: number;
}

function renderBlock(block: Block, outline: Outline): string {
  switch (block.type) {
    case 'paragraph':
      return block.runs.length === 0 ? '' : `<p>${renderRuns(block.runs)}</p>`;
    case 'heading': {
      const level = Math.min(6, block.level + 3, outline.level + 1);
      outline.level = level;
      return `<h${level}>${renderRuns(block.runs)}</h${level}>`;
    }
    case 'list':
      return renderList(block, outline);
    case 'table':
      return renderTable(block.header, block.rows);
    case 'code':
      return `<pre><code>${escapeHtml(block.text.replace(/\n+$/u, ''))}</code></pre>`;
    case 'quote':
      return `<blockquote>\n${block.blocks.map((inner) => renderBlock(inner, outline)).join('\n')}\n</blockquote>`;
    case 'rule':
      return '<hr>';
  }
}

type ListBlock = Extract<Block, { type: 'list' }>;

function renderList(list: ListBlock, outline: Outline): string {
  const items = list.items.map((item) => {
    // A one-paragraph item needs no <p>: screen readers then read the item without a pause.
    const [first, ...rest] = item;
    const lead = first?.type === 'paragraph' ? renderRuns(first.runs) : '';
    const blocks = first?.type === 'paragraph' ? rest : item;
    const body = blocks.map((block) => renderBlock(block, outline)).join('\n');
    return `<li>${lead}${lead && body ? '\n' : ''}${body}</li>`;
  });
  const tag = list.isOrdered ? 'ol' : 'ul';
  const start = list.isOrdered && list.start !== 1 ? ` start="${list.start}"` : '';
  return `<${tag}${start}>\n${items.join('\n')}\n</${tag}>`;
}

/**
 * A table in a focusable, scrollable frame, so that a wide table scrolls sideways on a phone
 * and can be scrolled with the keyboard too.
 */
function renderTable(header: Inline[][] | null, rows: readonly Inline[][][]): string {
  const head = header ? `<thead>\n<tr>${renderHeaderCells(header)}</tr>\n</thead>\n` : '';
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${renderRuns(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  const bodyHtml = body === '' ? '' : `<tbody>\n${body}\n</tbody>\n`;
  return `<div class="tabel" tabindex="0" role="group" aria-label="Tabel">\n<table>\n${head}${bodyHtml}</table>\n</div>`;
}

/**
 * Header cells. Legacy tables stand for merged cells with empty ones ("2017", "", "2018", "");
 * an empty header cell widens the heading before it, so that no column header is empty.
 */
function renderHeaderCells(header: readonly Inline[][]): string {
  const cells: Array<{ runs: readonly Inline[]; span: number; isEmpty: boolean }> = [];
  for (const runs of header) {
    const last = cells.at(-1);
    const isEmpty = runs.every((run) => run.text.trim() === '');
    if (isEmpty && last && !last.isEmpty) last.span++;
    else cells.push({ runs, span: 1, isEmpty });
  }
  return cells
    .map(({ runs, span, isEmpty }) => {
      if (isEmpty) return '<td></td>';
      const colspan = span > 1 ? ` colspan="${span}"` : '';
      return `<th scope="col"${colspan}>${renderRuns(runs)}</th>`;
    })
    .join('');
}
