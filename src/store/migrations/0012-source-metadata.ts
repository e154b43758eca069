import type { Kysely } from 'kysely';

/**
 * Source metadata: what an imported export (SBSYS, eDoc, Acadre …) says that the Meeting model
 * has no field for, kept as JSON beside the meeting and each item (the original item number
 * "1.1", system ids, the NeutralTitle, members, Bilag facts). Null for meetings made here.
 */
export function sourceMetadataMigration() {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  return {
    async up(db: AnyDatabase): Promise<void> {
      await db.schema.alterTable('meetings').addColumn('source_metadata', 'text').execute();
      await db.schema.alterTable('agenda_items').addColumn('source_metadata', 'text').execute();
    },
  };
}
