import type { Actor } from '../../core/actor.ts';
import { canSeeForum } from '../../core/policies/meeting-access.ts';
import { listForumTargets } from '../../store/access-store.ts';
import { loadArchiveStamps } from '../../store/oparl-record-store.ts';
import type { Archive } from '../archive-types.ts';
import { loadReadScope } from '../read-access.ts';
import { notFound } from '../service-error.ts';
import { systemObject } from './oparl-body-objects.ts';
import type { OparlContext, OparlReader } from './oparl-collection.ts';
import { oparlCollections } from './oparl-collections.ts';
import { forumMeetings } from './oparl-meeting-collections.ts';
import { listPage, type OparlList, type OparlListQuery, pageRequestOf } from './oparl-paging.ts';
import type { AnyOparlObject, OparlSystem } from './oparl-types.ts';
import { type OparlCollectionName, type OparlUrls, oparlUrls } from './oparl-urls.ts';

/**
 * The archive as OParl 1.1 (the open standard API for council information systems): the
 * System, the municipality as the one Body, forums, members, meetings, agenda items, cases,
 * files and places, each at its own URL and in paged, filterable lists. Every answer is made
 * for the actor through the read model (oparl-meeting-bundles.ts) and the read scope (the
 * lists' SQL), so an actor sees in OParl exactly what it sees elsewhere; the routes ask as
 * the anonymous reader.
 */

/** The request's reader and where the server is published: what every answer is made for. */
async function contextFor(
  archive: Archive,
  actor: Actor,
  origin: string,
  omitInternal = false,
): Promise<OparlContext> {
  const db = archive.database.db;
  const forums = await listForumTargets(db);
  return {
    db,
    actor,
    scope: await loadReadScope(db, actor),
    forumIds: forums.filter((forum) => canSeeForum(actor, forum)).map((forum) => forum.forumId),
    options: { urls: oparlUrls(origin), omitInternal },
  };
}

/** The entry point: the System object, GET /oparl/v1.1. */
export async function getOparlSystem(
  archive: Archive,
  actor: Actor,
  origin: string,
): Promise<OparlSystem> {
  const context = await contextFor(archive, actor, origin);
  const stamps = await loadArchiveStamps(context.db, context.scope, context.forumIds);
  return systemObject(context.options.urls, stamps);
}

/** One page of a collection's list, filtered and sized as the query asks. */
export function listOparlObjects(
  archive: Archive,
  actor: Actor,
  origin: string,
  collection: OparlCollectionName,
  query: OparlListQuery,
): Promise<OparlList<AnyOparlObject>> {
  return readList(archive, actor, origin, oparlCollections[collection], query, (urls) =>
    urls.list(collection),
  );
}

/** One object at its URL; 404 when it is not there for this actor. */
export async function getOparlObject(
  archive: Archive,
  actor: Actor,
  origin: string,
  collection: OparlCollectionName,
  key: string,
): Promise<AnyOparlObject> {
  const context = await contextFor(archive, actor, origin);
  // The object's own row of its list: visible here exactly when it is listed.
  const { objects } = await oparlCollections[collection].read(context, key, {
    window: {},
    limit: 1,
    offset: 0,
  });
  const [object] = objects;
  if (!object) throw notFound(objectNames[collection]);
  return object;
}

/** The meetings of one forum (Organization.meeting); 404 for a forum the actor may not see. */
export async function listOrganizationMeetings(
  archive: Archive,
  actor: Actor,
  origin: string,
  forumId: number,
  query: OparlListQuery,
): Promise<OparlList<AnyOparlObject>> {
  const context = await contextFor(archive, actor, origin);
  if (!context.forumIds.includes(forumId)) throw notFound('Forummet');
  return readList(archive, actor, origin, forumMeetings(forumId), query, (urls) =>
    urls.organizationMeetings(forumId),
  );
}

async function readList(
  archive: Archive,
  actor: Actor,
  origin: string,
  reader: OparlReader,
  query: OparlListQuery,
  listUrl: (urls: OparlUrls) => string,
): Promise<OparlList<AnyOparlObject>> {
  const context = await contextFor(archive, actor, origin, query.omit_internal === true);
  const request = pageRequestOf(query, reader.size);
  const { objects, total } = await reader.read(context, null, request);
  return listPage(objects, total, request, listUrl(context.options.urls), query);
}

/** Danish names of the objects, for "… findes ikke.". */
const objectNames: Record<OparlCollectionName, string> = {
  body: 'Kommunen',
  organization: 'Forummet',
  person: 'Personen',
  membership: 'Medlemskabet',
  meeting: 'Mødet',
  agendaItem: 'Punktet',
  consultation: 'Behandlingen',
  paper: 'Sagen',
  file: 'Filen',
  location: 'Stedet',
};
