import type { Actor } from '../core/actor.ts';
import { parseCaseNumber } from '../core/case-number.ts';
import type { MeetingStatus } from '../core/meeting-lifecycle.ts';
import { meetingAccess } from '../core/policies/meeting-access.ts';
import { visibleCaseEntry } from '../core/policies/read-model.ts';
import type { SearchFilters, SearchHit } from '../search/search-provider.ts';
import { findCaseTimeline } from '../store/meeting-reader.ts';
import type { Archive } from './archive-types.ts';
import { loadReadScope } from './read-access.ts';

/** A search as a reader asks it: the text, the reader's own filters and how many hits. */
export interface ArchiveSearch {
  text: string;
  filters?: Omit<SearchFilters, 'scope'>;
  limit?: number;
}

/**
 * Searches the archive as this actor: only meetings and items the read model lets them see
 * (published meetings of public forums and open items for the public; the forum's closed items
 * for its members; everything for its secretaries). Throws SearchQueryError for a query the
 * reader must fix.
 */
export async function searchArchive(
  archive: Archive,
  actor: Actor,
  search: ArchiveSearch,
): Promise<SearchHit[]> {
  const db = archive.database.db;
  const scope = await loadReadScope(db, actor);
  return archive.search.search(db, {
    text: search.text,
    limit: search.limit,
    filters: { ...search.filters, scope },
  });
}

/** One item of a case's timeline, as a reader sees it. */
export interface CaseTimelineView {
  meetingId: number;
  forum: string;
  date: string;
  /** The meeting's state, which the app shows by its Danish label. */
  status: MeetingStatus;
  /** The item's id, for the link to it (`/moeder/:meetingId/punkter/:itemId`). */
  itemId: number;
  itemNumber: number;
  /**
   * The item's title. The last entry's is the case's title as this reader may see it: a
   * closed item the reader may not see is left out, so its title never names the case.
   */
  title: string;
  decision: string | null;
  /** A closed item (only ever shown to readers with rights to it). */
  closed: boolean;
}

/**
 * A journal number's timeline across meetings, oldest first, as this actor may see it:
 * meetings they may not see are left out, and so are closed items they may not read (a closed
 * item must not even reveal its journal number).
 */
export async function getCaseTimeline(
  archive: Archive,
  actor: Actor,
  caseNumber: string,
): Promise<CaseTimelineView[]> {
  // Journal numbers are stored as parseCaseNumber writes them ("…-K23-…", not "…-k23-…").
  const parsed = parseCaseNumber(caseNumber.trim().toUpperCase());
  const wanted = parsed.ok ? parsed.caseNumber.text : caseNumber.trim();
  const entries = await findCaseTimeline(archive.database.db, wanted);
  const visible: CaseTimelineView[] = [];
  for (const entry of entries) {
    const access = meetingAccess(actor, entry);
    const shown = visibleCaseEntry({ ...entry, access });
    if (!shown) continue;
    visible.push({
      meetingId: shown.meetingId,
      forum: shown.forum,
      date: shown.date,
      status: shown.status,
      itemId: shown.itemId,
      itemNumber: shown.number,
      title: shown.title,
      decision: shown.decision,
      closed: shown.closed,
    });
  }
  return visible;
}
