import type { DueRange } from './due-date-terms.ts';

/**
 * The shapes the due-date reader and its expression tables share, in a file of their own so
 * that the tables (period-expressions.ts) and the reader (danish-due-date.ts) do not import
 * each other.
 */

/** What the due date is resolved against. */
export interface DueDateContext {
  /** The meeting's date, ISO yyyy-mm-dd. */
  meetingDate: string;
  /** The forum's meetings after this one, ISO dates, for "næste møde"; any order. */
  futureMeetingDates?: readonly string[];
}

/** What an expression's match means: a range, or a warning instead. */
export interface Resolution {
  range: DueRange | null;
  warning?: string;
}

/** One kind of date expression: its pattern and how a match becomes a range. */
export interface DueExpression {
  pattern: RegExp;
  resolve(match: RegExpExecArray, context: DueDateContext): Resolution | null;
}
