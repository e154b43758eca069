import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { EditableItem } from '../api/types.ts';
import type * as AutosaveModule from './decision-autosave.ts';
import { type AutosaveSnapshot, type SaveState, saveStatusOf } from './decision-autosave.ts';
import { type PendingDecision, pendingDecisionKey } from './pending-decisions.ts';

/** A Map-backed stand-in for the browser's localStorage, shared by the "page loads". */
class MemoryStorage {
  readonly entries = new Map<string, string>();
  get length(): number {
    return this.entries.size;
  }
  key(index: number): string | null {
    return [...this.entries.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.entries.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.entries.set(key, String(value));
  }
  removeItem(key: string): void {
    this.entries.delete(key);
  }
  clear(): void {
    this.entries.clear();
  }
}

/** A canned answer: 'offline' makes fetch reject as when the network is gone. */
type Answer = 'offline' | { status: number; body: unknown };

interface SentSave {
  itemId: number;
  version: number;
  decision: string | null | undefined;
  keepalive: boolean;
}

/**
 * An in-memory `PATCH /api/items/:id`: checks the version as the server does (409 with the
 * stored item, 404 for an unknown item), unless an answer is queued in `answers`.
 */
class FakeServer {
  readonly items = new Map<number, EditableItem>();
  readonly saves: SentSave[] = [];
  readonly answers: Answer[] = [];
  #gate: Promise<void> | null = null;

  /** Holds every request until the returned function is called. */
  hold(): () => void {
    let release = (): void => {};
    this.#gate = new Promise<void>((resolve) => {
      release = () => {
        this.#gate = null;
        resolve();
      };
    });
    return release;
  }

  fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const match = /^\/api\/items\/(\d+)$/u.exec(String(input));
    if (!match || init.method !== 'PATCH')
      throw new Error(`Unexpected request: ${init.method} ${String(input)}`);
    const itemId = Number(match[1]);
    const body = JSON.parse(String(init.body)) as { version: number; decision?: string | null };
    this.saves.push({
      itemId,
      version: body.version,
      decision: body.decision,
      keepalive: init.keepalive === true,
    });
    if (this.#gate) await this.#gate;
    const answer = this.answers.shift();
    if (answer === 'offline') throw new TypeError('fetch failed');
    if (answer) return respond(answer.status, answer.body);
    const stored = this.items.get(itemId);
    if (!stored) return respond(404, { error: 'Punktet findes ikke.' });
    if (stored.version !== body.version)
      return respond(409, { error: 'Punktet er ændret.', yours: body, current: stored });
    const saved = { ...stored, version: stored.version + 1, decision: body.decision ?? null };
    this.items.set(itemId, saved);
    return respond(200, saved);
  };
}

function respond(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  return { status, ok: status >= 200 && status < 300, text: async () => text } as Response;
}

/** The status line for one item, numbered 2 as item() numbers them. */
function statusOf(snapshot: AutosaveSnapshot, itemId: number) {
  return saveStatusOf(snapshot, [{ id: itemId, number: 2 }], { isLocked: false });
}

function item(id: number, version: number, decision: string | null = null): EditableItem {
  return {
    id,
    version,
    number: 2,
    title: `Punkt ${id}`,
    caseNumber: null,
    closed: false,
    durationMinutes: null,
    purpose: null,
    isStandard: false,
    background: null,
    presentation: null,
    recommendation: null,
    decision,
    absent: [],
    guests: [],
    communication: null,
    attachments: [],
  };
}

/** One load of the app: a fresh autosaver module with its own window and document. */
interface Page {
  autosaver: typeof AutosaveModule.decisionAutosaver;
  window: EventTarget;
  document: EventTarget & { visibilityState: DocumentVisibilityState };
}

async function loadPage(): Promise<Page> {
  const page = {
    window: new EventTarget(),
    document: Object.assign(new EventTarget(), {
      visibilityState: 'visible' as DocumentVisibilityState,
    }),
  };
  vi.stubGlobal('window', page.window);
  vi.stubGlobal('document', page.document);
  vi.resetModules();
  const module: typeof AutosaveModule = await import('./decision-autosave.ts');
  return { ...page, autosaver: module.decisionAutosaver };
}

