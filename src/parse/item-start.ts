import type { ItemHeading } from './line-patterns.ts';

/** An item heading and the line it stands on. */
export interface ItemStart extends ItemHeading {
  lineIndex: number;
  /** How much the line looks like a heading: marks, bold, a forum prefix. */
  weight: number;
  /**
   * Where the item begins when that is before its heading line: a journal number written
   * above the heading, or the first half of a heading broken over two lines.
   */
  firstLineIndex?: number;
  /** The number as the document writes it, when that is not the item's number ("1.2", "IV"). */
  label?: string;
}
