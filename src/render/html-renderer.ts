/**
 * The meeting as one self-contained, accessible HTML page: the same content as the PDF, with
 * an inline style sheet and no script, external resource or event handler. Landmarks (header,
 * nav, main), a skip link and a strict h1 → h2 → h3 → h4 outline make it easy to move around
 * with a screen reader; print starts each item on a new page.
 */
import { escapeHtml, renderBlocks } from './html-blocks.ts';
import { htmlStyleSheet } from './html-style.ts';
import type { RenderDocument, RenderItem } from './render-model.ts';
import type { Renderer } from './renderer.ts';

/** HTML: one self-contained accessible page, with the same content and no script. */
export const htmlRenderer: Renderer = {
  format: 'html',
  contentType: 'text/html; charset=utf-8',
  extension: 'html',
  render: (document) => Promise.resolve(new TextEncoder().encode(renderHtml(document))),
};

/** The document as an HTML page. */
export function renderHtml(document: RenderDocument): string {
  const ids = assignAnchorIds(document.items);
  const body = [
    '<a class="spring" href="#indhold">Spring til indhold</a>',
    renderHeader(document),
    document.items.length > 0 ? renderContents(document, ids) : '',
    `<main id="indhold">`,
    document.emptyNote ? `<p class="tom">${escapeHtml(document.emptyNote)}</p>` : '',
    ...document.items.map((item, index) => renderItem(item, ids[index] ?? `punkt-${index + 1}`)),
    '</main>',
  ];
  return [
    '<!doctype html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${htmlStyleSheet}</style>`,
    '</head>',
    '<body>',
    ...body.filter((part) => part !== ''),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * One id per item, from its anchor ("punkt-3"). Parsed meetings can repeat a number; a
 * repeated anchor gets a suffix so that every link in the contents finds its own item.
 */
function assignAnchorIds(items: readonly RenderItem[]): string[] {
  const used = new Set<string>(['indhold', 'indholdsfortegnelse']);
  return items.map((item, index) => {
    const base = item.anchor.replace(/[^\p{L}\p{N}_-]+/gu, '-') || `punkt-${index + 1}`;
    let id = base;
    for (let suffix = 2; used.has(id); suffix++) id = `${base}-${suffix}`;
    used.add(id);
    return id;
  });
}

function renderHeader(document: RenderDocument): string {
  const facts = document.facts
    .map(
      (fact) =>
        `<div><dt>${escapeHtml(fact.label)}</dt>${fact.values.map((value) => `<dd>${escapeHtml(value)}</dd>`).join('')}</div>`,
    )
    .join('\n');
  const factList = facts === '' ? '' : `\n<dl class="fakta">\n${facts}\n</dl>`;
  return `<header>\n<h1>${escapeHtml(document.title)}</h1>${factList}\n</header>`;
}

function renderContents(document: RenderDocument, ids: readonly string[]): string {
  const entries = document.items
    .map(
      (item, index) =>
        `<li><a href="#${escapeHtml(ids[index] ?? '')}">${escapeHtml(item.contentsTitle)}</a></li>`,
    )
    .join('\n');
  return [
    '<nav aria-labelledby="indholdsfortegnelse">',
    `<h2 id="indholdsfortegnelse">${escapeHtml(document.contentsLabel)}</h2>`,
    `<ol>\n${entries}\n</ol>`,
    '</nav>',
  ].join('\n');
}

function renderItem(item: RenderItem, id: string): string {
  const headingId = `${id}-titel`;
  const parts = [
    `<article id="${escapeHtml(id)}" aria-labelledby="${escapeHtml(headingId)}">`,
    `<h2 id="${escapeHtml(headingId)}">${escapeHtml(item.heading)}</h2>`,
  ];
  if (item.caseNumber && item.caseUrl) {
    parts.push(
      `<p class="journalnummer"><a href="${escapeHtml(item.caseUrl)}" rel="external">${escapeHtml(item.caseNumber)}</a></p>`,
    );
  } else if (item.caseNumber) {
    parts.push(`<p class="journalnummer">${escapeHtml(item.caseNumber)}</p>`);
  }
  for (const note of item.notes) parts.push(`<p class="note">${escapeHtml(note.text)}</p>`);
  // Sections stay unlabelled: a labelled <section> is a landmark, and five landmarks per
  // item would drown the page's own (header, nav, main) in a screen reader's list.
  for (const section of item.sections) {
    parts.push(
      '<section>',
      `<h3>${escapeHtml(section.label)}</h3>`,
      renderBlocks(section.blocks),
      '</section>',
    );
  }
  parts.push('</article>');
  return parts.filter((part) => part !== '').join('\n');
}
