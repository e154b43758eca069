import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.ts';
import { formatDanishDate, formatMeetingDate } from '../core/danish-date.ts';
import { buildCalendar, type CalendarEvent } from '../core/icalendar.ts';
import { createEmptyItem } from '../core/meeting.ts';
import {
  calendarSequence,
  type MeetingPlaceAndTime,
  meetingCalendarEvent,
  meetingCalendarMinutes,
  placeAndTimeOf,
} from '../core/meeting-calendar.ts';
import { type MeetingStatus, meetingStatuses } from '../core/meeting-lifecycle.ts';
import { canSeeForum, meetingAccess } from '../core/policies/meeting-access.ts';
import {
  visibleItem,
  visiblePublication,
  visibleVersionReason,
} from '../core/policies/read-model.ts';
import { targetOfForum } from '../core/policies/targets.ts';
import type { DatabaseSchema } from '../store/database-schema.ts';
import {
  type FeedPublication,
  listCalendarMeetings,
  listFeedPublications,
  listItemTimes,
  listPlaceAndTimeRevisions,
} from '../store/feed-store.ts';
import { findForum, type StoredForum } from '../store/forum-store.ts';
import type { Archive } from './archive-types.ts';
import { auditRefusal } from './command-pipeline.ts';
import { type AtomEntry, buildAtomFeed } from './feeds/atom-feed.ts';
import { importedAuthor } from './publication-service.ts';
import { loadReadScope } from './read-access.ts';
import { notFound } from './service-error.ts';

type Executor = Kysely<DatabaseSchema>;

/**
 * Feeds of what is published: Atom feeds of the agendas and minutes, and a forum's meetings as
 * an iCalendar feed to subscribe to (webcal). Everything passes the read model for the actor
 * given; the routes give the anonymous reader, so a feed shows what anyone may see and is the
 * same for everyone who fetches it (a feed reader sends no session anyway).
 */

/** How many entries an Atom feed holds. */
export const feedEntryLimit = 50;

/** How far back a calendar feed reaches: two years; every future meeting is in it. */
export const calendarYearsBack = 2;

/** Where the feed's links point: the site's public address, without a trailing slash. */
export interface FeedSite {
  /** "https://referat.albertslund.dk". */
  baseUrl: string;
}

/**
 * The Atom feed of published agendas and minutes, one entry per published version, newest
 * first: of every forum the actor may read, or of one forum (404 when the actor may not see
 * it). Imported archive documents were never published here and are not entries.
 */
export async function getPublicationFeed(
  archive: Archive,
  actor: Actor,
  options: FeedSite & { forumId?: number; now?: Date },
): Promise<string> {
  const db = archive.database.db;
  const forum =
    options.forumId === undefined ? null : await requireForum(archive, actor, options.forumId);
  const publications = await listFeedPublications(db, {
    scope: await loadReadScope(db, actor),
    forumId: forum?.id,
    limit: feedEntryLimit,
    excludedAuthor: importedAuthor,
  });
  const entries = publications
    .map((publication) => feedEntry(actor, publication, options.baseUrl))
    .filter((entry): entry is AtomEntry => entry !== null);
  const self = forum
    ? `${options.baseUrl}/fora/${forum.id}/feed.xml`
    : `${options.baseUrl}/feed.xml`;
  return buildAtomFeed({
    id: self,
    self,
    link: `${options.baseUrl}/`,
    title: forum ? `${forum.name}: dagsordener og referater` : 'Dagsordener og referater',
    subtitle: forum
      ? `Udsendte dagsordener og referater fra ${forum.name}, nyeste først.`
      : 'Udsendte dagsordener og referater fra de offentlige fora, nyeste først.',
    updated: entries[0]?.published ?? options.now ?? new Date(),
    entries,
  });
}

