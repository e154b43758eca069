import { type Kysely, sql } from 'kysely';

/**
 * The text inside Bilag:
 * - `attachments.is_public`: 0 for a Bilag marked not public ("Lukket bilag"), whose title the
 *   public may read but never its file or its text; 1 (the default) for the rest.
 * - `file_texts`: the text extracted from a stored file, once per content (files are shared by
 *   their SHA-256), with its state: `pending` until the background extraction has run
 *   (`working` while it runs), then `done`, `failed` (a damaged file, with the reason) or `none` (a type without text).
 */
export function attachmentTextMigration() {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  return {
    async up(db: AnyDatabase): Promise<void> {
      await db.schema
        .alterTable('attachments')
        .addColumn('is_public', 'integer', (column) => column.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createTable('file_texts')
        .addColumn('file_id', 'integer', (column) =>
          column.primaryKey().references('files.id').onDelete('cascade'),
        )
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('method', 'text')
        .addColumn('text', 'text')
        .addColumn('note', 'text')
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('file_texts_status_index')
        .on('file_texts')
        .column('status')
        .execute();
      // The Bilag already stored are read too.
      await sql`insert into file_texts (file_id, status, updated_at)
        select id, 'pending', ${new Date().toISOString()} from files`.execute(db);
    },
  };
}
