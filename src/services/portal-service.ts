import type { Actor } from '../core/actor.ts';
import type { MeetingAnnotations } from '../core/item-annotations.ts';
import type { Meeting } from '../core/meeting.ts';
import { documentKindFor, type MeetingStatus, toMeetingStatus } from '../core/meeting-lifecycle.ts';
import {
  visibleAnnotations,
  visiblePublication,
  visibleVersionReason,
} from '../core/policies/read-model.ts';
import { findForum } from '../store/forum-store.ts';
import { findMeetingRecord } from '../store/meeting-store.ts';
import type { StoredPublication } from '../store/publication-store.ts';
import type { Archive } from './archive-types.ts';
import { getForums } from './forum-service.ts';
import { listMeetings } from './meeting-service.ts';
import { loadPublishedVersions } from './publication-service.ts';
import { requireMeetingAccess } from './read-access.ts';
import { notFound } from './service-error.ts';

/**
 * What the public portal (/arkiv) shows, composed from the other services and the read model
 * for one actor (the portal passes the anonymous reader, so everyone sees the same portal).
 * Nothing here decides visibility itself: the forums come from getForums, the meetings from
 * listMeetings, and each published version passes visiblePublication and its friends.
 */

/** Which document: the agenda (dagsorden) or the minutes (referat). */
export type DocumentKind = 'agenda' | 'minutes';

/** A meeting in the portal's lists. */
export interface PortalMeeting {
  id: number;
  date: string;
  start: string | null;
  location: string | null;
  status: MeetingStatus;
}

/** A public forum with the meeting ahead of it and the latest one behind it. */
export interface PortalForum {
  id: number;
  name: string;
  abbreviation: string | null;
  /** The first meeting from today on that is not cancelled, or null. */
  nextMeeting: PortalMeeting | null;
  /** The latest meeting before today, or null. */
  latestMeeting: PortalMeeting | null;
}

/** A published version as lists name it. */
export interface PublishedVersionReference {
  kind: DocumentKind;
  number: number;
  publishedAt: string;
  /** An archive meeting's imported document, standing as version 1. */
  imported: boolean;
}

/** One year of a forum's meetings, each with its latest published version. */
export interface PortalForumYear {
  forum: Omit<PortalForum, 'latestMeeting'>;
  /** Every year with meetings, newest first, with how many. */
  years: Array<{ year: number; meetingCount: number }>;
  /** The year shown, or null when the forum has no meetings. */
  year: number | null;
  /** The year's meetings, newest first. */
  meetings: Array<PortalMeeting & { published: PublishedVersionReference | null }>;
}

/** A meeting's published version as the portal shows it, and the versions beside it. */
export interface PublishedMeetingView {
  meeting: PortalMeeting & { forumId: number; forum: string; archived: boolean };
  /** The document the meeting's state gives (the minutes once published). */
  currentKind: DocumentKind;
  /** The version shown, as the reader may see it; null when nothing was ever published. */
  shown:
    | (PublishedVersionReference & {
        reason: string | null;
        document: Meeting;
        annotations: MeetingAnnotations;
      })
    | null;
  /** Every published version, oldest first, with the reason the reader may see. */
  versions: Array<PublishedVersionReference & { reason: string | null }>;
}

/** Today's date in Copenhagen (the machines run in UTC), as an ISO date. */
export function copenhagenToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The forums this actor may see, each with its next and its latest meeting. */
export async function listPortalForums(
  archive: Archive,
  actor: Actor,
  today = copenhagenToday(),
): Promise<PortalForum[]> {
  const forums = await getForums(archive, actor);
  return Promise.all(
    forums.map(async (forum) => {
      // Newest first, so the meetings around today are among the first of the list.
      const meetings = await listForumMeetings(archive, actor, forum.name, 200);
      return {
        id: forum.id,
        name: forum.name,
        abbreviation: forum.abbreviation,
        nextMeeting: findNextMeeting(meetings, today),
        latestMeeting: meetings.find((meeting) => meeting.date < today) ?? null,
      };
    }),
  );
}

/**
 * A forum's meetings in one year (the one asked for, else the latest year up to this one),
 * each with the latest version of the document its state gives; 404 for a forum the actor
 * may not see.
 */
