/**
 * Decisions typed but not yet confirmed saved, kept in localStorage (one key per item) the
 * moment they are typed, so that a reload, a crash or a lost network loses nothing.
 */

const keyPrefix = 'referat:beslutning:';

/** A decision waiting to be saved: its text and the item version it was typed on. */
export interface PendingDecision {
  itemId: number;
  decision: string;
  version: number;
  /** When it was typed (ms since epoch), to show how old a rescued text is. */
  typedAt: number;
}

/** The localStorage key of an item's pending decision. */
export function pendingDecisionKey(itemId: number): string {
  return `${keyPrefix}${itemId}`;
}

/** Stores the pending decision; false when the browser refuses (private mode, full). */
export function writePendingDecision(pending: PendingDecision): boolean {
  try {
    localStorage.setItem(pendingDecisionKey(pending.itemId), JSON.stringify(pending));
    return true;
  } catch {
    return false;
  }
}

/** The pending decision of an item, or null. */
export function readPendingDecision(itemId: number): PendingDecision | null {
  try {
    return parsePending(localStorage.getItem(pendingDecisionKey(itemId)));
  } catch {
    return null;
  }
}

/** Forgets an item's pending decision once the server has it. */
export function removePendingDecision(itemId: number): void {
  try {
    localStorage.removeItem(pendingDecisionKey(itemId));
  } catch {
    // Nothing to do: storage is unavailable, so nothing was kept either.
  }
}

/** Every pending decision in this browser. */
export function listPendingDecisions(): PendingDecision[] {
  const pending: PendingDecision[] = [];
  try {
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index);
      if (!key?.startsWith(keyPrefix)) continue;
      const value = parsePending(localStorage.getItem(key));
      if (value) pending.push(value);
    }
  } catch {
    return pending;
  }
  return pending;
}

function parsePending(text: string | null): PendingDecision | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<PendingDecision>;
    if (typeof value.itemId !== 'number' || typeof value.decision !== 'string') return null;
    return {
      itemId: value.itemId,
      decision: value.decision,
      version: typeof value.version === 'number' ? value.version : 0,
      typedAt: typeof value.typedAt === 'number' ? value.typedAt : 0,
    };
  } catch {
    return null;
  }
}
