import { purposeLabel } from '../../core/forum-practice.ts';
import { meetingStatuses, toMeetingStatus } from '../../core/meeting-lifecycle.ts';
import { meetingAccess } from '../../core/policies/meeting-access.ts';
import { visibleCaseEntry } from '../../core/policies/read-model.ts';
import {
  listMeetingIdsAt,
  loadCaseItems,
  loadCaseRecords,
} from '../../store/oparl-record-store.ts';
import {
  listLocationNames,
  pageAgendaItems,
  pageConsultations,
  pageFiles,
  pageLocations,
  pageMeetings,
  pagePapers,
  type Stamped,
} from '../../store/oparl-store.ts';
import { type PaperEntry, paperObject } from './oparl-body-objects.ts';
import {
  byId,
  idOf,
  noRows,
  type OparlCollection,
  type OparlContext,
  type OparlReader,
  readerOf,
} from './oparl-collection.ts';
import { loadMeetingBundles } from './oparl-meeting-bundles.ts';
import {
  agendaItemObject,
  attachmentFile,
  consultationFactsOf,
  consultationObject,
  hasMinutesDocument,
  isStoredAttachment,
  locationKey,
  locationObject,
  meetingDocumentFile,
  meetingObject,
} from './oparl-meeting-objects.ts';
import { pageSizes } from './oparl-paging.ts';

/**
 * The collections made from meetings: meetings, their items, the items' handling of cases,
 * the cases (papers), the files and the places. Each pages its keys in SQL within the reader's
 * scope and maps them from meeting bundles, which the read model made.
 */

/** The statuses whose meetings have a minutes document, from the lifecycle's own rule. */
const minutesStatuses = meetingStatuses.filter(hasMinutesDocument);

/** The meetings of a page of rows, as OParl Meetings with their places embedded. */
async function buildMeetings(context: OparlContext, ids: readonly number[]) {
  const bundles = await loadMeetingBundles(context.db, context.actor, ids);
  const names = [...bundles.values()].flatMap((bundle) =>
    bundle.record.location?.trim() ? [bundle.record.location.trim()] : [],
  );
  const places = await pageLocations(
    context.db,
    context.scope,
    { names },
    {
      window: {},
      limit: names.length + 1,
      offset: 0,
    },
  );
  const stamps = new Map(places.rows.map((row) => [row.name, row]));
  return ids.flatMap((id) => {
    const bundle = bundles.get(id);
    if (!bundle) return [];
    const name = bundle.record.location?.trim() ?? '';
    const place = stamps.get(name);
    const location = place ? locationObject(name, place, context.options.urls) : null;
    return [meetingObject(bundle, context.options, location)];
  });
}

/** The meeting collection. */
export const meeting: OparlCollection<{ id: number } & Stamped> = {
  size: pageSizes.meeting,
  page: byId((context, meetingId, request) =>
    pageMeetings(context.db, context.scope, { meetingId }, request),
  ),
  build: (context, rows) =>
    buildMeetings(
      context,
      rows.map((row) => row.id),
    ),
};

/** The meetings of one forum, for Organization.meeting. */
export function forumMeetings(forumId: number): OparlReader {
  return readerOf({
    size: pageSizes.meeting,
    page: (context, _key, request) => pageMeetings(context.db, context.scope, { forumId }, request),
    build: meeting.build,
  });
}

/** Rows that name an item and its meeting, with the bundles of those meetings. */
async function bundlesOf(context: OparlContext, rows: ReadonlyArray<{ meeting_id: number }>) {
  return loadMeetingBundles(
    context.db,
    context.actor,
    rows.map((row) => row.meeting_id),
  );
}

/** The agendaItem collection. */
export const agendaItem: OparlCollection<{ id: number; meeting_id: number } & Stamped> = {
  size: pageSizes.other,
  page: byId((context, itemId, request) =>
    pageAgendaItems(context.db, context.scope, { itemId }, request),
  ),
  async build(context, rows) {
    const bundles = await bundlesOf(context, rows);
    return rows.flatMap((row) => {
      const bundle = bundles.get(row.meeting_id);
      const entry = bundle?.items.find((item) => item.id === row.id);
      return bundle && entry ? [agendaItemObject(bundle, entry, context.options, false)] : [];
    });
  },
};

