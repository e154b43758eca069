/**
 * What a forum's way of working adds to a meeting beyond the interchange format (which is a
 * fixed contract): each item's purpose, its guests, what the chiefs carry back to the
 * departments, and the corrections made after the minutes were approved. The store keeps them,
 * the renderers print them, and a publication keeps the ones it was sent with.
 */

/** A guest or presenter (oplægsholder) at one item: "Jens Hansen", "oplægsholder". */
export interface ItemGuest {
  name: string;
  role: string | null;
}

/** A correction of approved minutes: when, and the required reason. */
export interface CorrectionNote {
  /** ISO date of the correction, "2019-03-12". */
  date: string;
  reason: string;
}

/** The annotations of one item, found by its number. */
export interface ItemAnnotations {
  /** The purpose as the forum names it: "Beslutning", "Afdække". */
  purpose?: string | null;
  guests?: ItemGuest[];
  /** "Kommunikeres ud": the short message the chiefs carry back to their departments. */
  communication?: string | null;
  corrections?: CorrectionNote[];
}

/** The annotations of a whole meeting. */
export interface MeetingAnnotations {
  /** Keyed by item number. */
  items: Record<number, ItemAnnotations>;
  /**
   * The item that gathers the communication messages ("Hvad skal kommunikeres ud til
   * afdelingerne?"), by number; null when the meeting has none.
   */
  communicationItemNumber: number | null;
  /** For a version made by a correction: the number of the item it corrected. */
  correctedItemNumber?: number;
}

/** No annotations: what an imported document or a bare interchange file has. */
export const noAnnotations: MeetingAnnotations = { items: {}, communicationItemNumber: null };

/** Whether a title is the item that gathers what must be communicated to the departments. */
export function isCommunicationItemTitle(title: string): boolean {
  return /kommuniker\w*\s+ud|til\s+afdelingerne/iu.test(title);
}

/** The communication messages in item order, "Punkt 3: message", for the gathering item. */
export function gatheredCommunications(
  annotations: MeetingAnnotations,
  items: ReadonlyArray<{ number: number; title: string }>,
): Array<{ number: number; title: string; message: string }> {
  const gathered: Array<{ number: number; title: string; message: string }> = [];
  for (const item of items) {
    const message = annotations.items[item.number]?.communication?.trim();
    if (message) gathered.push({ number: item.number, title: item.title, message });
  }
  return gathered;
}