export async function getPortalForumYear(
  archive: Archive,
  actor: Actor,
  forumId: number,
  options: { year?: number; today?: string } = {},
): Promise<PortalForumYear> {
  const forum = (await getForums(archive, actor)).find((entry) => entry.id === forumId);
  if (!forum) throw notFound('Forummet');
  const today = options.today ?? copenhagenToday();
  const meetings = await listForumMeetings(archive, actor, forum.name, 10_000);
  const counts = new Map<number, number>();
  for (const meeting of meetings) {
    const year = yearOf(meeting.date);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const years = [...counts].map(([year, meetingCount]) => ({ year, meetingCount }));
  const year = options.year ?? defaultYear(years, yearOf(today));
  const shown = meetings.filter((meeting) => yearOf(meeting.date) === year);
  // Only the shown year's versions are loaded: an archive of decades stays one small page.
  const db = archive.database.db;
  const withVersions = await Promise.all(
    shown.map(async (meeting) => {
      const versions = await loadPublishedVersions(db, meeting.id);
      const latest = pickVersion(versions, documentKindFor(meeting.status));
      return { ...meeting, published: latest ? referenceOf(latest) : null };
    }),
  );
  return {
    forum: {
      id: forum.id,
      name: forum.name,
      abbreviation: forum.abbreviation,
      nextMeeting: findNextMeeting(meetings, today),
    },
    years,
    year,
    meetings: withVersions,
  };
}

/**
 * A meeting as published, for this actor: the latest version of the document its state
 * gives (or the version asked for), never the working copy, with the annotations it was sent
 * with; each passes the read model, so a closed item is "Lukket punkt" to the public. 404 for
 * a meeting the actor may not see and for a version that does not exist.
 */
export async function getPublishedMeeting(
  archive: Archive,
  actor: Actor,
  meetingId: number,
  wanted: { kind?: DocumentKind; number?: number } = {},
): Promise<PublishedMeetingView> {
  const db = archive.database.db;
  const { target, access } = await requireMeetingAccess(archive, actor, meetingId);
  const record = await findMeetingRecord(db, meetingId);
  const forum = await findForum(db, target.forumId);
  if (!record || !forum) throw notFound('Mødet');
  const versions = await loadPublishedVersions(db, meetingId);
  const currentKind = documentKindFor(target.status);
  const isAsked = wanted.kind !== undefined || wanted.number !== undefined;
  const chosen = isAsked
    ? findVersion(versions, wanted.kind ?? currentKind, wanted.number)
    : pickVersion(versions, currentKind);
  // A version asked for must exist; without one, a meeting with nothing published shows so.
  if (isAsked && chosen === null) throw notFound('Den udsendte version');
  return {
    meeting: {
      id: meetingId,
      forumId: forum.id,
      forum: forum.name,
      date: record.date,
      start: record.start,
      location: record.location,
      status: target.status,
      archived: record.archived,
    },
    currentKind,
    shown: chosen && {
      ...referenceOf(chosen),
      reason: visibleVersionReason(chosen, access),
      document: visiblePublication(chosen.document, access, chosen.kind),
      // As renderPublication does: a version keeps the annotations it was sent with.
      annotations: visibleAnnotations(
        chosen.annotations,
        chosen.document,
        access,
        chosen.kind === 'minutes' ? 'minutes_published' : 'agenda_published',
      ),
    },
    versions: versions.map((version) => ({
      ...referenceOf(version),
      reason: visibleVersionReason(version, access),
    })),
  };
}

async function listForumMeetings(
  archive: Archive,
  actor: Actor,
  forum: string,
  limit: number,
): Promise<PortalMeeting[]> {
  const summaries = await listMeetings(archive, actor, { forum, limit });
  return summaries.map((summary) => ({
    id: summary.id,
    date: summary.date,
    start: summary.start,
    location: summary.location,
    status: toMeetingStatus(summary.status),
  }));
}

/** From meetings newest first: the earliest from today on that will take place. */
function findNextMeeting(meetings: readonly PortalMeeting[], today: string): PortalMeeting | null {
  return (
    meetings.filter((meeting) => meeting.date >= today && meeting.status !== 'cancelled').at(-1) ??
    null
  );
}

/** The latest year up to this one with meetings; else (only future ones) the earliest. */
function defaultYear(years: ReadonlyArray<{ year: number }>, thisYear: number): number | null {
  const past = years.filter((entry) => entry.year <= thisYear);
  return past[0]?.year ?? years.at(-1)?.year ?? null;
}

/**
 * The latest version of a kind; when there is none (an imported agenda whose state says
 * minutes, or older data), the latest version of any kind: what was published last.
 */
function pickVersion(
  versions: readonly StoredPublication[],
  kind: DocumentKind,
): StoredPublication | null {
  return versions.filter((version) => version.kind === kind).at(-1) ?? versions.at(-1) ?? null;
}

/** The version asked for (the latest of its kind without a number), or null. */
function findVersion(
  versions: readonly StoredPublication[],
  kind: DocumentKind,
  number: number | undefined,
): StoredPublication | null {
  const ofKind = versions.filter((version) => version.kind === kind);
  const found =
    number === undefined ? ofKind.at(-1) : ofKind.find((version) => version.number === number);
  return found ?? null;
}

function referenceOf(version: StoredPublication): PublishedVersionReference {
  return {
    kind: version.kind,
    number: version.number,
    publishedAt: version.publishedAt,
    imported: version.imported === true,
  };
}

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