/** The consultation collection. */
export const consultation: OparlCollection<{ id: number; meeting_id: number } & Stamped> = {
  size: pageSizes.other,
  page: byId((context, itemId, request) =>
    pageConsultations(context.db, context.scope, { itemId }, request),
  ),
  async build(context, rows) {
    const bundles = await bundlesOf(context, rows);
    return rows.flatMap((row) => {
      const bundle = bundles.get(row.meeting_id);
      const entry = bundle?.items.find((item) => item.id === row.id);
      const facts = bundle && entry ? consultationFactsOf(bundle, entry) : null;
      return facts ? [consultationObject(facts, context.options.urls, false)] : [];
    });
  },
};

/** The paper collection. */
export const paper: OparlCollection<{ id: number } & Stamped> = {
  size: pageSizes.other,
  page: byId((context, caseId, request) =>
    pagePapers(context.db, context.scope, { caseId }, request),
  ),
  async build(context, rows) {
    const ids = rows.map((row) => row.id);
    const records = new Map((await loadCaseRecords(context.db, ids)).map((row) => [row.id, row]));
    const entries = new Map<number, PaperEntry[]>();
    for (const item of await loadCaseItems(context.db, context.scope, ids)) {
      const status = toMeetingStatus(item.status);
      const access = meetingAccess(context.actor, { ...item, status });
      // The read model's rule for a case's timeline: a closed item without rights is absent,
      // and the title is as the reader may read it.
      const shown = visibleCaseEntry({
        title: item.title,
        closed: item.closed,
        decision: item.decision,
        status,
        access,
      });
      if (!shown) continue;
      const entry: PaperEntry = {
        itemId: item.itemId,
        meetingId: item.meetingId,
        forumId: item.forumId,
        caseId: item.caseId,
        purpose: purposeLabel(item.purpose),
        created: item.created,
        modified: item.modified,
        date: item.date,
        title: shown.title ?? item.title,
      };
      entries.set(item.caseId, [...(entries.get(item.caseId) ?? []), entry]);
    }
    return ids.flatMap((id) => {
      const record = records.get(id);
      const object = record
        ? paperObject(record, entries.get(id) ?? [], context.options.urls)
        : null;
      return object ? [object] : [];
    });
  },
};

const fileKeyPattern = /^(agenda|minutes|attachment)-([1-9]\d{0,9})$/u;

/** The file collection. */
export const file: OparlCollection<
  { kind: 'agenda' | 'minutes' | 'attachment'; ref: number; meeting_id: number } & Stamped
> = {
  size: pageSizes.other,
  async page(context, key, request) {
    if (key === null) return pageFiles(context.db, context.scope, minutesStatuses, {}, request);
    const match = fileKeyPattern.exec(key);
    const ref = idOf(match?.[2] ?? null);
    if (!match || ref === null) return noRows;
    const kind = match[1] as 'agenda' | 'minutes' | 'attachment';
    return pageFiles(context.db, context.scope, minutesStatuses, { kind, ref }, request);
  },
  async build(context, rows) {
    const bundles = await bundlesOf(context, rows);
    return rows.flatMap((row) => {
      const bundle = bundles.get(row.meeting_id);
      if (!bundle) return [];
      if (row.kind === 'agenda')
        return [meetingDocumentFile(bundle, 'agenda', context.options, false)];
      if (row.kind === 'minutes')
        return hasMinutesDocument(bundle.status)
          ? [meetingDocumentFile(bundle, 'minutes', context.options, false)]
          : [];
      for (const entry of bundle.items) {
        const attachment = entry.attachments.find((candidate) => candidate.id === row.ref);
        if (attachment && isStoredAttachment(attachment))
          return [attachmentFile(bundle, entry, attachment, context.options, false)];
      }
      return [];
    });
  },
};

/** The location collection. */
export const location: OparlCollection<{ name: string } & Stamped> = {
  size: pageSizes.other,
  async page(context, key, request) {
    if (key === null) return pageLocations(context.db, context.scope, {}, request);
    const names = await listLocationNames(context.db, context.scope);
    const name = names.find((candidate) => locationKey(candidate) === key);
    return name === undefined
      ? noRows
      : pageLocations(context.db, context.scope, { names: [name] }, request);
  },
  async build(context, rows) {
    const meetingIds = await listMeetingIdsAt(
      context.db,
      context.scope,
      rows.map((row) => row.name),
    );
    return rows.map((row) =>
      locationObject(row.name, row, context.options.urls, meetingIds.get(row.name) ?? []),
    );
  },
};