/** Lets every settled promise run (setImmediate is not faked). */
async function idle(): Promise<void> {
  for (let round = 0; round < 3; round++)
    await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Advances the fake clock and lets the requests it started finish. */
async function wait(milliseconds: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(milliseconds);
  await idle();
}

let storage: MemoryStorage;
let server: FakeServer;

function stored(itemId: number): PendingDecision | null {
  const text = storage.getItem(pendingDecisionKey(itemId));
  return text ? (JSON.parse(text) as PendingDecision) : null;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2024-05-01T10:00:00Z'));
  storage = new MemoryStorage();
  server = new FakeServer();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('saving as the user types', () => {
  test('stores each keystroke at once and saves after a 400 ms pause, with the version', async () => {
    server.items.set(7, item(7, 3));
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 3));

    autosaver.edit(7, 'Godk');
    expect(stored(7)).toEqual({
      itemId: 7,
      decision: 'Godk',
      version: 3,
      typedAt: Date.parse('2024-05-01T10:00:00Z'),
    });
    expect(autosaver.getSnapshot().states.get(7)).toBe('pending');
    await wait(300);
    autosaver.edit(7, 'Godkendt.');
    expect(stored(7)?.decision).toBe('Godkendt.');
    await wait(399);
    expect(server.saves).toEqual([]);

    await wait(1);
    expect(server.saves).toEqual([
      { itemId: 7, version: 3, decision: 'Godkendt.', keepalive: false },
    ]);
    expect(server.items.get(7)?.decision).toBe('Godkendt.');
    expect(stored(7)).toBeNull();
    expect(autosaver.getSnapshot().states.get(7)).toBe('saved');
    expect(autosaver.versionOf(7)).toBe(4);
    // 10:00:00.400 UTC is 12:00 in Copenhagen (summer time).
    expect(statusOf(autosaver.getSnapshot(), 7)).toEqual({
      kind: 'saved',
      text: 'Beslutningen er gemt kl. 12:00.',
    });
  });

  test('a pending decision survives a reload and is sent when the app starts', async () => {
    server.items.set(7, item(7, 3));
    const first = await loadPage();
    first.autosaver.track(item(7, 3));
    first.autosaver.edit(7, 'Sagen blev udsat.');
    // The tab is closed before the pause is over: nothing reached the server.
    expect(server.saves).toEqual([]);

    const second = await loadPage();
    expect(second.autosaver.textFor(item(7, 3, null))).toBe('Sagen blev udsat.');
    second.autosaver.start();
    await idle();

    expect(server.saves).toEqual([
      { itemId: 7, version: 3, decision: 'Sagen blev udsat.', keepalive: false },
    ]);
    expect(server.items.get(7)).toMatchObject({ version: 4, decision: 'Sagen blev udsat.' });
    expect(stored(7)).toBeNull();
    expect(second.autosaver.getSnapshot().states.get(7)).toBe('saved');
  });

  test('sends every pending decision left by a reload, not only the first', async () => {
    server.items.set(1, item(1, 1));
    server.items.set(2, item(2, 5));
    const first = await loadPage();
    first.autosaver.track(item(1, 1));
    first.autosaver.track(item(2, 5));
    first.autosaver.edit(1, 'Et');
    first.autosaver.edit(2, 'To');

    const second = await loadPage();
    second.autosaver.start();
    await idle();
    expect(server.saves.map((save) => [save.itemId, save.version, save.decision])).toEqual([
      [1, 1, 'Et'],
      [2, 5, 'To'],
    ]);
    expect(storage.length).toBe(0);
  });

  test('saves at once, with keepalive, when the page is hidden', async () => {
    server.items.set(7, item(7, 3));
    const page = await loadPage();
    page.autosaver.start();
    page.autosaver.track(item(7, 3));
    page.autosaver.edit(7, 'Godkendt.');

    page.document.visibilityState = 'hidden';
    page.document.dispatchEvent(new Event('visibilitychange'));
    await idle();
    expect(server.saves).toEqual([
      { itemId: 7, version: 3, decision: 'Godkendt.', keepalive: true },
    ]);
    expect(stored(7)).toBeNull();
    await wait(1000);
    expect(server.saves).toHaveLength(1);
  });
});

