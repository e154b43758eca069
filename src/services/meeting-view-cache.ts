import type { Viewer, ViewerRole } from '../core/visibility.ts';
import { findMeetingStamp, type MeetingStamp } from '../store/meeting-state.ts';
import type { Archive } from './archive.ts';
import { getMeeting, type MeetingView } from './meeting-service.ts';

/** Which answer a reader gets now: the meeting, its version and status, and the reader's role. */
export interface MeetingViewStamp extends MeetingStamp {
  meetingId: number;
  role: ViewerRole;
  etag: string;
}

/**
 * A meeting view as sent: the serialized JSON, encoded as UTF-8 once (encoding the string for
 * every response costs more than all the rest of the request), and the ETag of the version it
 * shows.
 */
export interface MeetingViewAnswer {
  body: Buffer;
  etag: string;
}

/** Serialized meeting views, checked against the database on every read. */
export interface MeetingViewCache {
  /** The meeting's current stamp for this viewer, or null when there is no such meeting. */
  stamp(meetingId: number, viewer: Viewer): Promise<MeetingViewStamp | null>;
  /**
   * The view for a stamp from `stamp()`: from the cache, or loaded, serialized with `serialize`
   * and kept. Null when the meeting was deleted in between. The answer's ETag is that of the
   * version actually loaded, which a write in between may have made newer than the stamp's.
   */
  answer(
    stamp: MeetingViewStamp,
    viewer: Viewer,
    serialize: (view: MeetingView) => string,
  ): Promise<MeetingViewAnswer | null>;
  /** How many views are kept. */
  readonly size: number;
}

/** Bounds of the cache: entries, and their total size in bytes. */
export interface MeetingViewCacheOptions {
  maxEntries?: number;
  maxTotalBytes?: number;
}

/** The ETag of a meeting view: `"m<id>-v<version>-<role>"`. */
export function meetingViewEtag(meetingId: number, version: number, role: ViewerRole): string {
  return `"m${meetingId}-v${version}-${role}"`;
}

interface Entry extends MeetingViewAnswer {
  version: number;
  status: string;
}

/**
 * A bounded LRU cache of the serialized answer of GET /api/meetings/:id, so that a read costs one
 * lookup of the meeting's version and status by primary key instead of loading and serializing
 * the whole document.
 *
 * An entry is valid for one meeting, version, status and viewer role. Every write to a meeting
 * or its items bumps meetings.version in the same transaction, so a changed meeting is never
 * served from the cache; an entry is only stored when the version read after loading equals the
 * one the document was loaded at, so a write landing during the load cannot leave a mixed
 * document behind. What a viewer may see depends on the role alone (core/visibility.ts): were
 * it to depend on more, the key would have to hold it too. Concurrent misses for the same
 * answer share one load.
 */
export function createMeetingViewCache(
  archive: Archive,
  options: MeetingViewCacheOptions = {},
): MeetingViewCache {
  const maxEntries = options.maxEntries ?? 200;
  const maxTotalBytes = options.maxTotalBytes ?? 32 * 1024 * 1024;
  // A Map iterates in insertion order: the first key is the least recently used.
  const entries = new Map<string, Entry>();
  const loads = new Map<string, Promise<MeetingViewAnswer | null>>();
  let totalBytes = 0;

  function keep(key: string, entry: Entry): void {
    const previous = entries.get(key);
    if (previous) {
      entries.delete(key);
      totalBytes -= previous.body.byteLength;
    }
    if (entry.body.byteLength > maxTotalBytes) return;
    entries.set(key, entry);
    totalBytes += entry.body.byteLength;
    for (const [oldestKey, oldest] of entries) {
      if (entries.size <= maxEntries && totalBytes <= maxTotalBytes) break;
      entries.delete(oldestKey);
      totalBytes -= oldest.body.byteLength;
    }
  }

  async function load(
    key: string,
    stamp: MeetingViewStamp,
    viewer: Viewer,
    serialize: (view: MeetingView) => string,
  ): Promise<MeetingViewAnswer | null> {
    const view = await getMeeting(archive, stamp.meetingId, viewer);
    if (!view) return null;
    const answer = {
      body: Buffer.from(serialize(view), 'utf8'),
      etag: meetingViewEtag(stamp.meetingId, view.version, stamp.role),
    };
    const after = await findMeetingStamp(archive.database.db, stamp.meetingId);
    if (after && after.version === view.version && after.status === view.status)
      keep(key, { ...answer, version: view.version, status: view.status });
    return answer;
  }

  return {
    async stamp(meetingId, viewer) {
      const stamp = await findMeetingStamp(archive.database.db, meetingId);
      if (!stamp) return null;
      return {
        ...stamp,
        meetingId,
        role: viewer.role,
        etag: meetingViewEtag(meetingId, stamp.version, viewer.role),
      };
    },
    answer(stamp, viewer, serialize) {
      const key = `${stamp.meetingId}:${stamp.role}`;
      const entry = entries.get(key);
      if (entry && entry.version === stamp.version && entry.status === stamp.status) {
        entries.delete(key);
        entries.set(key, entry);
        return Promise.resolve(entry);
      }
      const loadKey = `${key}:${stamp.version}:${stamp.status}`;
      let pending = loads.get(loadKey);
      if (!pending) {
        pending = load(key, stamp, viewer, serialize).finally(() => loads.delete(loadKey));
        loads.set(loadKey, pending);
      }
      return pending;
    },
    get size() {
      return entries.size;
    },
  };
}
