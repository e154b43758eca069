import type { Actor } from '../core/actor.ts';
import { type MeetingAccess, meetingAccess } from '../core/policies/meeting-access.ts';
import { findMeetingStamp, type MeetingStamp } from '../store/meeting-state.ts';
import type { Archive } from './archive-types.ts';
import { auditRefusal } from './command-pipeline.ts';
import { loadMeetingView, type MeetingView } from './meeting-service.ts';

/** What a reader may see of a meeting: never `none` here (that answer is a 404). */
type VisibleAccess = Exclude<MeetingAccess, 'none'>;

/** Which answer a reader gets now: the meeting, its version and status, and the access. */
export interface MeetingViewStamp extends MeetingStamp {
  meetingId: number;
  access: VisibleAccess;
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
  /**
   * The meeting's current stamp for this actor, or null when there is no such meeting or the
   * actor may not see it (the refusal is audited).
   */
  stamp(meetingId: number, actor: Actor): Promise<MeetingViewStamp | null>;
  /**
   * The view for a stamp from `stamp()`: from the cache, or loaded, serialized with `serialize`
   * and kept. Null when the meeting was deleted in between. The answer's ETag is that of the
   * version actually loaded, which a write in between may have made newer than the stamp's.
   */
  answer(
    stamp: MeetingViewStamp,
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

/** The ETag of a meeting view: `"m<id>-v<version>-<access>"`. */
export function meetingViewEtag(meetingId: number, version: number, access: VisibleAccess): string {
  return `"m${meetingId}-v${version}-${access}"`;
}

interface Entry extends MeetingViewAnswer {
  version: number;
  status: string;
}

/** Whether a kept entry shows the document a stamp asks for (the access is in the key). */
function isSameDocument(entry: Entry, stamp: MeetingStamp): boolean {
  return entry.version === stamp.version && entry.status === stamp.status;
}

/**
 * A bounded LRU cache of the serialized answer of GET /api/meetings/:id, so that a read costs one
 * lookup of the meeting's version and status by primary key instead of loading and serializing
 * the whole document.
 *
 * An entry is valid for one meeting, version, status and access. Every write to a meeting
 * or its items bumps meetings.version in the same transaction, so a changed meeting is never
 * served from the cache; an entry is only stored when the version read after loading equals the
 * one the document was loaded at, so a write landing during the load cannot leave a mixed
 * document behind. What a reader sees depends on the meeting's state and the reader's access
 * alone (core/policies: the read model), and both are in the key; the access is decided anew
 * for every request from the stamp, so a changed role or forum visibility takes effect at
 * once. Concurrent misses for the same answer share one load.
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
    serialize: (view: MeetingView) => string,
  ): Promise<MeetingViewAnswer | null> {
    // The state is read again before the document, so that the ETag names the version the
    // document was loaded at, even when a write landed since the stamp.
    const before = await findMeetingStamp(archive.database.db, stamp.meetingId);
    if (!before) return null;
    const view = await loadMeetingView(
      archive,
      { ...before, meetingId: stamp.meetingId },
      stamp.access,
    );
    if (!view) return null;
    const answer = {
      body: Buffer.from(serialize(view), 'utf8'),
      etag: meetingViewEtag(stamp.meetingId, before.version, stamp.access),
    };
    const after = await findMeetingStamp(archive.database.db, stamp.meetingId);
    if (after && after.version === before.version && after.status === before.status)
      keep(key, { ...answer, version: before.version, status: before.status });
    return answer;
  }

  return {
    async stamp(meetingId, actor) {
      const stamp = await findMeetingStamp(archive.database.db, meetingId);
      if (!stamp) return null;
      const access = meetingAccess(actor, { ...stamp });
      if (access === 'none') {
        await auditRefusal(archive, actor, {
          action: 'meeting.read',
          auditType: 'meeting',
          auditId: meetingId,
          message: 'Mødet findes ikke.',
        });
        return null;
      }
      return {
        ...stamp,
        meetingId,
        access,
        etag: meetingViewEtag(meetingId, stamp.version, access),
      };
    },
    answer(stamp, serialize) {
      const key = `${stamp.meetingId}:${stamp.access}`;
      const entry = entries.get(key);
      if (entry && isSameDocument(entry, stamp)) {
        entries.delete(key);
        entries.set(key, entry);
        return Promise.resolve(entry);
      }
      const loadKey = `${key}:${stamp.version}:${stamp.status}`;
      let pending = loads.get(loadKey);
      if (!pending) {
        pending = load(key, stamp, serialize).finally(() => loads.delete(loadKey));
        loads.set(loadKey, pending);
      }
      return pending;
    },
    get size() {
      return entries.size;
    },
  };
}