describe('when a save fails', () => {
  test('keeps the text and sends it again after 2 s when the network was gone', async () => {
    server.items.set(7, item(7, 3));
    server.answers.push('offline');
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 3));
    autosaver.edit(7, 'Godkendt.');

    await wait(400);
    expect(server.saves).toHaveLength(1);
    expect(autosaver.getSnapshot().states.get(7)).toBe('retrying');
    expect(statusOf(autosaver.getSnapshot(), 7)).toEqual({
      kind: 'retrying',
      text: 'Beslutningen kunne ikke gemmes: serveren kan ikke nås lige nu. Teksten er gemt i browseren og sendes igen af sig selv.',
    });
    expect(stored(7)?.decision).toBe('Godkendt.');
    expect(autosaver.textFor(item(7, 3))).toBe('Godkendt.');

    await wait(1999);
    expect(server.saves).toHaveLength(1);
    await wait(1);
    expect(server.saves).toHaveLength(2);
    expect(server.saves[1]).toMatchObject({ version: 3, decision: 'Godkendt.' });
    expect(server.items.get(7)?.decision).toBe('Godkendt.');
    expect(stored(7)).toBeNull();
    expect(autosaver.getSnapshot().states.get(7)).toBe('saved');
  });

  test('backs off on server errors: 2 s, then 4 s', async () => {
    server.items.set(7, item(7, 3));
    server.answers.push({ status: 500, body: null }, { status: 503, body: null });
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 3));
    autosaver.edit(7, 'Godkendt.');

    await wait(400);
    await wait(2000);
    expect(server.saves).toHaveLength(2);
    expect(stored(7)?.decision).toBe('Godkendt.');
    await wait(3999);
    expect(server.saves).toHaveLength(2);
    await wait(1);
    expect(server.saves).toHaveLength(3);
    expect(stored(7)).toBeNull();
    expect(autosaver.getSnapshot().states.get(7)).toBe('saved');
  });

  test('sends the text at once when the browser comes back online', async () => {
    server.items.set(7, item(7, 3));
    server.answers.push('offline');
    const page = await loadPage();
    page.autosaver.start();
    page.autosaver.track(item(7, 3));
    page.autosaver.edit(7, 'Godkendt.');
    await wait(400);
    expect(page.autosaver.getSnapshot().states.get(7)).toBe('retrying');

    page.window.dispatchEvent(new Event('online'));
    await idle();
    expect(server.saves).toHaveLength(2);
    expect(stored(7)).toBeNull();
    expect(page.autosaver.getSnapshot().states.get(7)).toBe('saved');
  });

  test('a text whose save failed survives a reload and is sent again', async () => {
    server.items.set(7, item(7, 3));
    server.answers.push('offline');
    const first = await loadPage();
    first.autosaver.track(item(7, 3));
    first.autosaver.edit(7, 'Godkendt.');
    await wait(400);
    expect(first.autosaver.getSnapshot().states.get(7)).toBe('retrying');
    vi.clearAllTimers(); // the old page and its retry timer are gone

    const second = await loadPage();
    second.autosaver.start();
    await idle();
    expect(server.saves).toHaveLength(2);
    expect(server.saves[1]).toMatchObject({ version: 3, decision: 'Godkendt.' });
    expect(stored(7)).toBeNull();
  });

  test('a refused save (400) is kept and not retried until asked', async () => {
    server.items.set(7, item(7, 3));
    server.answers.push({ status: 400, body: { error: 'Beslutningen er for lang.' } });
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 3));
    autosaver.edit(7, 'Godkendt.');
    await wait(400);

    const snapshot = autosaver.getSnapshot();
    expect(snapshot.states.get(7)).toBe('failed');
    expect(snapshot.errors.get(7)).toBe('Beslutningen er for lang.');
    expect(statusOf(snapshot, 7)).toEqual({
      kind: 'failed',
      text: 'Beslutningen til punkt 2 kunne ikke gemmes: Beslutningen er for lang. Prøv igen.',
    });
    expect(stored(7)?.decision).toBe('Godkendt.');

    await wait(60_000);
    autosaver.retryAll(false);
    await idle();
    expect(server.saves).toHaveLength(1);

    autosaver.retryAll(true);
    await idle();
    expect(server.saves).toHaveLength(2);
    expect(autosaver.getSnapshot().states.get(7)).toBe('saved');
    expect(autosaver.getSnapshot().errors.has(7)).toBe(false);
    expect(stored(7)).toBeNull();
  });

  test('forgets the text when the item no longer exists (404)', async () => {
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 3));
    autosaver.edit(7, 'Godkendt.');
    await wait(400);

    expect(server.saves).toHaveLength(1);
    expect(autosaver.getSnapshot().states.get(7)).toBe('failed');
    expect(autosaver.getSnapshot().errors.get(7)).toBe('Punktet findes ikke.');
    expect(stored(7)).toBeNull();
  });

  test('typing again clears the error', async () => {
    server.items.set(7, item(7, 3));
    server.answers.push({ status: 400, body: { error: 'Ugyldig.' } });
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 3));
    autosaver.edit(7, 'Godkendt');
    await wait(400);
    expect(autosaver.getSnapshot().errors.get(7)).toBe('Ugyldig.');

    autosaver.edit(7, 'Godkendt.');
    expect(autosaver.getSnapshot().errors.has(7)).toBe(false);
    await wait(400);
    expect(server.items.get(7)?.decision).toBe('Godkendt.');
  });
});

