/**
 * Tables used as a form: a label in the first column ("Sagsnr.", "Anledning", "Beslutning")
 * and its content in the second, as many councils' Word templates and meeting systems' HTML lay
 * out each item. Written as table rows they would squeeze every section into one line, so they
 * are written as what they mean: a short value on the label's line ("Sagsnr.: 15/13392"),
 * longer content under the label as its own paragraphs and lists.
 */
import { tableRows } from './docx-html-tables.ts';
import { isBlockTag, textOf } from './docx-html-text.ts';
import type { ElementNode } from './docx-html-tree.ts';
import { hasCaseNumberLabel, sectionHeadingKind } from './line-patterns.ts';

/** The label cell and the content cell of each row, when the table is a labelled form. */
export function labelledRows(table: ElementNode): Array<[string, ElementNode]> | null {
  const rows: Array<[string, ElementNode]> = [];
  let knownLabels = 0;
  for (const row of tableRows(table)) {
    const cells = row.children.filter(
      (cell): cell is ElementNode =>
        cell.kind === 'element' && (cell.tag === 'td' || cell.tag === 'th'),
    );
    const [labelCell, content] = cells;
    if (cells.length !== 2 || !labelCell || !content) return null;
    const label = textOf(labelCell.children);
    if (label.length > 40) return null;
    if (sectionHeadingKind(label) !== null || hasCaseNumberLabel(`${label} 1`)) knownLabels++;
    rows.push([label, content]);
  }
  return knownLabels >= 2 ? rows : null;
}

/** True when a cell holds one short paragraph at most: it goes on its label's line. */
export function isShortValue(cell: ElementNode): boolean {
  const blocks = cell.children.filter((child) => child.kind === 'element' && isBlockTag(child.tag));
  return blocks.length <= 1 && textOf(cell.children).length <= 80;
}
