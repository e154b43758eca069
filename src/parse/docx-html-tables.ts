/** Renders mammoth's HTML tables: one line per row, cells joined by tabs. */
import { textOf } from './docx-html-text.ts';
import type { ElementNode } from './docx-html-tree.ts';

/** The rows of a table, through thead/tbody/tfoot, skipping nested tables' rows. */
export function tableRows(table: ElementNode): ElementNode[] {
  const rows: ElementNode[] = [];
  for (const child of table.children) {
    if (child.kind !== 'element') continue;
    if (child.tag === 'tr') rows.push(child);
    else if (child.tag === 'thead' || child.tag === 'tbody' || child.tag === 'tfoot') {
      for (const row of child.children) {
        if (row.kind === 'element' && row.tag === 'tr') rows.push(row);
      }
    }
  }
  return rows;
}

function spanOf(cell: ElementNode, name: string): number {
  const value = Number.parseInt(cell.attrs.get(name) ?? '1', 10);
  return Number.isFinite(value) && value >= 1 ? Math.min(value, 1000) : 1;
}

/**
 * Renders a table as one line per row, cells joined by tabs. colspan and rowspan are expanded
 * into empty cells, so every row has the tab count of the grid it belongs to.
 */
export function renderTable(table: ElementNode): string[] {
  const lines: string[] = [];
  /** For each column, how many more rows a rowspan above still covers. */
  const covered: number[] = [];
  for (const row of tableRows(table)) {
    const cells: string[] = [];
    let column = 0;
    const skipCovered = (): void => {
      while ((covered[column] ?? 0) > 0) {
        covered[column] = (covered[column] ?? 1) - 1;
        cells.push('');
        column++;
      }
    };
    for (const cell of row.children) {
      if (cell.kind !== 'element' || (cell.tag !== 'td' && cell.tag !== 'th')) continue;
      skipCovered();
      const colspan = spanOf(cell, 'colspan');
      const rowspan = spanOf(cell, 'rowspan');
      cells.push(textOf(cell.children));
      for (let k = 0; k < colspan; k++) {
        if (rowspan > 1) covered[column + k] = rowspan - 1;
        if (k > 0) cells.push('');
      }
      column += colspan;
    }
    // Columns to the right still covered by a rowspan from above.
    while (column < covered.length) {
      if ((covered[column] ?? 0) > 0) {
        covered[column] = (covered[column] ?? 1) - 1;
        cells.push('');
      }
      column++;
    }
    if (cells.some((cell) => cell !== '')) lines.push(cells.join('\t'));
  }
  return lines;
}

/** True for a table with a single column: Word users draw boxes around text this way. */
export function isLayoutBox(table: ElementNode): boolean {
  return tableRows(table).every(
    (row) =>
      row.children.filter(
        (cell) => cell.kind === 'element' && (cell.tag === 'td' || cell.tag === 'th'),
      ).length <= 1,
  );
}
