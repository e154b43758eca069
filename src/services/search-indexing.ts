import type { Kysely } from 'kysely';
import type { DomainEvent } from '../core/domain-events.ts';
import type { SearchProvider } from '../search/search-provider.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';

/**
 * Keeps the search index in step with a domain event, in the writer's transaction: the items
 * the event touched are indexed again, and those it removed leave the index. Visibility is
 * decided at search time from the store, so lifecycle steps need no re-indexing.
 */
export async function indexEvent(
  search: SearchProvider,
  db: Kysely<DatabaseSchema>,
  event: DomainEvent,
): Promise<void> {
  if (event.removedItemIds && event.removedItemIds.length > 0)
    await search.removeItems(db, event.removedItemIds);
  if (event.itemIds && event.itemIds.length > 0) await search.indexItems(db, event.itemIds);
}
