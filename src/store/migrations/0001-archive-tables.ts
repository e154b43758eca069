import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../database.ts';

/**
 * The archive's tables: forums, people, meetings, cases, items with their sections, points,
 * files, attachments, absences and the append-only revision history.
 */
export function archiveTablesMigration(engine: DatabaseEngine) {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  const id =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: AnyDatabase): Promise<void> {
      await db.schema
        .createTable('forums')
        .addColumn('id', sql`${id}`)
        .addColumn('name', 'text', (column) => column.notNull().unique())
        .addColumn('abbreviation', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('people')
        .addColumn('id', sql`${id}`)
        .addColumn('name', 'text', (column) => column.notNull().unique())
        .execute();
      await db.schema
        .createTable('meetings')
        .addColumn('id', sql`${id}`)
        .addColumn('forum_id', 'integer', (column) => column.notNull().references('forums.id'))
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('date', 'text', (column) => column.notNull())
        .addColumn('start', 'text')
        .addColumn('location', 'text')
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addUniqueConstraint('meetings_forum_date_unique', ['forum_id', 'date'])
        .execute();
      await db.schema.createIndex('meetings_date_index').on('meetings').column('date').execute();
      await db.schema
        .createTable('cases')
        .addColumn('id', sql`${id}`)
        .addColumn('case_number', 'text', (column) => column.notNull().unique())
        .addColumn('kle_subject', 'text')
        .addColumn('facet', 'text')
        .addColumn('sequence', 'integer')
        .addColumn('year', 'integer')
        .execute();
      await db.schema
        .createIndex('cases_kle_subject_index')
        .on('cases')
        .column('kle_subject')
        .execute();
      await db.schema
        .createTable('agenda_items')
        .addColumn('id', sql`${id}`)
        .addColumn('meeting_id', 'integer', (column) =>
          column.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('number', 'integer', (column) => column.notNull())
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('case_id', 'integer', (column) => column.references('cases.id'))
        .addColumn('closed', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('duration_minutes', 'integer')
        .addColumn('background', 'text')
        .addColumn('presentation', 'text')
        .addColumn('proposer', 'text')
        .addColumn('decision', 'text')
        .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('agenda_items_meeting_index')
        .on('agenda_items')
        .columns(['meeting_id', 'position'])
        .execute();
      await db.schema
        .createIndex('agenda_items_case_index')
        .on('agenda_items')
        .column('case_id')
        .execute();
      await db.schema
        .createTable('recommendation_points')
        .addColumn('item_id', 'integer', (column) =>
          column.notNull().references('agenda_items.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('text', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('recommendation_points_key', ['item_id', 'position'])
        .execute();
      await db.schema
        .createTable('files')
        .addColumn('id', sql`${id}`)
        .addColumn('sha256', 'text', (column) => column.notNull().unique())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('media_type', 'text', (column) => column.notNull())
        .addColumn('size', 'integer', (column) => column.notNull())
        .addColumn('storage_key', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('attachments')
        .addColumn('id', sql`${id}`)
        .addColumn('item_id', 'integer', (column) =>
          column.notNull().references('agenda_items.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('file_id', 'integer', (column) => column.references('files.id'))
        .addColumn('file_reference', 'text')
        .execute();
      await db.schema
        .createIndex('attachments_item_index')
        .on('attachments')
        .columns(['item_id', 'position'])
        .execute();
      await db.schema
        .createTable('absences')
        .addColumn('item_id', 'integer', (column) =>
          column.notNull().references('agenda_items.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('person_id', 'integer', (column) => column.notNull().references('people.id'))
        .addColumn('role', 'text')
        .addPrimaryKeyConstraint('absences_key', ['item_id', 'position'])
        .execute();
      await db.schema
        .createTable('revisions')
        .addColumn('id', sql`${id}`)
        .addColumn('entity_type', 'text', (column) => column.notNull())
        .addColumn('entity_id', 'integer', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('author', 'text')
        .addColumn('reason', 'text')
        .addColumn('data', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('revisions_entity_index')
        .on('revisions')
        .columns(['entity_type', 'entity_id'])
        .execute();
    },
  };
}
