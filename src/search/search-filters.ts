import { type RawBuilder, sql } from 'kysely';
import { foldCase } from './indexable-items.ts';
import type { SearchFilters } from './search-provider.ts';
import type { SearchDatabase } from './search-schema.ts';

/**
 * The filters as SQL shared by both engines. They read the index's own facts table (alias
 * `f`) and, for forum and dates, the small meetings table (alias `m`), never the store's wide
 * item rows, so that ranking stays cheap.
 */
export interface FilterSql {
  /** True when closed items must be left out. */
  hidesClosed: boolean;
  /** True when a filter other than closedness needs the facts table joined. */
  needsFacts: boolean;
  /** Joins after the facts table: meetings, when forum or dates are filtered. */
  joins: RawBuilder<unknown>;
  /** Every condition, closedness included, to be joined with AND; possibly none. */
  conditions: Array<RawBuilder<unknown>>;
}

/** Builds the filter SQL; caseNumbers are journal numbers written in the search text. */
export function buildFilterSql(filters: SearchFilters, caseNumbers: readonly string[]): FilterSql {
  const conditions: Array<RawBuilder<unknown>> = [];
  if (!filters.canSeeClosed) conditions.push(sql`f.closed = 0`);
  const needsMeetings = !!(filters.forum || filters.from || filters.to);
  if (filters.forum)
    conditions.push(sql`m.forum_id in (select id from forums where name = ${filters.forum})`);
  if (filters.from) conditions.push(sql`m.date >= ${filters.from}`);
  if (filters.to) conditions.push(sql`m.date <= ${filters.to}`);
  for (const prefixes of [filters.casePrefix ? [filters.casePrefix] : [], caseNumbers]) {
    if (prefixes.length === 0) continue;
    const matches = prefixes.map(
      (prefix) =>
        sql`case_number like ${`${escapeLike(prefix.trim().toUpperCase())}%`} escape '\\'`,
    );
    conditions.push(sql`f.case_id in (select id from cases where ${sql.join(matches, sql` or `)})`);
  }
  if (filters.proposer?.trim())
    conditions.push(
      sql`f.proposer_folded like ${`%${escapeLike(foldCase(filters.proposer.trim()))}%`} escape '\\'`,
    );
  const hidesClosed = !filters.canSeeClosed;
  return {
    hidesClosed,
    needsFacts: conditions.length > (hidesClosed ? 1 : 0),
    joins: needsMeetings ? sql`join meetings m on m.id = f.meeting_id` : sql``,
    conditions,
  };
}

/** `and …` for each condition, to follow a where clause that has at least one term. */
export function andConditions(filter: FilterSql): RawBuilder<unknown> {
  return filter.conditions.length === 0
    ? sql``
    : sql` and ${sql.join(filter.conditions, sql` and `)}`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/gu, (character) => `\\${character}`);
}

/**
 * A search with only a journal number ("15/13392"): the case's items that pass the filters,
 * newest meeting first, all with the same score.
 */
export async function rankByFiltersOnly(
  db: SearchDatabase,
  filter: FilterSql,
  limit: number,
): Promise<Array<{ id: number; score: number }>> {
  const result = await sql<{ id: number }>`
    select f.item_id as id
    from item_search_facts f
    join meetings m on m.id = f.meeting_id
    where 1 = 1${andConditions(filter)}
    order by m.date desc, f.item_id
    limit ${limit}`.execute(db);
  return result.rows.map((row) => ({ id: Number(row.id), score: 1 }));
}
