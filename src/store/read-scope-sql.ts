import { type RawBuilder, sql } from 'kysely';
import type { MeetingStatus } from '../core/meeting-lifecycle.ts';
import type { ReadScope } from '../core/policies/read-model.ts';

/** The columns a scope condition reads: the meeting's forum and state, the item's closedness. */
export interface ScopeColumns {
  forumId: RawBuilder<unknown>;
  status: RawBuilder<unknown>;
  /** The item's closed flag; leave out for lists of meetings. */
  closed?: RawBuilder<unknown>;
}

/**
 * The read model's scope as one SQL condition, the same on both engines; null when the scope
 * lets everything through (an administrator). Public forums show only `publicStatuses` and,
 * when items are read, only open items.
 */
export function scopeCondition(
  scope: ReadScope,
  columns: ScopeColumns,
  publicStatuses: readonly MeetingStatus[],
): RawBuilder<unknown> | null {
  if (scope.kind === 'all') return null;
  const parts: Array<RawBuilder<unknown>> = [];
  if (scope.staffForumIds.length > 0)
    parts.push(sql`${columns.forumId} in (${sql.join(scope.staffForumIds)})`);
  if (scope.memberForumIds.length > 0)
    parts.push(
      sql`(${columns.forumId} in (${sql.join(scope.memberForumIds)}) and ${columns.status} <> 'draft')`,
    );
  if (scope.publicForumIds.length > 0 && publicStatuses.length > 0) {
    const open = columns.closed ? sql` and ${columns.closed} = 0` : sql``;
    parts.push(
      sql`(${columns.forumId} in (${sql.join(scope.publicForumIds)}) and ${columns.status} in (${sql.join([...publicStatuses])})${open})`,
    );
  }
  if (parts.length === 0) return sql`1 = 0`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * Which Bilag's text the scope reads, as one SQL condition: a Bilag marked not public only in
 * forums where the reader is a member or staff (the read model's `canReadAttachment`); null
 * when every Bilag may be read. Without a scope (tools, benchmarks), public Bilag only.
 */
export function attachmentScopeCondition(
  scope: ReadScope | undefined,
  columns: { forumId: RawBuilder<unknown>; isPublic: RawBuilder<unknown> },
): RawBuilder<unknown> | null {
  if (scope?.kind === 'all') return null;
  const rightful = scope ? [...scope.staffForumIds, ...scope.memberForumIds] : [];
  if (rightful.length === 0) return sql`${columns.isPublic} = 1`;
  return sql`(${columns.isPublic} = 1 or ${columns.forumId} in (${sql.join(rightful)}))`;
}
