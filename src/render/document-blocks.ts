/**
 * The block model every renderer draws from. Item texts are Markdown (CommonMark with GFM
 * tables; legacy texts also hold tab-separated table rows and <b> tags); they are parsed once
 * into these blocks, so that PDF, Word and HTML show the same structure and no renderer ever
 * passes user text through as markup.
 */

/** A run of text with its formatting. `href` is set only for safe links (http, https, mailto). */
export interface Inline {
  text: string;
  isBold?: boolean;
  isItalic?: boolean;
  isCode?: boolean;
  href?: string;
}

/** A block of a text. */
export type Block =
  | { type: 'paragraph'; runs: Inline[] }
  | { type: 'heading'; level: number; runs: Inline[] }
  | { type: 'list'; isOrdered: boolean; start: number; items: Block[][] }
  | { type: 'table'; header: Inline[][] | null; rows: Inline[][][] }
  | { type: 'code'; text: string }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'rule' };

/** A paragraph of plain text. */
export function textParagraph(text: string, isBold = false): Block {
  return { type: 'paragraph', runs: [isBold ? { text, isBold } : { text }] };
}

/** The plain text of some runs. */
export function plainTextOf(runs: readonly Inline[]): string {
  return runs.map((run) => run.text).join('');
}
