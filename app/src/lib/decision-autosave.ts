import { ApiError } from '../api/client.ts';
import { itemConflictOf, patchItem } from '../api/items.ts';
import type { EditableItem } from '../api/types.ts';
import { formatClockTime } from './clock-time.ts';
import {
  listPendingDecisions,
  type PendingDecision,
  readPendingDecision,
  removePendingDecision,
  writePendingDecision,
} from './pending-decisions.ts';

/** Where one item's decision is on its way to the server. */
export type SaveState = 'pending' | 'saving' | 'saved' | 'retrying' | 'failed';

/** What the meeting-mode page shows: states, errors and texts that were replaced. */
export interface AutosaveSnapshot {
  states: ReadonlyMap<number, SaveState>;
  errors: ReadonlyMap<number, string>;
  /** A decision someone else had saved and that the text typed here replaced, per item. */
  replaced: ReadonlyMap<number, string>;
  /** When each item's decision was last saved here (ms since epoch), for "gemt kl. 14:32". */
  savedAt: ReadonlyMap<number, number>;
}

const debounceMilliseconds = 400;
const firstRetryMilliseconds = 2000;
const longestRetryMilliseconds = 30_000;
const mostConflictsInARow = 3;

/**
 * Saves decisions as they are typed. Every keystroke goes to localStorage at once and to
 * `PATCH /api/items/:id` after a 400 ms pause, with the item's latest version. Network and
 * server errors retry on a timer with back-off and when the browser comes back online; a
 * stale version (409) is answered by saving again on the stored version, keeping the text
 * that was replaced visible. Pending texts left by a reload are sent again by start().
 */
