/**
 * Renders mammoth's ul/ol lists: `- ` or `N. ` markers, two spaces of indentation per level. The
 * numbers come from the Word labels docx-numbering.ts put in, where there are any.
 */
import { renderTable } from './docx-html-tables.ts';
import { inlineText, LEADING_LABEL, normalizeLine } from './docx-html-text.ts';
import type { ElementNode, HtmlNode } from './docx-html-tree.ts';

/** Where in the list nesting rendering is. */
export interface ListContext {
  /** Indentation level of the list being rendered (0 = top level). */
  level: number;
}

/** Renders a ul/ol into lines, recursing into nested lists. */
export function renderList(list: ElementNode, context: ListContext, lines: string[]): void {
  const ordered = list.tag === 'ol';
  const start = Number.parseInt(list.attrs.get('start') ?? '1', 10);
  let number = Number.isFinite(start) ? start : 1;
  const indent = '  '.repeat(context.level);
  for (const child of list.children) {
    if (child.kind === 'text') {
      const text = normalizeLine(child.text);
      if (text) lines.push(`${indent}${text}`);
      continue;
    }
    if (child.tag === 'ul' || child.tag === 'ol') {
      // A list directly inside a list (no li around it) is one level deeper.
      renderList(child, { level: context.level + 1 }, lines);
      continue;
    }
    const used = renderListItem(child, ordered ? number : undefined, context, lines);
    if (child.tag === 'li' && used !== undefined) number = used + 1;
  }
}

/**
 * Renders one li (and the lists nested in it). `number` is the item's number in an ol, or
 * undefined for a bullet; a Word label at the start of the item overrides it. Returns the
 * number used.
 */
export function renderListItem(
  item: ElementNode,
  number: number | undefined,
  context: ListContext,
  lines: string[],
): number | undefined {
  const indent = '  '.repeat(context.level);
  const textNodes: HtmlNode[] = [];
  const nested: ElementNode[] = [];
  for (const child of item.children) {
    if (child.kind === 'element' && (child.tag === 'ul' || child.tag === 'ol')) {
      nested.push(child);
    } else if (child.kind === 'element' && child.tag === 'table') {
      nested.push(child);
    } else {
      textNodes.push(child);
    }
  }
  let raw = textNodes.map(inlineText).join('');
  let used = number;
  if (number !== undefined) {
    const label = LEADING_LABEL.exec(raw);
    if (label) {
      used = Number(label[1]);
      raw = raw.slice(label[0].length);
    }
  }
  const text = normalizeLine(raw);
  const marker = used === undefined ? '-' : `${used}.`;
  // An item that only holds a nested list still gets its marker, so the nesting stays visible.
  if (text || nested.length === 0) lines.push(`${indent}${marker} ${text}`.trimEnd());
  for (const child of nested) {
    if (child.tag === 'table') {
      lines.push(...renderTable(child));
    } else {
      renderList(child, { level: context.level + 1 }, lines);
    }
  }
  return used;
}
