/** Measures over a PDF's lines that the block decisions compare against. */
import type { Line } from './pdf-lines.ts';

/** The most common font size, by characters. */
export function bodySize(pages: Line[][]): number {
  const chars = new Map<number, number>();
  for (const lines of pages) {
    for (const line of lines) {
      const size = Math.round(line.size * 2) / 2;
      chars.set(size, (chars.get(size) ?? 0) + line.text.length);
    }
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) {
    if (count > most) {
      best = size;
      most = count;
    }
  }
  return best;
}

/** For the body size: the largest baseline distance still counted as "the next line". */
export function commonLineGap(pages: Line[][], body: number): Map<number, number> {
  const gaps = new Map<number, number>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const prev = lines[i - 1] as Line;
      const line = lines[i] as Line;
      if (Math.abs(prev.size - body) > 0.5 || Math.abs(line.size - body) > 0.5) continue;
      const gap = Math.round(prev.y - line.y);
      if (gap > 0) gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
    }
  }
  let common = 0;
  let most = 0;
  for (const [gap, count] of gaps) {
    if (count > most) {
      common = gap;
      most = count;
    }
  }
  const limits = new Map<number, number>();
  if (common > 0) {
    const limit = Math.min(Math.max(common * 1.15, body * 1.2), body * 1.6);
    limits.set(Math.round(body), limit);
  }
  return limits;
}

/** The right edge of the body text on a page. */
export function rightEdge(lines: Line[], body: number): number {
  let right = 0;
  for (const line of lines) {
    if (!line.cells && Math.abs(line.size - body) <= 0.5 && line.right > right) right = line.right;
  }
  return right;
}
