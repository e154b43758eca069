import {
  addDistinctStems,
  type ItemStems,
  type ItemText,
  stemItemText,
} from './indexable-items.ts';
import { type ExpandedSearch, exactAlternatives, type TermGroup } from './search-query.ts';

/**
 * tsvector and tsquery values written as text from our own stems, so that PostgreSQL neither
 * re-parses nor re-stems them: both engines then index and search exactly the same lexemes.
 */

/** PostgreSQL keeps positions up to this and at most 256 of them per lexeme. */
const highestPosition = 16383;
const positionsPerLexeme = 256;
/** Positions skipped between fields, so that a phrase cannot run from one into the next. */
const fieldGap = 10;

/** What PostgreSQL's index stores for an item's text, ready to write. */
export interface TsvectorEntry {
  /** The tsvector as text (buildTsvectorText). */
  tsvector: string;
  /** The item's distinct stems, space-separated (a string crosses threads cheaply). */
  distinctStems: string;
}

/** Stems texts and writes their tsvectors. Pure, so the stem worker runs it ahead of a write. */
export function buildTsvectorEntries(texts: readonly ItemText[]): TsvectorEntry[] {
  return texts.map((text) => {
    const stems = stemItemText(text);
    const distinct = new Set<string>();
    addDistinctStems(stems, distinct);
    return { tsvector: buildTsvectorText(stems), distinctStems: [...distinct].join(' ') };
  });
}

/** An item's tsvector as text: title weighted A, decision B, body D (the default). */
export function buildTsvectorText(item: ItemStems): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  const addField = (stems: readonly string[], weight: 'A' | 'B' | 'D') => {
    for (const stem of stems) {
      position = Math.min(position + 1, highestPosition);
      const list = positions.get(stem);
      const entry = `${position}${weight === 'D' ? '' : weight}`;
      if (!list) positions.set(stem, [entry]);
      else if (list.length < positionsPerLexeme) list.push(entry);
    }
    position = Math.min(position + fieldGap, highestPosition);
  };
  addField(item.titleStems, 'A');
  addField(item.decisionStems, 'B');
  addField(item.bodyStems, 'D');
  return [...positions].map(([stem, list]) => `${quoteLexeme(stem)}:${list.join(',')}`).join(' ');
}

/** The tsqueries of a search: one that selects the items, and one per part to weigh. */
export interface TsqueryPlan {
  /** Required phrases AND-ed; without phrases, every word OR-ed. */
  selection: string;
  /** Each phrase and each word group, to be weighted by its own rarity. */
  parts: string[];
}

/**
 * Builds the tsqueries; decision-only searches match lexemes of weight B only. A group's
 * prefix is one prefix lexeme (`'budge':*`), which the GIN index answers by a range of its keys.
 */
export function buildTsqueries(search: ExpandedSearch, isDecisionOnly: boolean): TsqueryPlan {
  return writeTsqueries(search, isDecisionOnly ? 'B' : '', ' <-> ');
}

/**
 * The same tsqueries for counting matches from the GIN index alone: without weights, and a
 * phrase's words AND-ed rather than adjacent. Either would make PostgreSQL read every candidate's
 * tsvector to check it, so a phrase's count is the items holding all its words, an upper bound.
 */
export function buildCountingTsqueries(search: ExpandedSearch): TsqueryPlan {
  return writeTsqueries(search, '', ' & ');
}

function writeTsqueries(
  search: ExpandedSearch,
  weight: '' | 'B',
  phraseJoin: ' <-> ' | ' & ',
): TsqueryPlan {
  const lexeme = (stem: string) => `${quoteLexeme(stem)}${weight ? `:${weight}` : ''}`;
  const phrases = search.phrases.map((stems) => `(${stems.map(lexeme).join(phraseJoin)})`);
  const groups = search.groups.map((group: TermGroup) => {
    const alternatives = exactAlternatives(group).map(lexeme);
    if (group.prefix) alternatives.push(`${quoteLexeme(group.prefix)}:*${weight}`);
    return `(${alternatives.join(' | ')})`;
  });
  return {
    selection: phrases.length > 0 ? phrases.join(' & ') : groups.join(' | '),
    parts: [...phrases, ...groups],
  };
}

/** A lexeme as tsvector and tsquery text write it. */
export function quoteLexeme(stem: string): string {
  // Indexing quotes every stem of every item: most need no escaping.
  if (!stem.includes("'") && !stem.includes('\\')) return `'${stem}'`;
  return `'${stem.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}
