import { type RawBuilder, sql } from 'kysely';
import { publiclySearchableStatuses, type ReadScope } from '../core/policies/read-model.ts';
import { scopeCondition } from '../store/read-scope-sql.ts';
import { foldCase } from './indexable-items.ts';
import type { SearchFilters } from './search-provider.ts';
import type { SearchDatabase } from './search-schema.ts';

/**
 * The filters as SQL shared by both engines. They read the index's own facts table (alias
 * `f`) and, for forum, dates and the read scope, the small meetings table (alias `m`), never
 * the store's wide item rows, so that ranking stays cheap.
 */
export interface FilterSql {
  /**
   * What the reader may see (closed items, forums, meeting states): the read model's scope as
   * one condition, or null when everything may be seen.
   */
  visibility: RawBuilder<unknown> | null;
  /** The reader's own filters (forum, dates, journal number, proposer); possibly none. */
  filters: Array<RawBuilder<unknown>>;
  /** Joins after the facts table: meetings, when forum, dates or the scope need them. */
  joins: RawBuilder<unknown>;
  /** Every condition, visibility included, to be joined with AND; possibly none. */
  conditions: Array<RawBuilder<unknown>>;
}

/** Builds the filter SQL; caseNumbers are journal numbers written in the search text. */
export function buildFilterSql(filters: SearchFilters, caseNumbers: readonly string[]): FilterSql {
  const own: Array<RawBuilder<unknown>> = [];
  if (filters.forum)
    own.push(sql`m.forum_id in (select id from forums where name = ${filters.forum})`);
  if (filters.from) own.push(sql`m.date >= ${filters.from}`);
  if (filters.to) own.push(sql`m.date <= ${filters.to}`);
  for (const prefixes of [filters.casePrefix ? [filters.casePrefix] : [], caseNumbers]) {
    if (prefixes.length === 0) continue;
    const matches = prefixes.map(
      (prefix) =>
        sql`case_number like ${`${escapeLike(prefix.trim().toUpperCase())}%`} escape '\\'`,
    );
    own.push(sql`f.case_id in (select id from cases where ${sql.join(matches, sql` or `)})`);
  }
  if (filters.proposer?.trim())
    own.push(
      sql`f.proposer_folded like ${`%${escapeLike(foldCase(filters.proposer.trim()))}%`} escape '\\'`,
    );
  const visibility = visibilitySql(filters.scope);
  const needsMeetings =
    !!(filters.forum || filters.from || filters.to) || filters.scope?.kind === 'limited';
  return {
    visibility,
    filters: own,
    joins: needsMeetings ? sql`join meetings m on m.id = f.meeting_id` : sql``,
    conditions: visibility ? [...own, visibility] : own,
  };
}

/**
 * The read scope as a condition on the facts (`f`) and meetings (`m`) tables. Without a
 * scope, the engine's default for tools and benchmarks: every meeting, open items only.
 * Services always pass the actor's scope.
 */
function visibilitySql(scope: ReadScope | undefined): RawBuilder<unknown> | null {
  if (!scope) return sql`f.closed = 0`;
  return scopeCondition(
    scope,
    { forumId: sql`m.forum_id`, status: sql`m.status`, closed: sql`f.closed` },
    publiclySearchableStatuses,
  );
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
