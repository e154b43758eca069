import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../database.ts';

/**
 * Who may see and do what: user accounts with roles per forum, sessions kept in the database
 * (so several instances share them), single sign-on state, the forum's visibility, the
 * append-only audit log, and the outbox of domain events that indexing, mail and feeds read.
 * Also gives each Bilag its own file name: two uploads of the same bytes share the stored
 * content but never each other's names.
 */
export function accessMigration(engine: DatabaseEngine) {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  const id =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: AnyDatabase): Promise<void> {
      // Fail closed: forums that existed before this migration are internal until an
      // administrator makes them public.
      await db.schema
        .alterTable('forums')
        .addColumn('visibility', 'text', (column) => column.notNull().defaultTo('internal'))
        .execute();
      await db.schema.alterTable('attachments').addColumn('file_name', 'text').execute();
      await sql`update attachments set file_name = (select name from files where files.id = attachments.file_id) where file_id is not null`.execute(
        db,
      );
      await db.schema
        .createTable('users')
        .addColumn('id', sql`${id}`)
        .addColumn('username', 'text', (column) => column.notNull().unique())
        .addColumn('display_name', 'text', (column) => column.notNull())
        .addColumn('email', 'text')
        .addColumn('password_hash', 'text')
        .addColumn('is_administrator', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('must_change_password', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('is_disabled', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('oidc_issuer', 'text')
        .addColumn('oidc_subject', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('last_sign_in_at', 'text')
        .addUniqueConstraint('users_oidc_unique', ['oidc_issuer', 'oidc_subject'])
        .execute();
      await db.schema
        .createTable('user_forum_roles')
        .addColumn('user_id', 'integer', (column) =>
          column.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('forum_id', 'integer', (column) =>
          column.notNull().references('forums.id').onDelete('cascade'),
        )
        .addColumn('role', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('user_forum_roles_key', ['user_id', 'forum_id'])
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('user_id', 'integer', (column) =>
          column.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('csrf_token', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .addColumn('last_seen_at', 'text', (column) => column.notNull())
        .addColumn('address', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user_index').on('sessions').column('user_id').execute();
      await db.schema
        .createTable('sign_in_states')
        .addColumn('state', 'text', (column) => column.primaryKey())
        .addColumn('code_verifier', 'text', (column) => column.notNull())
        .addColumn('nonce', 'text', (column) => column.notNull())
        .addColumn('return_to', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', sql`${id}`)
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_name', 'text', (column) => column.notNull())
        .addColumn('address', 'text')
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('outcome', 'text', (column) => column.notNull())
        .addColumn('target_type', 'text')
        .addColumn('target_id', 'text')
        .addColumn('detail', 'text')
        .execute();
      await db.schema
        .createIndex('audit_log_created_index')
        .on('audit_log')
        .column('created_at')
        .execute();
      await db.schema
        .createTable('outbox_events')
        .addColumn('id', sql`${id}`)
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('meeting_id', 'integer')
        .addColumn('forum_id', 'integer')
        .addColumn('payload', 'text', (column) => column.notNull())
        .addColumn('actor_name', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createTable('outbox_deliveries')
        .addColumn('event_id', 'integer', (column) =>
          column.notNull().references('outbox_events.id').onDelete('cascade'),
        )
        .addColumn('consumer', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('available_at', 'text', (column) => column.notNull())
        .addColumn('last_error', 'text')
        .addColumn('done_at', 'text')
        .addPrimaryKeyConstraint('outbox_deliveries_key', ['event_id', 'consumer'])
        .execute();
      await db.schema
        .createIndex('outbox_deliveries_pending_index')
        .on('outbox_deliveries')
        .columns(['status', 'available_at'])
        .execute();
    },
  };
}