class DecisionAutosaver {
  #versions = new Map<number, number>();
  #savedTexts = new Map<number, string>();
  #pending = new Map<number, PendingDecision>();
  #states = new Map<number, SaveState>();
  #errors = new Map<number, string>();
  #replaced = new Map<number, string>();
  #savedAt = new Map<number, number>();
  #debounceTimers = new Map<number, ReturnType<typeof setTimeout>>();
  #inFlight = new Set<number>();
  #saveAgain = new Set<number>();
  #conflictsInARow = new Map<number, number>();
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #retryDelay = firstRetryMilliseconds;
  #listeners = new Set<() => void>();
  #snapshot: AutosaveSnapshot = {
    states: new Map(),
    errors: new Map(),
    replaced: new Map(),
    savedAt: new Map(),
  };
  #isStarted = false;

  /** Sends what a previous visit left unsaved, and retries when the network returns. */
  start(): void {
    if (this.#isStarted) return;
    this.#isStarted = true;
    window.addEventListener('online', () => this.retryAll(false));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#flushAll(true);
    });
    this.retryAll(true);
  }

  /** Learns an item's version and saved decision from a workspace or an answer. */
  track(item: Pick<EditableItem, 'id' | 'version' | 'decision'>): void {
    const known = this.#versions.get(item.id);
    if (known !== undefined && known > item.version) return;
    this.#versions.set(item.id, item.version);
    this.#savedTexts.set(item.id, item.decision ?? '');
  }

  /** The latest version known of an item, for other writes to the same item. */
  versionOf(itemId: number): number | undefined {
    return this.#versions.get(itemId);
  }

  /**
   * The text to show for an item: a pending, unsaved text first, then what this autosaver
   * saved when that is newer than the given item (a workspace loaded before the save).
   */
  textFor(item: Pick<EditableItem, 'id' | 'version' | 'decision'>): string {
    const pending = this.#pendingOf(item.id);
    if (pending) return pending.decision;
    const known = this.#versions.get(item.id);
    const saved = this.#savedTexts.get(item.id);
    if (known !== undefined && known > item.version && saved !== undefined) return saved;
    return item.decision ?? '';
  }

  /** Records a keystroke: stored locally now, saved after a short pause. */
  edit(itemId: number, decision: string): void {
    const version = this.#versions.get(itemId) ?? this.#pendingOf(itemId)?.version ?? 0;
    const pending = { itemId, decision, version, typedAt: Date.now() };
    this.#pending.set(itemId, pending);
    writePendingDecision(pending);
    this.#errors.delete(itemId);
    this.#conflictsInARow.delete(itemId);
    this.#setState(itemId, 'pending');
    const timer = this.#debounceTimers.get(itemId);
    if (timer) clearTimeout(timer);
    this.#debounceTimers.set(
      itemId,
      setTimeout(() => void this.flush(itemId), debounceMilliseconds),
    );
  }

  /** Hides the note about a replaced text once the user has seen it. */
  dismissReplaced(itemId: number): void {
    if (this.#replaced.delete(itemId)) this.#notify();
  }

  /** Sends every pending text now; `includeFailed` also retries those that failed for good. */
  retryAll(includeFailed: boolean): void {
    const itemIds = new Set([
      ...this.#pending.keys(),
      ...listPendingDecisions().map((pending) => pending.itemId),
    ]);
    for (const itemId of itemIds) {
      if (!includeFailed && this.#states.get(itemId) === 'failed') continue;
      void this.flush(itemId);
    }
  }

  /** Saves an item's pending text now (one request per item at a time). */
  async flush(itemId: number, keepalive = false): Promise<void> {
    const timer = this.#debounceTimers.get(itemId);
    if (timer) clearTimeout(timer);
    this.#debounceTimers.delete(itemId);
    if (this.#inFlight.has(itemId)) {
      this.#saveAgain.add(itemId);
      return;
    }
    const pending = this.#pendingOf(itemId);
    if (!pending) return;
    const version = this.#versions.get(itemId) ?? pending.version;
    this.#inFlight.add(itemId);
    this.#setState(itemId, 'saving');
    try {
      const item = await patchItem(itemId, version, { decision: pending.decision }, { keepalive });
      this.#onSaved(item, pending);
    } catch (error) {
      this.#onFailed(itemId, pending, error);
    } finally {
      this.#inFlight.delete(itemId);
      this.#notify();
      if (this.#saveAgain.delete(itemId)) void this.flush(itemId);
    }
  }

  /**
   * Saves the items' pending texts now and resolves when all are stored, or rejects with a
   * Danish message when one cannot be saved (before publishing the minutes).
   */
  async settle(itemIds: readonly number[]): Promise<void> {
    // Not awaited: a request that never answers must not keep the 15 s limit from starting.
    // flush() marks an item 'saving' at once, so check() below waits for it.
    for (const itemId of itemIds) void this.flush(itemId);
    await new Promise<void>((resolve, reject) => {
      const notSaved =
        'Nogle beslutninger er ikke gemt endnu. Prøv igen, når der står, at de er gemt.';
      const finish = (error: Error | null): void => {
        clearTimeout(timeout);
        unsubscribe();
        if (error) reject(error);
        else resolve();
      };
      const check = (): void => {
        const states = itemIds.map((itemId) => this.#states.get(itemId));
        if (states.some((state) => state === 'retrying' || state === 'failed'))
          finish(new Error(notSaved));
        else if (!states.some((state) => state === 'pending' || state === 'saving')) finish(null);
      };
      const timeout = setTimeout(() => finish(new Error(notSaved)), 15_000);
      const unsubscribe = this.subscribe(check);
      check();
    });
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** For useSyncExternalStore: a new object after every change. */
  getSnapshot = (): AutosaveSnapshot => this.#snapshot;

  #onSaved(item: EditableItem, sent: PendingDecision): void {
    this.#versions.set(item.id, item.version);
    this.#savedTexts.set(item.id, item.decision ?? '');
    this.#conflictsInARow.delete(item.id);
    this.#errors.delete(item.id);
    this.#retryDelay = firstRetryMilliseconds;
    const latest = this.#pendingOf(item.id);
    if (latest && latest.decision !== sent.decision) {
      // Typed on while the request was under way: the newer text goes next.
      this.#saveAgain.add(item.id);
      this.#states.set(item.id, 'pending');
      return;
    }
    this.#pending.delete(item.id);
    removePendingDecision(item.id);
    this.#states.set(item.id, 'saved');
    this.#savedAt.set(item.id, Date.now());
  }

  #onFailed(itemId: number, sent: PendingDecision, error: unknown): void {
    const apiError = error instanceof ApiError ? error : null;
    const conflict = apiError?.status === 409 ? itemConflictOf(apiError.body) : null;
    if (conflict) {
      const conflicts = (this.#conflictsInARow.get(itemId) ?? 0) + 1;
      this.#conflictsInARow.set(itemId, conflicts);
      if (conflicts > mostConflictsInARow) {
        this.#fail(itemId, conflict.error || 'Punktet ændres samtidig et andet sted.');
        return;
      }
      const stored = conflict.current.decision ?? '';
      const lastKnown = this.#savedTexts.get(itemId);
      // Someone else changed the decision itself: keep their text in view, ours wins.
      if (stored.trim() && stored !== sent.decision && stored !== lastKnown)
        this.#replaced.set(itemId, stored);
      this.#versions.set(itemId, conflict.current.version);
      this.#savedTexts.set(itemId, stored);
      this.#saveAgain.add(itemId);
      this.#states.set(itemId, 'pending');
      return;
    }
    if (!apiError || apiError.isTemporary) {
      this.#states.set(itemId, 'retrying');
      this.#scheduleRetry();
      return;
    }
    if (apiError.status === 404) {
      // The item is gone; nothing can be saved to it any more.
      this.#pending.delete(itemId);
      removePendingDecision(itemId);
    }
    this.#fail(itemId, apiError.message);
  }

  #fail(itemId: number, message: string): void {
    this.#states.set(itemId, 'failed');
    this.#errors.set(itemId, message);
  }

  #scheduleRetry(): void {
    if (this.#retryTimer) return;
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      this.#retryDelay = Math.min(this.#retryDelay * 2, longestRetryMilliseconds);
      this.retryAll(false);
    }, this.#retryDelay);
  }

  #flushAll(keepalive: boolean): void {
    for (const itemId of this.#debounceTimers.keys()) void this.flush(itemId, keepalive);
  }

  #pendingOf(itemId: number): PendingDecision | null {
    return this.#pending.get(itemId) ?? readPendingDecision(itemId);
  }

  #setState(itemId: number, state: SaveState): void {
    this.#states.set(itemId, state);
    this.#notify();
  }

  #notify(): void {
    this.#snapshot = {
      states: new Map(this.#states),
      errors: new Map(this.#errors),
      replaced: new Map(this.#replaced),
      savedAt: new Map(this.#savedAt),
    };
    for (const listener of this.#listeners) listener();
  }
}

/** The one autosaver of the app, started in main.tsx. */
export const decisionAutosaver = new DecisionAutosaver();

/** What the save status line says, and how it looks. */
export interface SaveStatus {
  kind: 'idle' | 'saving' | 'saved' | 'retrying' | 'failed' | 'locked';
  /** A complete Danish sentence. */
  text: string;
}

/** The sentence meeting mode shows when the approved minutes lock the decisions. */
export const lockedDecisionsText =
  'Referatet er godkendt og låst; beslutningerne kan ikke længere ændres.';

/**
 * The save status line of meeting mode, as one complete Danish sentence, from the most
 * pressing state of the items: locked minutes first, then a save that failed for good (with
 * the server's reason and the items it concerns), one that waits to be retried, one under way,
 * and last the time of the latest save.
 */
export function saveStatusOf(
  snapshot: AutosaveSnapshot,
  items: ReadonlyArray<Pick<EditableItem, 'id' | 'number'>>,
  options: { isLocked: boolean },
): SaveStatus {
  if (options.isLocked) return { kind: 'locked', text: lockedDecisionsText };
  const inState = (state: SaveState) =>
    items.filter((item) => snapshot.states.get(item.id) === state);
  const failed = inState('failed');
  if (failed.length > 0) {
    const subject = failed.length === 1 ? 'Beslutningen' : 'Beslutningerne';
    const reason = asSentence(
      failed.map((item) => snapshot.errors.get(item.id)).find(Boolean) ?? 'ukendt fejl',
    );
    return {
      kind: 'failed',
      text: `${subject} til ${itemNumbersText(failed)} kunne ikke gemmes: ${reason} Prøv igen.`,
    };
  }
  const retrying = inState('retrying');
  if (retrying.length > 0)
    return {
      kind: 'retrying',
      text: `${retrying.length === 1 ? 'Beslutningen' : 'Beslutningerne'} kunne ikke gemmes: serveren kan ikke nås lige nu. Teksten er gemt i browseren og sendes igen af sig selv.`,
    };
  const saving = [...inState('pending'), ...inState('saving')];
  if (saving.length > 0)
    return {
      kind: 'saving',
      text: saving.length === 1 ? 'Gemmer beslutningen …' : 'Gemmer beslutningerne …',
    };
  const saved = inState('saved');
  const latest = Math.max(...saved.map((item) => snapshot.savedAt.get(item.id) ?? 0));
  if (saved.length > 0 && latest > 0)
    return {
      kind: 'saved',
      text: `${saved.length === 1 ? 'Beslutningen er' : 'Beslutningerne er'} gemt kl. ${formatClockTime(new Date(latest))}.`,
    };
  return { kind: 'idle', text: 'Beslutningerne gemmes, mens du skriver.' };
}

/** "punkt 3", "punkt 2 og 5", "punkt 2, 4 og 5". */
function itemNumbersText(items: ReadonlyArray<Pick<EditableItem, 'number'>>): string {
  const numbers = items.map((item) => String(item.number));
  const last = numbers.pop();
  return numbers.length > 0 ? `punkt ${numbers.join(', ')} og ${last}` : `punkt ${last}`;
}

/** A server message as a sentence: ends with a full stop (or its own ! or ?). */
function asSentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}