describe('when someone else saved first (409)', () => {
  test('saves again on the stored version and keeps the replaced text in view', async () => {
    server.items.set(7, item(7, 5, 'Drøftet.'));
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 3, null));
    autosaver.edit(7, 'Godkendt.');
    await wait(400);

    expect(server.saves.map((save) => save.version)).toEqual([3, 5]);
    expect(server.items.get(7)).toMatchObject({ version: 6, decision: 'Godkendt.' });
    expect(autosaver.getSnapshot().states.get(7)).toBe('saved');
    expect(autosaver.getSnapshot().replaced.get(7)).toBe('Drøftet.');
    expect(stored(7)).toBeNull();

    autosaver.dismissReplaced(7);
    expect(autosaver.getSnapshot().replaced.has(7)).toBe(false);
  });

  test('does not report a replaced text when only another field changed', async () => {
    server.items.set(7, item(7, 5, 'Drøftet.'));
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 4, 'Drøftet.'));
    autosaver.edit(7, 'Drøftet og godkendt.');
    await wait(400);

    expect(server.saves.map((save) => save.version)).toEqual([4, 5]);
    expect(autosaver.getSnapshot().replaced.has(7)).toBe(false);
    expect(server.items.get(7)?.decision).toBe('Drøftet og godkendt.');
  });

  test('gives up after more than three conflicts in a row, keeping the text', async () => {
    server.items.set(7, item(7, 3));
    const conflict = (version: number): Answer => ({
      status: 409,
      body: { error: 'Punktet ændres samtidig.', current: item(7, version, null) },
    });
    server.answers.push(conflict(4), conflict(5), conflict(6), conflict(7));
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 3));
    autosaver.edit(7, 'Godkendt.');
    await wait(400);

    expect(server.saves.map((save) => save.version)).toEqual([3, 4, 5, 6]);
    expect(autosaver.getSnapshot().states.get(7)).toBe('failed');
    expect(autosaver.getSnapshot().errors.get(7)).toBe('Punktet ændres samtidig.');
    expect(stored(7)?.decision).toBe('Godkendt.');
  });
});

describe('typing while a save is under way', () => {
  test('sends the newer text after the first save and keeps it stored until then', async () => {
    server.items.set(7, item(7, 3));
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 3));
    const release = server.hold();
    autosaver.edit(7, 'Godk');
    await wait(400);
    expect(server.saves).toHaveLength(1);
    expect(autosaver.getSnapshot().states.get(7)).toBe('saving');

    autosaver.edit(7, 'Godkendt.');
    await wait(400);
    expect(server.saves).toHaveLength(1); // one request per item at a time
    expect(stored(7)?.decision).toBe('Godkendt.');

    release();
    await idle();
    expect(server.saves.map((save) => [save.version, save.decision])).toEqual([
      [3, 'Godk'],
      [4, 'Godkendt.'],
    ]);
    expect(server.items.get(7)).toMatchObject({ version: 5, decision: 'Godkendt.' });
    expect(stored(7)).toBeNull();
    expect(autosaver.getSnapshot().states.get(7)).toBe('saved');
  });
});

