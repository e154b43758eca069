/**
 * Turns the HTML that mammoth writes into the SourceText contract (see source-text.ts).
 *
 * mammoth's HTML is regular: h1-h6, p, strong, em, u, s, sup, sub, ul/ol/li (nested),
 * table/thead/tbody/tr/td/th with nested p, a, br and img, with every `<`, `>`, `&` and `"`
 * in text escaped. docx-html-tree.ts parses it into a small tree; this walker renders its
 * blocks, with docx-html-lists.ts and docx-html-tables.ts. Unknown tags are transparent.
 */
import { isShortValue, labelledRows } from './docx-html-label-tables.ts';
import { renderList, renderListItem } from './docx-html-lists.ts';
import { isLayoutBox, renderTable, tableRows } from './docx-html-tables.ts';
import { HEADINGS, isBlockTag, textOf } from './docx-html-text.ts';
import { type ElementNode, type HtmlNode, parseHtml } from './docx-html-tree.ts';
import type { SourceText } from './source-text.ts';

// The tests (and any caller) know these as part of the walker's API.
export { normalizeLine } from './docx-html-text.ts';
export { decodeEntities, parseHtml } from './docx-html-tree.ts';

/** A rendered block: its lines stand on adjacent lines; blocks are separated by a blank line. */
type Block = string[];

/** Renders the block-level children of `parent`, appending to `blocks`. */
function renderBlocks(parent: ElementNode, blocks: Block[]): void {
  let loose: HtmlNode[] = [];
  const flushLoose = (): void => {
    const text = textOf(loose);
    if (text) blocks.push([text]);
    loose = [];
  };
  for (const child of parent.children) {
    if (child.kind === 'text' || !isBlockTag(child.tag)) {
      loose.push(child);
      continue;
    }
    flushLoose();
    const level = HEADINGS.get(child.tag);
    if (level !== undefined) {
      const text = textOf(child.children);
      if (text) blocks.push([`${'#'.repeat(level)} ${text}`]);
    } else if (
      child.tag === 'p' ||
      child.tag === 'pre' ||
      child.tag === 'dt' ||
      child.tag === 'dd'
    ) {
      const text = textOf(child.children);
      if (text) blocks.push([text]);
    } else if (child.tag === 'ul' || child.tag === 'ol') {
      const lines: string[] = [];
      renderList(child, { level: 0 }, lines);
      if (lines.length > 0) blocks.push(lines);
    } else if (child.tag === 'table' && labelledRows(child)) {
      renderLabelledTable(child, blocks);
    } else if (child.tag === 'table' && isLayoutBox(child)) {
      // A one-column table is a frame around ordinary text: render what is inside.
      for (const row of tableRows(child)) {
        for (const cell of row.children) {
          if (cell.kind === 'element') renderBlocks(cell, blocks);
        }
      }
    } else if (child.tag === 'table') {
      const lines = renderTable(child);
      if (lines.length > 0) blocks.push(lines);
    } else if (child.tag === 'li') {
      // A stray li outside any list: render it as a one-item bullet list.
      const lines: string[] = [];
      renderListItem(child, undefined, { level: 0 }, lines);
      if (lines.length > 0) blocks.push(lines);
    } else {
      // div, blockquote, a stray tr/td...: render what is inside.
      renderBlocks(child, blocks);
    }
  }
  flushLoose();
}

/**
 * A labelled form table: "Label: value" on one line for a short value, else the label as a
 * paragraph of its own and the content's blocks under it.
 */
function renderLabelledTable(table: ElementNode, blocks: Block[]): void {
  for (const [label, content] of labelledRows(table) ?? []) {
    const value = textOf(content.children);
    if (value === '') continue;
    if (isShortValue(content)) {
      blocks.push([label === '' ? value : `${label.replace(/:$/u, '')}: ${value}`]);
      continue;
    }
    if (label !== '') blocks.push([label]);
    renderBlocks(content, blocks);
  }
}

/** Converts mammoth's HTML into SourceText. Returns '' when there is no text at all. */
export function htmlToSourceText(html: string): SourceText {
  const blocks: Block[] = [];
  renderBlocks(parseHtml(html), blocks);
  return blocks.map((lines) => lines.join('\n')).join('\n\n');
}