/** A published version as a feed entry, as the actor may see it; null when they may not. */
function feedEntry(actor: Actor, publication: FeedPublication, baseUrl: string): AtomEntry | null {
  const access = meetingAccess(actor, publication.meeting);
  if (access === 'none') return null;
  const { kind, number, meeting } = publication;
  const document = visiblePublication(publication.document, access, kind);
  const reason = visibleVersionReason(publication, access);
  const kindName = kind === 'agenda' ? 'Dagsorden' : 'Referat';
  const version = number > 1 ? ` (version ${number})` : '';
  const when = [
    formatMeetingDate(document.date).toLowerCase(),
    document.start ? `kl. ${document.start}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const place = document.location ? ` i ${document.location}` : '';
  const pdfUrl = `${baseUrl}/api/meetings/${meeting.meetingId}/publications/${kind}/${number}/document.pdf`;
  return {
    id: pdfUrl,
    title: `${kindName}: ${document.forum} ${formatDanishDate(document.date)}${version}`,
    link: `${baseUrl}/moeder/${meeting.meetingId}`,
    pdf: { url: pdfUrl, title: `${kindName} som PDF` },
    paragraphs: [
      `${kindName} for mødet i ${document.forum} ${when}${place}.`,
      ...(reason ? [`Rettet: ${reason}`] : []),
    ],
    // The read model has made a closed item its number and "Lukket punkt".
    listItems: document.items.map((item) => `Punkt ${item.number}: ${item.title}`),
    author: document.forum,
    published: new Date(publication.publishedAt),
  };
}

/**
 * A forum's meetings as an iCalendar feed (METHOD:PUBLISH): every meeting the actor may see
 * that is not a draft, from two years back on, each with a stable UID and the SEQUENCE of
 * calendarSequence. 404 when the actor may not see the forum.
 */
export async function getForumCalendar(
  archive: Archive,
  actor: Actor,
  forumId: number,
  options: FeedSite & { now?: Date },
): Promise<string> {
  const forum = await requireForum(archive, actor, forumId);
  const events = await listForumCalendarEvents(archive.database.db, actor, forum, {
    ...options,
    now: options.now ?? new Date(),
  });
  return buildCalendar({ method: 'PUBLISH', name: `${forum.name} – møder`, events });
}

/**
 * The events of a forum's calendar as the actor may see them: its meetings that are not
 * drafts, from two years back on, each judged by the read model, with the time plan as the
 * reader sees it. Every calendar of meetings (a forum's, a user's own) is made of these, so a
 * meeting has the same UID and SEQUENCE in all of them. The caller has checked that the actor
 * may see the forum.
 */
export async function listForumCalendarEvents(
  db: Executor,
  actor: Actor,
  forum: Pick<StoredForum, 'id' | 'name' | 'visibility' | 'hidesContactDetails'>,
  options: FeedSite & { now: Date },
): Promise<CalendarEvent[]> {
  const { now } = options;
  const meetings = (
    await listCalendarMeetings(db, {
      forumId: forum.id,
      fromDate: yearsBefore(now, calendarYearsBack),
      statuses: nonDraftStatuses,
    })
  )
    .map((meeting) => ({
      meeting,
      access: meetingAccess(actor, { ...meeting, ...targetOfForum(forum) }),
    }))
    .filter(({ access }) => access !== 'none');
  const ids = meetings.map(({ meeting }) => meeting.meetingId);
  const sequences = await loadCalendarSequences(
    db,
    meetings.map(({ meeting }) => meeting),
  );
  const itemTimes = Map.groupBy(await listItemTimes(db, ids), (item) => item.meetingId);
  const host = new URL(options.baseUrl).hostname;
  return meetings.map(({ meeting, access }) => {
    // The time plan as the reader sees it: a closed item's time is part of what is hidden.
    const items = (itemTimes.get(meeting.meetingId) ?? []).map((item) =>
      visibleItem(
        {
          ...createEmptyItem(item.number, ''),
          closed: item.closed,
          durationMinutes: item.durationMinutes,
        },
        access,
        meeting.status,
      ),
    );
    return meetingCalendarEvent(
      {
        ...meeting,
        forumName: forum.name,
        isCancelled: meeting.status === 'cancelled',
        sequence: sequences.get(meeting.meetingId) ?? 0,
        durationMinutes: meetingCalendarMinutes(items),
        url: `${options.baseUrl}/moeder/${meeting.meetingId}`,
      },
      { host, stamp: now },
    );
  });
}

/**
 * Each meeting's calendar SEQUENCE (see calendarSequence), from its revisions: the invitations
 * use it too, so that an invitation and the feed agree on which version of the event is newer.
 */
export async function loadCalendarSequences(
  db: Executor,
  meetings: ReadonlyArray<MeetingPlaceAndTime & { meetingId: number; status: MeetingStatus }>,
): Promise<Map<number, number>> {
  const revisions = await listPlaceAndTimeRevisions(
    db,
    meetings.map((meeting) => meeting.meetingId),
  );
  const byMeeting = Map.groupBy(revisions, (revision) => revision.meetingId);
  const sequences = new Map<number, number>();
  for (const meeting of meetings) {
    const earlier = (byMeeting.get(meeting.meetingId) ?? [])
      .map((revision) => placeAndTimeOf(readBefore(revision.data)))
      .filter((entry): entry is MeetingPlaceAndTime => entry !== null);
    sequences.set(
      meeting.meetingId,
      calendarSequence(earlier, meeting, meeting.status === 'cancelled'),
    );
  }
  return sequences;
}

const nonDraftStatuses = meetingStatuses.filter((status) => status !== 'draft');

/** The `before` of a revision's data, or null when the data cannot be read. */
function readBefore(data: string): unknown {
  try {
    return (JSON.parse(data) as { before?: unknown }).before ?? null;
  } catch {
    return null;
  }
}

/**
 * The forum, or 404 when it does not exist or the actor may not see it (the same answer, so
 * that an internal forum is not admitted to exist); the refusal of one that exists is audited.
 */
async function requireForum(archive: Archive, actor: Actor, forumId: number): Promise<StoredForum> {
  const forum = await findForum(archive.database.db, forumId);
  if (!forum) throw notFound('Forummet');
  if (!canSeeForum(actor, targetOfForum(forum))) {
    await auditRefusal(archive, actor, {
      action: 'forum.read',
      auditType: 'forum',
      auditId: forumId,
      message: 'Forummet findes ikke.',
    });
    throw notFound('Forummet');
  }
  return forum;
}

/** The date `years` years before a moment, as YYYY-MM-DD (in UTC; a day either way is fine). */
function yearsBefore(moment: Date, years: number): string {
  const earlier = new Date(moment);
  earlier.setUTCFullYear(earlier.getUTCFullYear() - years);
  return earlier.toISOString().slice(0, 10);
}
