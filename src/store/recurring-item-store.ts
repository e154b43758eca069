import type { Kysely } from 'kysely';
import { type AnnualRule, annualRuleSchema } from '../core/annual-cycle.ts';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** What a recurring item of the annual cycle holds. */
export interface RecurringItemFields {
  title: string;
  purpose: string | null;
  durationMinutes: number | null;
  rule: AnnualRule;
}

/** A recurring item as stored. */
export interface StoredRecurringItem extends RecurringItemFields {
  id: number;
  forumId: number;
  createdAt: string;
  updatedAt: string;
}

/** Inserts a recurring item; returns its id. */
export async function insertRecurringItem(
  db: Executor,
  forumId: number,
  fields: RecurringItemFields,
): Promise<number> {
  const now = new Date().toISOString();
  const row = await db
    .insertInto('recurring_items')
    .values({ forum_id: forumId, ...columnsOf(fields), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces a recurring item's fields. */
export async function updateRecurringItem(
  db: Executor,
  id: number,
  fields: RecurringItemFields,
): Promise<void> {
  await db
    .updateTable('recurring_items')
    .set({ ...columnsOf(fields), updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Deletes a recurring item; the items it planned stay in the punktbank. */
export async function deleteRecurringItem(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('recurring_items').where('id', '=', id).execute();
}

/** One recurring item, or null. */
export async function findRecurringItem(
  db: Executor,
  id: number,
): Promise<StoredRecurringItem | null> {
  const row = await db
    .selectFrom('recurring_items')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? recurringItemOf(row) : null;
}

/** A forum's recurring items, in the order they were made. */
export async function listRecurringItems(
  db: Executor,
  forumId: number,
): Promise<StoredRecurringItem[]> {
  const rows = await db
    .selectFrom('recurring_items')
    .selectAll()
    .where('forum_id', '=', forumId)
    .orderBy('id')
    .execute();
  return rows.map(recurringItemOf);
}

/** Whether the forum's agenda PDF ends with the årshjul (off until the secretary turns it on). */
export async function findShowsAnnualWheel(db: Executor, forumId: number): Promise<boolean> {
  const row = await db
    .selectFrom('planning_settings')
    .select('shows_annual_wheel')
    .where('forum_id', '=', forumId)
    .executeTakeFirst();
  return Number(row?.shows_annual_wheel ?? 0) === 1;
}

/** Turns the årshjul in the forum's agenda PDF on or off. */
export async function writeShowsAnnualWheel(
  db: Executor,
  forumId: number,
  showsAnnualWheel: boolean,
): Promise<void> {
  const value = showsAnnualWheel ? 1 : 0;
  await db
    .insertInto('planning_settings')
    .values({ forum_id: forumId, shows_annual_wheel: value })
    .onConflict((conflict) =>
      conflict.column('forum_id').doUpdateSet({ shows_annual_wheel: value }),
    )
    .execute();
}

function columnsOf(fields: RecurringItemFields) {
  return {
    title: fields.title,
    purpose: fields.purpose,
    duration_minutes: fields.durationMinutes,
    rule: fields.rule.kind,
    months: JSON.stringify(fields.rule.kind === 'months' ? fields.rule.months : []),
  };
}

function recurringItemOf(row: {
  id: number;
  forum_id: number;
  title: string;
  purpose: string | null;
  duration_minutes: number | null;
  rule: string;
  months: string;
  created_at: string;
  updated_at: string;
}): StoredRecurringItem {
  return {
    id: row.id,
    forumId: row.forum_id,
    title: row.title,
    purpose: row.purpose,
    durationMinutes: row.duration_minutes,
    rule: readRule(row.rule, row.months),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Reads a stored rule; one that cannot be read is every quarter, the commonest. */
function readRule(kind: string, months: string): AnnualRule {
  let parsedMonths: unknown = [];
  try {
    parsedMonths = JSON.parse(months);
  } catch {
    parsedMonths = [];
  }
  const result = annualRuleSchema.safeParse(
    kind === 'months' ? { kind, months: parsedMonths } : { kind },
  );
  return result.success ? result.data : { kind: 'quarterly' };
}
