import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../database.ts';

/**
 * Personal calendar feeds: a signed-in user's secret address for their forums' meetings. Only
 * the SHA-256 of the address's token is kept (like a session's), so a leaked table opens no
 * calendar; a token is never deleted but revoked, so that "last used" stays readable and a
 * revoked address can be told from one that never was. The tokens go with their user.
 */
export function feedTokensMigration(engine: DatabaseEngine) {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  const id =
    engine === 'postgres' ? sql`serial primary key` : sql`integer primary key autoincrement`;
  return {
    async up(db: AnyDatabase): Promise<void> {
      await db.schema
        .createTable('feed_tokens')
        .addColumn('id', sql`${id}`)
        .addColumn('user_id', 'integer', (column) =>
          column.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('token_sha256', 'text', (column) => column.notNull().unique())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createIndex('feed_tokens_user_index')
        .on('feed_tokens')
        .column('user_id')
        .execute();
    },
  };
}
