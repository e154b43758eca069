import { type AgendaItem, createEmptyItem, type Meeting } from './meeting.ts';

/**
 * Who is reading. Every read of meetings goes through this module, so that pages, API, search,
 * feeds, exports and documents agree on what a reader may see, and a closed item (lukket punkt)
 * cannot leak through a side door.
 */
export type ViewerRole = 'public' | 'reader' | 'member' | 'secretary' | 'administrator';

/** A reader of the archive. */
export interface Viewer {
  role: ViewerRole;
}

/** Anyone, not signed in. */
export const publicViewer: Viewer = { role: 'public' };

/** The secretariat, which writes and must see everything. */
export const secretaryViewer: Viewer = { role: 'secretary' };

/** Closed items are for the forum's members and the secretariat only. */
export function canSeeClosedItems(viewer: Viewer): boolean {
  switch (viewer.role) {
    case 'member':
    case 'secretary':
    case 'administrator':
      return true;
    case 'public':
    case 'reader':
      return false;
    default: {
      const unknownRole: never = viewer.role;
      return unknownRole;
    }
  }
}

/** The text shown instead of a closed item's title to readers without rights. */
export const closedItemTitle = 'Lukket punkt';

/**
 * The item as this viewer may see it: unchanged, or, for a closed item and a viewer without
 * rights, only its number and the words "Lukket punkt" — no title, journal number or text.
 */
export function visibleItem(item: AgendaItem, viewer: Viewer): AgendaItem {
  if (!item.closed || canSeeClosedItems(viewer)) return item;
  return {
    ...createEmptyItem(item.number, closedItemTitle),
    closed: true,
    durationMinutes: item.durationMinutes ?? null,
  };
}

/** The meeting as this viewer may see it. */
export function visibleMeeting(meeting: Meeting, viewer: Viewer): Meeting {
  return { ...meeting, items: meeting.items.map((item) => visibleItem(item, viewer)) };
}
