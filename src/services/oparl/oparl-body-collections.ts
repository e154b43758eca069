import {
  loadArchiveStamps,
  loadForumRecords,
  loadMemberships,
} from '../../store/oparl-record-store.ts';
import {
  pageMemberships,
  pageOrganizations,
  pagePersons,
  type Stamped,
} from '../../store/oparl-store.ts';
import {
  bodyObject,
  type MembershipFacts,
  membershipObject,
  organizationObject,
  personObject,
} from './oparl-body-objects.ts';
import {
  byId,
  idOf,
  isInWindow,
  noRows,
  type OparlCollection,
  type OparlContext,
} from './oparl-collection.ts';
import { pageSizes } from './oparl-paging.ts';
import { bodyKey } from './oparl-urls.ts';

/**
 * The collections about the municipality and its people: the one Body, the forums the reader
 * may see (organizations), their members (persons) and the members' places in them
 * (memberships). A person is read as a name and roles, never more.
 */

/** The body collection. */
export const body: OparlCollection = {
  size: pageSizes.other,
  async page(context, key, request) {
    if (key !== null && key !== bodyKey) return noRows;
    const stamps = await loadArchiveStamps(context.db, context.scope, context.forumIds);
    const row = bodyObject(context.options.urls, stamps);
    const rows = isInWindow(row, request.window)
      ? [{ created: row.created, modified: row.modified }]
      : [];
    return { rows: request.offset === 0 ? rows : [], total: rows.length };
  },
  async build(context, rows) {
    // The page decided whether the one Body is on it (its key, the filters).
    if (rows.length === 0) return [];
    return [
      bodyObject(
        context.options.urls,
        await loadArchiveStamps(context.db, context.scope, context.forumIds),
      ),
    ];
  },
};

/** The memberships of the reader's forums for some people, as OParl takes them. */
async function membershipsOf(
  context: OparlContext,
  personIds?: readonly number[],
): Promise<MembershipFacts[]> {
  return loadMemberships(context.db, context.forumIds, personIds);
}

/** The organization collection. */
export const organization: OparlCollection<{ id: number } & Stamped> = {
  size: pageSizes.other,
  page: byId((context, forumId, request) =>
    pageOrganizations(context.db, context.forumIds, { forumId }, request),
  ),
  async build(context, rows) {
    const ids = rows.map((row) => row.id);
    const forums = new Map(
      (await loadForumRecords(context.db, ids)).map((forum) => [forum.id, forum]),
    );
    const members = (await membershipsOf(context)).filter((member) => forums.has(member.forumId));
    return ids.flatMap((id) => {
      const forum = forums.get(id);
      if (!forum) return [];
      const own = members.filter((member) => member.forumId === id);
      return [organizationObject(forum, own, context.options.urls)];
    });
  },
};

/** The person collection. */
export const person: OparlCollection<{ id: number } & Stamped> = {
  size: pageSizes.other,
  page: byId((context, personId, request) =>
    pagePersons(context.db, context.forumIds, { personId }, request),
  ),
  async build(context, rows) {
    const ids = rows.map((row) => row.id);
    const memberships = await membershipsOf(context, ids);
    return ids.flatMap((id) => {
      const object = personObject(
        id,
        memberships.filter((member) => member.personId === id),
        context.options.urls,
        context.options.omitInternal,
      );
      return object ? [object] : [];
    });
  },
};

const membershipKeyPattern = /^([1-9]\d{0,9})-([1-9]\d{0,9})$/u;

/** The membership collection. */
export const membership: OparlCollection<{ forum_id: number; person_id: number } & Stamped> = {
  size: pageSizes.other,
  async page(context, key, request) {
    if (key === null) return pageMemberships(context.db, context.forumIds, {}, request);
    const match = membershipKeyPattern.exec(key);
    const forumId = idOf(match?.[1] ?? null);
    const personId = idOf(match?.[2] ?? null);
    if (forumId === null || personId === null) return noRows;
    return pageMemberships(context.db, context.forumIds, { forumId, personId }, request);
  },
  async build(context, rows) {
    const memberships = await membershipsOf(
      context,
      rows.map((row) => row.person_id),
    );
    return rows.flatMap((row) => {
      const facts = memberships.find(
        (member) => member.forumId === row.forum_id && member.personId === row.person_id,
      );
      return facts ? [membershipObject(facts, context.options.urls, false)] : [];
    });
  },
};
