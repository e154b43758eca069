import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../database.ts';

/**
 * Publishing by e-mail: a forum member's address, deputy (stedfortræder) and what they
 * receive; one row per recipient per outbox event for what the mail sent (its unique key is
 * what keeps a worker from sending the same mail twice, after a restart or when two workers
 * overlap); and each meeting's calendar invitation, whose UID stays and whose SEQUENCE rises
 * when the meeting moves.
 */
export function publishingMigration(engine: DatabaseEngine) {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  const id =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: AnyDatabase): Promise<void> {
      await db.schema.alterTable('forum_members').addColumn('email', 'text').execute();
      await db.schema.alterTable('forum_members').addColumn('deputy_name', 'text').execute();
      await db.schema.alterTable('forum_members').addColumn('deputy_email', 'text').execute();
      // Members existing before this receive both, as everyone did on paper.
      await db.schema
        .alterTable('forum_members')
        .addColumn('receives_agenda', 'integer', (column) => column.notNull().defaultTo(1))
        .execute();
      await db.schema
        .alterTable('forum_members')
        .addColumn('receives_minutes', 'integer', (column) => column.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createTable('mail_deliveries')
        .addColumn('id', sql`${id}`)
        // No foreign key to the outbox: these rows travel in backups, the outbox does not.
        .addColumn('event_id', 'integer', (column) => column.notNull())
        .addColumn('meeting_id', 'integer', (column) =>
          column.notNull().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('publication_number', 'integer')
        .addColumn('recipient_name', 'text', (column) => column.notNull())
        .addColumn('email', 'text', (column) => column.notNull())
        .addColumn('role', 'text', (column) => column.notNull())
        .addColumn('subject', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('error', 'text')
        .addColumn('can_retry', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('has_invitation', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('attempted_at', 'text', (column) => column.notNull())
        .addColumn('sent_at', 'text')
        .addUniqueConstraint('mail_deliveries_recipient_unique', ['event_id', 'email'])
        .execute();
      await db.schema
        .createIndex('mail_deliveries_meeting_index')
        .on('mail_deliveries')
        .columns(['meeting_id', 'id'])
        .execute();
      await db.schema
        .createTable('meeting_invitations')
        .addColumn('meeting_id', 'integer', (column) =>
          column.primaryKey().references('meetings.id').onDelete('cascade'),
        )
        .addColumn('uid', 'text', (column) => column.notNull().unique())
        .addColumn('sequence', 'integer', (column) => column.notNull())
        .addColumn('date', 'text', (column) => column.notNull())
        .addColumn('start', 'text')
        .addColumn('location', 'text')
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
    },
  };
}
