import { headingLevel, isBoldLine, plainLine } from './text-normalize.ts';

/** One line of a document, with the plain form used for recognition. */
export interface SourceLine {
  /** The line as written, Markdown marks included. */
  raw: string;
  /** The line without marks, emphasis and escapes. */
  plain: string;
  /** Heading level from `#` marks, 0 for none. */
  level: number;
  /** True when the whole line is bold, which many documents use for headings. */
  isBold: boolean;
}

/** Turns document text into SourceLines. */
export function toSourceLines(text: string): SourceLine[] {
  return text.split('\n').map((raw) => ({
    raw,
    plain: plainLine(raw),
    level: headingLevel(raw),
    isBold: isBoldLine(raw),
  }));
}
