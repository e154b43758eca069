import type { Kysely } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { ReadScope } from '../../core/policies/read-model.ts';
import type { DatabaseSchema } from '../../store/database-schema.ts';
import type { OparlPageRequest, OparlRows, OparlWindow, Stamped } from '../../store/oparl-store.ts';
import type { MappingOptions } from './oparl-meeting-objects.ts';
import type { PageSize } from './oparl-paging.ts';
import type { AnyOparlObject } from './oparl-types.ts';

/**
 * Each OParl collection: how its rows are paged (in SQL, within the reader's scope) and how
 * a page of rows becomes objects (through the read model). An object's own URL reads the same
 * page with its key, so a single object is visible exactly when it is in its list.
 */

/** What a request knows about its reader, worked out once. */
export interface OparlContext {
  db: Kysely<DatabaseSchema>;
  actor: Actor;
  scope: ReadScope;
  /** The forums the reader may see (canSeeForum), for organizations and people. */
  forumIds: number[];
  options: MappingOptions;
}

/** One collection: its page size, its paging and its objects. */
export interface OparlCollection<Row extends Stamped = Stamped> {
  size: PageSize;
  /** A page of rows; with a key only that object's row (none when the key is not one). */
  page(
    context: OparlContext,
    key: string | null,
    request: OparlPageRequest,
  ): Promise<OparlRows<Row>>;
  build(context: OparlContext, rows: Row[]): Promise<AnyOparlObject[]>;
}

/** An empty page: a key that is not an object's. */
export const noRows = { rows: [], total: 0 };

/** A positive database id from a URL's key, or null (a key that is not one finds nothing). */
export function idOf(key: string | null): number | null {
  if (key === null || !/^[1-9]\d{0,9}$/u.test(key)) return null;
  const id = Number(key);
  return id <= 2_147_483_647 ? id : null;
}

/** Whether stamps pass a list's time filters. */
export function isInWindow(stamps: Stamped, window: OparlWindow): boolean {
  return (
    (!window.createdSince || stamps.created >= window.createdSince) &&
    (!window.createdUntil || stamps.created <= window.createdUntil) &&
    (!window.modifiedSince || stamps.modified >= window.modifiedSince) &&
    (!window.modifiedUntil || stamps.modified <= window.modifiedUntil)
  );
}

/** Pages by a numeric key: the whole list without a key, one row with a valid one. */
export function byId<Row extends Stamped>(
  read: (
    context: OparlContext,
    id: number | undefined,
    request: OparlPageRequest,
  ) => Promise<OparlRows<Row>>,
) {
  return async (context: OparlContext, key: string | null, request: OparlPageRequest) => {
    if (key === null) return read(context, undefined, request);
    const id = idOf(key);
    return id === null ? noRows : read(context, id, request);
  };
}

/** A collection as a list route reads it: a page of objects and the list's length. */
export interface OparlReader {
  size: PageSize;
  read(
    context: OparlContext,
    key: string | null,
    request: OparlPageRequest,
  ): Promise<{ objects: AnyOparlObject[]; total: number }>;
}

/** A collection as a reader: the page's rows made into objects. */
export function readerOf<Row extends Stamped>(collection: OparlCollection<Row>): OparlReader {
  return {
    size: collection.size,
    async read(context, key, request) {
      const page = await collection.page(context, key, request);
      return { objects: await collection.build(context, page.rows), total: page.total };
    },
  };
}
