/** Groups a page's text runs into visual lines, finding list markers and table cells. */
import { pageFlows } from './pdf-columns.ts';
import type { FontStyles, PageRuns, Run } from './pdf-runs.ts';

/** A list marker at the start of a line. */
export interface Marker {
  /** `-` for bullets, otherwise the number or letter as written ("1", "a"). */
  label: string;
  x: number;
}

/** One visual line: runs sharing a baseline, left to right. */
export interface Line {
  page: number;
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
  bold: boolean;
  /** Cells when the line has wide gaps (a table row); otherwise undefined. */
  cells: string[] | undefined;
  marker: Marker | undefined;
  /** The page's top and bottom edge, for the header and footer zones. */
  top: number;
  bottom: number;
  /**
   * Which flow of the page the line belongs to: 0 on a single-column page; on a page in two
   * columns, the full-width stretches and the columns are numbered in reading order.
   */
  flow: number;
  /** The left edge of the line's flow (its column), for comparing indents across columns. */
  flowLeft: number;
}

/** The lines of one page (numbered from 1), top to bottom. */
export function groupLines(
  { runs, top, bottom }: PageRuns,
  page: number,
  fonts: FontStyles,
): Line[] {
  runs.sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: RunGroup[] = [];
  let current: RunGroup | undefined;
  for (const run of runs) {
    if (!current || Math.abs(run.y - current.y) > Math.max(2, current.size * 0.25)) {
      current = { runs: [], y: run.y, size: 0 };
      groups.push(current);
    }
    current.runs.push(run);
    if (!run.space && run.size > current.size) current.size = run.size;
  }
  // Superscripts (footnote marks) and subscripts sit a little off their line, in a smaller size.
  const merged: RunGroup[] = [];
  for (const [i, group] of groups.entries()) {
    const next = groups[i + 1];
    const small = (other: RunGroup): boolean => group.size > 0 && group.size < other.size * 0.85;
    if (next && small(next) && group.y - next.y < next.size * 0.6) {
      next.runs.push(...group.runs);
      continue;
    }
    const previous = merged.at(-1);
    if (previous && small(previous) && previous.y - group.y < previous.size * 0.4) {
      previous.runs.push(...group.runs);
      continue;
    }
    merged.push(group);
  }
  const lines: Line[] = [];
  pageFlows(merged.map((group) => group.runs)).forEach((rows, flow) => {
    const flowLeft = Math.min(...rows.flat().map((run) => run.x));
    for (const row of rows) {
      const line = makeLine(row, page, top, bottom, fonts);
      if (line) lines.push({ ...line, flow, flowLeft });
    }
  });
  return lines;
}

interface RunGroup {
  runs: Run[];
  y: number;
  /** The largest font size of the group's visible runs (0 when only spaces). */
  size: number;
}

const STRONG_BULLET = /^[•●○◦▪▫■□◆◇►▸‣⁃∙·➢➤✓✔❖\u2022\uF000-\uF0FF]$/u;
const WEAK_BULLET = /^[-–—o*]$/;
const NUMBER_MARKER = /^(\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]$|^\((\d{1,3}|[a-zA-Z])\)$/;

function makeLine(
  runs: Run[],
  page: number,
  top: number,
  bottom: number,
  fonts: FontStyles,
): Omit<Line, 'flow' | 'flowLeft'> | undefined {
  runs.sort((p, q) => p.x - q.x);
  const words = runs.filter((r) => !r.space);
  const first = words[0];
  if (!first) return undefined;
  let marker: Marker | undefined;
  // The runs that make up the line's text (after a list marker, if any).
  let content = runs;
  const second = words[1];
  const label = first.text.trim();
  if (second) {
    const gap = second.x - first.right;
    if (STRONG_BULLET.test(label) || (WEAK_BULLET.test(label) && gap >= first.size * 0.4)) {
      marker = { label: '-', x: first.x };
    } else if (NUMBER_MARKER.test(label) && gap >= first.size * 0.45) {
      // A number set apart as a run of its own: Word puts a tab after it, Typst half an em.
      marker = { label: label.replace(/[.()]/g, ''), x: first.x };
    }
    if (marker) content = runs.slice(runs.indexOf(second));
  } else {
    // A bullet glyph glued to its text in one item: "• Tekst".
    const glued = /^([•●▪■►➢\u2022\uF000-\uF0FF])\s*(\S.*)$/u.exec(label);
    if (glued?.[2]) {
      marker = { label: '-', x: first.x };
      content = [{ ...first, text: glued[2] }];
    }
  }
  const start = content.find((run) => !run.space);
  if (!start) return undefined;

  const cells: string[] = [];
  let text = '';
  let lastRight = Number.NEGATIVE_INFINITY;
  let lastText = '';
  let lastX = Number.NEGATIVE_INFINITY;
  let pendingSpace = false;
  let chars = 0;
  let size = start.size;
  let bold = true;
  for (const run of content) {
    if (run.space) {
      if (text !== '') pendingSpace = true;
      continue;
    }
    // Fake bold: the same string drawn twice, slightly offset.
    if (run.text === lastText && Math.abs(run.x - lastX) < 1) continue;
    if (text !== '') {
      const gap = run.x - lastRight;
      if (gap > run.size * 2.5) {
        cells.push(text.trim());
        text = '';
      } else if (
        (pendingSpace || gap > run.size * 0.15) &&
        !/\s$/.test(text) &&
        !/^\s/.test(run.text)
      ) {
        text += ' ';
      }
    }
    text += run.text;
    pendingSpace = false;
    lastRight = Math.max(lastRight, run.right);
    lastText = run.text;
    lastX = run.x;
    const n = run.text.trim().length;
    if (n > chars) {
      chars = n;
      size = run.size;
    }
    if (!fonts.isBold(run.font)) bold = false;
  }
  if (cells.length > 0) cells.push(text.trim());
  const joined = (cells.length > 0 ? cells.join(' ') : text).replace(/\s+/g, ' ').trim();
  if (joined === '') return undefined;
  return {
    page,
    text: joined,
    x: start.x,
    right: lastRight,
    y: start.y,
    size: Math.round(size * 10) / 10,
    bold,
    cells: cells.length > 1 ? cells.map((cell) => cell.replace(/\s+/g, ' ')) : undefined,
    marker,
    top,
    bottom,
  };
}
