import { type Kysely, sql } from 'kysely';

/**
 * The meeting cycle as a secretariat runs it: imported meetings marked as archived (final),
 * the forum's own purposes and standing items, what an item's decision tells the departments,
 * guests and presenters per item, and published versions that remember why they were made (a
 * correction's reason) and the annotations they were sent with. Item purposes become the
 * forum's own words instead of fixed keys.
 */
export function meetingCycleMigration() {
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
  type AnyDatabase = Kysely<any>;
  return {
    async up(db: AnyDatabase): Promise<void> {
      await db.schema
        .alterTable('meetings')
        .addColumn('archived', 'integer', (column) => column.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('forums').addColumn('purposes', 'text').execute();
      await db.schema.alterTable('forums').addColumn('standing_items', 'text').execute();
      await db.schema.alterTable('agenda_items').addColumn('communication', 'text').execute();
      await db.schema.alterTable('publications').addColumn('reason', 'text').execute();
      await db.schema.alterTable('publications').addColumn('annotations', 'text').execute();
      await db.schema
        .createTable('item_guests')
        .addColumn('item_id', 'integer', (column) =>
          column.notNull().references('agenda_items.id').onDelete('cascade'),
        )
        .addColumn('position', 'integer', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('role', 'text')
        .addPrimaryKeyConstraint('item_guests_key', ['item_id', 'position'])
        .execute();
      const labels: Array<[string, string]> = [
        ['orientering', 'Orientering'],
        ['droftelse', 'Drøftelse'],
        ['beslutning', 'Beslutning'],
      ];
      for (const [key, label] of labels)
        await sql`update agenda_items set purpose = ${label} where purpose = ${key}`.execute(db);
      // Meetings imported before this migration are archive meetings: final and locked.
      await sql`update meetings set archived = 1, status = 'minutes_approved'
        where kind = 'minutes' and status = 'minutes_published'
        and id in (select entity_id from revisions where entity_type = 'meeting' and action = 'import')`.execute(
        db,
      );
      await sql`update meetings set archived = 1
        where id in (select entity_id from revisions where entity_type = 'meeting' and action = 'import')`.execute(
        db,
      );
    },
  };
}
