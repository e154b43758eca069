import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../database.ts';

/**
 * Planning ahead: the forum's annual cycle (recurring items with the months they come in),
 * its punktbank (planned items waiting for a meeting, made by hand, from a return or from the
 * annual cycle) and its planning settings. A planned item keeps its place when its meeting
 * goes (back to the bank, unplaced) and becomes untaken again when the agenda item it became
 * is deleted, so nothing planned is lost with a draft. (recurring item, cycle period) is
 * unique, so applying the annual cycle to a year twice never doubles an item.
 */
export function planningMigration(engine: DatabaseEngine) {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  const id =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: AnyDatabase): Promise<void> {
      await db.schema
        .createTable('recurring_items')
        .addColumn('id', sql`${id}`)
        .addColumn('forum_id', 'integer', (column) =>
          column.notNull().references('forums.id').onDelete('cascade'),
        )
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('purpose', 'text')
        .addColumn('duration_minutes', 'integer')
        .addColumn('rule', 'text', (column) => column.notNull())
        .addColumn('months', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('recurring_items_forum_index')
        .on('recurring_items')
        .column('forum_id')
        .execute();
      await db.schema
        .createTable('planned_items')
        .addColumn('id', sql`${id}`)
        .addColumn('forum_id', 'integer', (column) =>
          column.notNull().references('forums.id').onDelete('cascade'),
        )
        .addColumn('meeting_id', 'integer', (column) =>
          column.references('meetings.id').onDelete('set null'),
        )
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('case_number', 'text')
        .addColumn('purpose', 'text')
        .addColumn('duration_minutes', 'integer')
        .addColumn('note', 'text')
        // A return of a closed item is planned closed: it comes back closed unless changed.
        .addColumn('closed', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('source_item_id', 'integer', (column) =>
          column.references('agenda_items.id').onDelete('set null'),
        )
        .addColumn('recurring_item_id', 'integer', (column) =>
          column.references('recurring_items.id').onDelete('set null'),
        )
        .addColumn('cycle_period', 'text')
        .addColumn('due_from', 'text')
        .addColumn('due_to', 'text')
        .addColumn('taken_item_id', 'integer', (column) =>
          column.references('agenda_items.id').onDelete('set null'),
        )
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addUniqueConstraint('planned_items_cycle_unique', ['recurring_item_id', 'cycle_period'])
        .execute();
      for (const column of ['forum_id', 'meeting_id', 'source_item_id', 'taken_item_id'])
        await db.schema
          .createIndex(`planned_items_${column}_index`)
          .on('planned_items')
          .column(column)
          .execute();
      await db.schema
        .createTable('planning_settings')
        .addColumn('forum_id', 'integer', (column) =>
          column.primaryKey().references('forums.id').onDelete('cascade'),
        )
        .addColumn('shows_annual_wheel', 'integer', (column) => column.notNull().defaultTo(0))
        .execute();
    },
  };
}
