import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../database.ts';

/**
 * What running meetings needs beyond the archive: forum members with roles, an item's purpose,
 * published versions of agendas and minutes (kept, so that a republished agenda shows what
 * changed), and the content of uploaded Bilag (base64 text, so that both engines and the
 * backup format store it alike).
 */
export function meetingWorkMigration(engine: DatabaseEngine) {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  const id =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: AnyDatabase): Promise<void> {
      await db.schema.alterTable('agenda_items').addColumn('purpose', 'text').execute();
      await db.schema
        .createTable('forum_members')
        .addColumn('id', sql`${id}`)
        .addColumn('forum_id', 'integer', (column) =>
          column.notNull().references('forums.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('person_id', 'integer', (column) => column.notNull().references('people.id'))
        .addColumn('role', 'text')
        .execute();
      await db.schema
        .createIndex('forum_members_forum_index')
        .on('forum_members')
        .columns(['forum_id', 'position'])
        .execute();
      await db.schema
        .createTable('publications')
        .addColumn('id', sql`${id}`)
        .addColumn('meeting_id', 'integer', (column) =>
          column.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('number', 'integer', (column) => column.notNull())
        .addColumn('document', 'text', (column) => column.notNull())
        .addColumn('author', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addUniqueConstraint('publications_meeting_kind_number_unique', [
          'meeting_id',
          'kind',
          'number',
        ])
        .execute();
      await db.schema
        .createTable('file_contents')
        .addColumn('id', 'integer', (column) =>
          column.primaryKey().references('files.id').onDelete('cascade'),
        )
        .addColumn('content_base64', 'text', (column) => column.notNull())
        .execute();
    },
  };
}
