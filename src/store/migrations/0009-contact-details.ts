import type { Kysely } from 'kysely';

/**
 * A forum's GDPR setting: its public versions (the portal, feeds, OParl, the public PDF and
 * search) leave out e-mail addresses and phone numbers. Off for existing forums, which keeps
 * what they publish as it was.
 */
export function contactDetailsMigration() {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  return {
    async up(db: AnyDatabase): Promise<void> {
      await db.schema
        .alterTable('forums')
        .addColumn('hides_contact_details', 'integer', (column) => column.notNull().defaultTo(0))
        .execute();
    },
  };
}
