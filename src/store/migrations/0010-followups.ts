import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../database.ts';

/**
 * Follow-ups (opfølgninger): tasks and returns found in an item's decision, first as
 * suggestions, then confirmed (with owner, due range, status and notes) or rejected. A row
 * belongs to its item and goes with it. `source_key` (the kind and the sentence, hashed) is
 * unique per item, so that the same sentence is never suggested twice, however often the
 * minutes are published or corrected. The `reminded_*_at` marks make each reminder go once.
 */
export function followupsMigration(engine: DatabaseEngine) {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  const id =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: AnyDatabase): Promise<void> {
      await db.schema
        .createTable('followups')
        .addColumn('id', sql`${id}`)
        .addColumn('meeting_id', 'integer', (column) =>
          column.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('item_id', 'integer', (column) =>
          column.notNull().references('agenda_items.id').onDelete('cascade'),
        )
        .addColumn('forum_id', 'integer', (column) =>
          column.notNull().references('forums.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('owner_name', 'text')
        .addColumn('owner_kind', 'text')
        .addColumn('due_from', 'text')
        .addColumn('due_to', 'text')
        .addColumn('text', 'text', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('notes', 'text')
        .addColumn('source_key', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
        .addColumn('reminded_before_at', 'text')
        .addColumn('reminded_overdue_at', 'text')
        .addUniqueConstraint('followups_source_unique', ['item_id', 'source_key'])
        .execute();
      await db.schema
        .createIndex('followups_meeting_index')
        .on('followups')
        .columns(['meeting_id', 'id'])
        .execute();
      // The lists and the reminder check read a forum's confirmed follow-ups by deadline.
      await db.schema
        .createIndex('followups_forum_index')
        .on('followups')
        .columns(['forum_id', 'state', 'status', 'due_to'])
        .execute();
    },
  };
}