describe('texts and versions', () => {
  test('track keeps the newest version it has seen', async () => {
    const { autosaver } = await loadPage();
    autosaver.track(item(7, 5, 'Ny'));
    autosaver.track(item(7, 3, 'Gammel'));
    expect(autosaver.versionOf(7)).toBe(5);
    expect(autosaver.textFor(item(7, 3, 'Gammel'))).toBe('Ny');
    expect(autosaver.versionOf(8)).toBeUndefined();
  });

  test('textFor prefers a pending text, then a newer saved text, then the item', async () => {
    server.items.set(7, item(7, 3, 'Gammel'));
    const { autosaver } = await loadPage();
    expect(autosaver.textFor(item(7, 3, 'Gammel'))).toBe('Gammel');
    expect(autosaver.textFor(item(7, 3, null))).toBe('');

    autosaver.track(item(7, 3, 'Gammel'));
    autosaver.edit(7, 'Ny');
    expect(autosaver.textFor(item(7, 3, 'Gammel'))).toBe('Ny');

    await wait(400);
    // A workspace loaded before the save still says version 3.
    expect(autosaver.textFor(item(7, 3, 'Gammel'))).toBe('Ny');
    expect(autosaver.textFor(item(7, 9, 'Endnu nyere'))).toBe('Endnu nyere');
  });

  test('notifies subscribers with a new snapshot after each change', async () => {
    server.items.set(7, item(7, 3));
    const { autosaver } = await loadPage();
    const seen: string[] = [];
    const unsubscribe = autosaver.subscribe(() => {
      seen.push(autosaver.getSnapshot().states.get(7) ?? '');
    });
    const before = autosaver.getSnapshot();
    autosaver.track(item(7, 3));
    autosaver.edit(7, 'Godkendt.');
    expect(autosaver.getSnapshot()).not.toBe(before);
    await wait(400);
    expect(seen).toEqual(['pending', 'saving', 'saved']);

    unsubscribe();
    autosaver.edit(7, 'Igen');
    expect(seen).toHaveLength(3);
  });
});

describe('settle, before publishing the minutes', () => {
  test('saves the pending texts now and resolves once they are stored', async () => {
    server.items.set(1, item(1, 1));
    server.items.set(2, item(2, 1));
    const { autosaver } = await loadPage();
    autosaver.track(item(1, 1));
    autosaver.track(item(2, 1));
    autosaver.edit(1, 'Et');
    autosaver.edit(2, 'To');

    await expect(autosaver.settle([1, 2, 3])).resolves.toBeUndefined();
    expect(server.items.get(1)?.decision).toBe('Et');
    expect(server.items.get(2)?.decision).toBe('To');
    expect(storage.length).toBe(0);
  });

  test('rejects with a Danish message when a text cannot be saved', async () => {
    server.items.set(1, item(1, 1));
    server.answers.push('offline');
    const { autosaver } = await loadPage();
    autosaver.track(item(1, 1));
    autosaver.edit(1, 'Et');

    await expect(autosaver.settle([1])).rejects.toThrow(
      'Nogle beslutninger er ikke gemt endnu. Prøv igen, når der står, at de er gemt.',
    );
    expect(stored(1)?.decision).toBe('Et');
  });

  test('waits for a save already under way', async () => {
    server.items.set(1, item(1, 1));
    const { autosaver } = await loadPage();
    autosaver.track(item(1, 1));
    const release = server.hold();
    autosaver.edit(1, 'Et');
    await wait(400);

    let settled = false;
    const settling = autosaver.settle([1]).then(() => {
      settled = true;
    });
    await idle();
    expect(settled).toBe(false);
    release();
    await settling;
    expect(server.items.get(1)?.decision).toBe('Et');
  });

  test('gives up after 15 s, also when a request never answers', async () => {
    server.items.set(1, item(1, 1));
    const { autosaver } = await loadPage();
    autosaver.track(item(1, 1));
    server.hold(); // the network stalls: the request is neither answered nor refused
    autosaver.edit(1, 'Et');

    let outcome = 'waiting';
    autosaver.settle([1]).then(
      () => {
        outcome = 'resolved';
      },
      (error: Error) => {
        outcome = error.message;
      },
    );
    await wait(14_999);
    expect(outcome).toBe('waiting');
    await wait(1);
    expect(outcome).toBe(
      'Nogle beslutninger er ikke gemt endnu. Prøv igen, når der står, at de er gemt.',
    );
    expect(stored(1)?.decision).toBe('Et');
  });
});

