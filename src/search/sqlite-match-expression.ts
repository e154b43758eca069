import { type ExpandedSearch, exactAlternatives, type TermGroup } from './search-query.ts';

/**
 * FTS5 MATCH expressions over the stems: a quoted phrase is required; the words are OR-ed, each
 * with its compounds, so that bm25 ranks items with more of them higher.
 */
export function buildMatchExpression(search: ExpandedSearch, isDecisionOnly: boolean): string {
  const phrases = search.phrases.map((stems) => quoteFts(stems.join(' ')));
  const groups = search.groups.map(buildGroupExpression);
  let expression = groups.join(' OR ');
  if (phrases.length > 0) {
    expression = phrases.join(' AND ');
    // Repeating a phrase inside the OR lets items with the phrase but none of the words pass.
    if (groups.length > 0) expression += ` AND (${[...phrases, ...groups].join(' OR ')})`;
  }
  return restrictToDecision(expression, isDecisionOnly);
}

/**
 * One word with its compounds: `("budg" OR "budge"*)`, `("fravær" OR "sygefravær" OR
 * "fravær"*)`. The prefix is one FTS5 prefix term, which bm25 weighs as one phrase however
 * many stems begin with it.
 */
export function buildGroupExpression(group: TermGroup): string {
  const alternatives = exactAlternatives(group).map(quoteFts);
  if (group.prefix) alternatives.push(`${quoteFts(group.prefix)}*`);
  return alternatives.length === 1 ? (alternatives[0] ?? '') : `(${alternatives.join(' OR ')})`;
}

/** Limits an expression to the decision column. */
export function restrictToDecision(expression: string, isDecisionOnly: boolean): string {
  return isDecisionOnly ? `{decision} : (${expression})` : expression;
}

/** An FTS5 string: the tokenizer splits it as it split the indexed stems. */
export function quoteFts(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
