/**
 * Pages set in two columns. Grouping a page's runs by baseline alone would read straight across
 * both columns (and take the pairs for table rows), so a page whose text leaves a free band
 * down its middle is read as flows instead: full-width stretches as they come, and between
 * them the left column, then the right.
 */
import type { Run } from './pdf-runs.ts';

/** The runs of one visual row, left to right. */
export type RunRow = Run[];

/** The free band between two columns. */
interface Gutter {
  left: number;
  right: number;
}

/** Narrowest free band taken for a gutter (Word's default is 35 pt, Typst's about 24 pt). */
const minGutterWidth = 6;

/**
 * Splits a page's rows (top to bottom) into flows in reading order. A single-column page is
 * one flow.
 */
export function pageFlows(rows: readonly RunRow[]): RunRow[][] {
  const gutter = findGutter(rows);
  if (!gutter) return [[...rows]];
  const flows: RunRow[][] = [];
  let left: RunRow[] = [];
  let right: RunRow[] = [];
  let full: RunRow[] = [];
  const flushColumns = (): void => {
    if (left.length > 0) flows.push(left);
    if (right.length > 0) flows.push(right);
    left = [];
    right = [];
  };
  for (const row of rows) {
    if (crosses(row, gutter)) {
      flushColumns();
      full.push(row);
      continue;
    }
    if (full.length > 0) flows.push(full);
    full = [];
    const leftRuns = row.filter((run) => run.right <= middle(gutter));
    const rightRuns = row.filter((run) => run.right > middle(gutter));
    if (leftRuns.some(isText)) left.push(leftRuns);
    if (rightRuns.some(isText)) right.push(rightRuns);
  }
  if (full.length > 0) flows.push(full);
  flushColumns();
  return flows;
}

function isText(run: Run): boolean {
  return !run.space;
}

function middle(gutter: Gutter): number {
  return (gutter.left + gutter.right) / 2;
}

/** A row spans the gutter when a run reaches over its middle; a line may run into its edge. */
function crosses(row: RunRow, gutter: Gutter): boolean {
  return row.some((run) => isText(run) && run.x < middle(gutter) && run.right > middle(gutter));
}

/**
 * The gutter of a two-column page: a band in the middle of the text area that almost no row
 * crosses, with full columns of text on both sides. Tables and key–value lists (short labels
 * on the left) do not qualify, because their left side is not a column of running text.
 */
function findGutter(rows: readonly RunRow[]): Gutter | null {
  const words = rows.flat().filter(isText);
  if (rows.length < 8 || words.length === 0) return null;
  const left = Math.min(...words.map((run) => run.x));
  const right = Math.max(...words.map((run) => run.right));
  const width = right - left;
  if (width < 200) return null;
  const allowed = Math.max(1, Math.floor(rows.length * 0.08));
  let best: Gutter | null = null;
  let start: number | null = null;
  for (let x = left + width * 0.3; x <= left + width * 0.7 + 1; x += 1) {
    const isFree = x <= left + width * 0.7 && crossingCount(rows, x) <= allowed;
    if (isFree && start === null) start = x;
    if (!isFree && start !== null) {
      if (!best || x - 1 - start > best.right - best.left) best = { left: start, right: x - 1 };
      start = null;
    }
  }
  if (!best || best.right - best.left < minGutterWidth) return null;
  const centre = (best.left + best.right) / 2;
  if (Math.abs(centre - (left + width / 2)) > width * 0.1) return null;
  return hasColumns(rows, best, left, right) ? best : null;
}

function crossingCount(rows: readonly RunRow[], x: number): number {
  let count = 0;
  for (const row of rows)
    if (row.some((run) => isText(run) && run.x - 0.5 < x && run.right + 0.5 > x)) count++;
  return count;
}

/** Both sides hold enough rows, and their lines fill their column as running text does. */
function hasColumns(rows: readonly RunRow[], gutter: Gutter, left: number, right: number): boolean {
  const leftWidths: number[] = [];
  const rightWidths: number[] = [];
  for (const row of rows) {
    const text = row.filter(isText);
    const leftRuns = text.filter((run) => run.right <= middle(gutter));
    const rightRuns = text.filter((run) => run.x >= middle(gutter));
    if (leftRuns.length > 0) leftWidths.push(extent(leftRuns));
    if (rightRuns.length > 0) rightWidths.push(extent(rightRuns));
  }
  // The last page of a two-column text may hold only a few lines in its right column.
  const enough = 3;
  if (leftWidths.length < enough || rightWidths.length < enough) return false;
  return (
    median(leftWidths) >= (gutter.left - left) * 0.6 &&
    median(rightWidths) >= (right - gutter.right) * 0.6
  );
}

function extent(runs: readonly Run[]): number {
  return Math.max(...runs.map((run) => run.right)) - Math.min(...runs.map((run) => run.x));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