describe('saveStatusOf', () => {
  const at = (time: string): number => Date.parse(time);
  const snapshot = (
    states: [number, SaveState][],
    fields: Partial<Omit<AutosaveSnapshot, 'states'>> = {},
  ): AutosaveSnapshot => ({
    states: new Map(states),
    errors: new Map(),
    replaced: new Map(),
    savedAt: new Map(),
    ...fields,
  });
  const items = [
    { id: 1, number: 2 },
    { id: 2, number: 3 },
    { id: 3, number: 5 },
  ];
  const text = (value: AutosaveSnapshot, isLocked = false) =>
    saveStatusOf(value, items, { isLocked }).text;

  test('says how it works before anything was typed', () => {
    expect(saveStatusOf(snapshot([]), items, { isLocked: false })).toEqual({
      kind: 'idle',
      text: 'Beslutningerne gemmes, mens du skriver.',
    });
  });

  test('gives the time of the latest save in Copenhagen, as a sentence', () => {
    const one = snapshot([[1, 'saved']], { savedAt: new Map([[1, at('2026-11-23T13:32:10Z')]]) });
    expect(text(one)).toBe('Beslutningen er gemt kl. 14:32.');
    const two = snapshot(
      [
        [1, 'saved'],
        [2, 'saved'],
      ],
      {
        savedAt: new Map([
          [1, at('2026-11-23T13:32:10Z')],
          [2, at('2026-11-23T13:47:59Z')],
        ]),
      },
    );
    expect(text(two)).toBe('Beslutningerne er gemt kl. 14:47.');
  });

  test('says it is saving while a text waits or is on its way', () => {
    expect(text(snapshot([[1, 'pending']]))).toBe('Gemmer beslutningen …');
    expect(
      saveStatusOf(
        snapshot([
          [1, 'saved'],
          [2, 'saving'],
          [3, 'pending'],
        ]),
        items,
        { isLocked: false },
      ),
    ).toEqual({ kind: 'saving', text: 'Gemmer beslutningerne …' });
  });

  test('names the items and the reason when a save failed for good', () => {
    const failed = snapshot(
      [
        [1, 'failed'],
        [2, 'saving'],
        [3, 'failed'],
      ],
      { errors: new Map([[1, 'Punktet findes ikke']]) },
    );
    expect(saveStatusOf(failed, items, { isLocked: false })).toEqual({
      kind: 'failed',
      text: 'Beslutningerne til punkt 2 og 5 kunne ikke gemmes: Punktet findes ikke. Prøv igen.',
    });
  });

  test('says the text is kept and sent again when the server cannot be reached', () => {
    expect(
      text(
        snapshot([
          [1, 'retrying'],
          [2, 'retrying'],
          [3, 'saved'],
        ]),
      ),
    ).toBe(
      'Beslutningerne kunne ikke gemmes: serveren kan ikke nås lige nu. Teksten er gemt i browseren og sendes igen af sig selv.',
    );
  });

  test('says the decisions are locked once the minutes are approved, whatever the states', () => {
    expect(saveStatusOf(snapshot([[1, 'failed']]), items, { isLocked: true })).toEqual({
      kind: 'locked',
      text: 'Referatet er godkendt og låst; beslutningerne kan ikke længere ændres.',
    });
  });

  test('looks only at the given items', () => {
    const value = snapshot(
      [
        [1, 'failed'],
        [2, 'saved'],
      ],
      { savedAt: new Map([[2, at('2026-11-23T08:05:00Z')]]) },
    );
    expect(saveStatusOf(value, [{ id: 2, number: 3 }], { isLocked: false }).text).toBe(
      'Beslutningen er gemt kl. 09:05.',
    );
  });
});
