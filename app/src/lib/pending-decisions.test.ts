import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  listPendingDecisions,
  type PendingDecision,
  pendingDecisionKey,
  readPendingDecision,
  removePendingDecision,
  writePendingDecision,
} from './pending-decisions.ts';

/** A Map-backed stand-in for the browser's localStorage. */
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

/** Storage that refuses everything, as in some private modes. */
const refusingStorage = {
  get length(): number {
    throw new DOMException('denied', 'SecurityError');
  },
  key(): never {
    throw new DOMException('denied', 'SecurityError');
  },
  getItem(): never {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem(): never {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem(): never {
    throw new DOMException('denied', 'SecurityError');
  },
};

const pending = (itemId: number, decision: string, version = 1): PendingDecision => ({
  itemId,
  decision,
  version,
  typedAt: 1_700_000_000_000 + itemId,
});

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('pending decisions in localStorage', () => {
  test('keys each item separately under a common prefix', () => {
    expect(pendingDecisionKey(42)).toBe('referat:beslutning:42');
    expect(pendingDecisionKey(7)).not.toBe(pendingDecisionKey(70));
  });

  test('stores a decision as JSON under its key and reads it back', () => {
    expect(writePendingDecision(pending(42, 'Godkendt.', 3))).toBe(true);
    expect(JSON.parse(storage.getItem('referat:beslutning:42') ?? 'null')).toEqual(
      pending(42, 'Godkendt.', 3),
    );
    expect(readPendingDecision(42)).toEqual(pending(42, 'Godkendt.', 3));
  });

  test('replaces an earlier text of the same item', () => {
    writePendingDecision(pending(42, 'Godk'));
    writePendingDecision(pending(42, 'Godkendt.', 2));
    expect(readPendingDecision(42)).toEqual(pending(42, 'Godkendt.', 2));
    expect(storage.length).toBe(1);
  });

  test('keeps an empty decision (a text that was deleted must be saved too)', () => {
    writePendingDecision(pending(42, ''));
    expect(readPendingDecision(42)?.decision).toBe('');
  });

  test('gives null for an item without a pending decision', () => {
    writePendingDecision(pending(42, 'Godkendt.'));
    expect(readPendingDecision(43)).toBeNull();
  });

  test('removes only the given item', () => {
    writePendingDecision(pending(1, 'a'));
    writePendingDecision(pending(2, 'b'));
    removePendingDecision(1);
    expect(readPendingDecision(1)).toBeNull();
    expect(readPendingDecision(2)).toEqual(pending(2, 'b'));
  });

  test('lists the pending decisions and skips other keys', () => {
    storage.setItem('tema', 'mørkt');
    writePendingDecision(pending(1, 'a'));
    storage.setItem('referat:andet:2', JSON.stringify(pending(2, 'b')));
    writePendingDecision(pending(3, 'c'));
    expect(listPendingDecisions()).toEqual([pending(1, 'a'), pending(3, 'c')]);
  });

  test('skips entries that cannot be read', () => {
    storage.setItem(pendingDecisionKey(1), '{ikke json');
    storage.setItem(pendingDecisionKey(2), 'null');
    storage.setItem(pendingDecisionKey(3), JSON.stringify({ itemId: '3', decision: 'x' }));
    storage.setItem(pendingDecisionKey(4), JSON.stringify({ itemId: 4 }));
    storage.setItem(pendingDecisionKey(5), '');
    writePendingDecision(pending(6, 'ok'));
    for (const itemId of [1, 2, 3, 4, 5]) expect(readPendingDecision(itemId)).toBeNull();
    expect(listPendingDecisions()).toEqual([pending(6, 'ok')]);
  });

  test('fills in a missing version and time with 0', () => {
    storage.setItem(pendingDecisionKey(8), JSON.stringify({ itemId: 8, decision: 'Udsat.' }));
    expect(readPendingDecision(8)).toEqual({
      itemId: 8,
      decision: 'Udsat.',
      version: 0,
      typedAt: 0,
    });
  });

  test('survives a reload: another reader of the same storage finds the text', async () => {
    writePendingDecision(pending(42, 'Godkendt.', 3));
    vi.resetModules();
    const reloaded = await import('./pending-decisions.ts');
    expect(reloaded.readPendingDecision(42)).toEqual(pending(42, 'Godkendt.', 3));
    expect(reloaded.listPendingDecisions()).toEqual([pending(42, 'Godkendt.', 3)]);
  });
});

describe('when the browser refuses storage', () => {
  beforeEach(() => {
    vi.stubGlobal('localStorage', refusingStorage);
  });

  test('writing reports false instead of throwing', () => {
    expect(writePendingDecision(pending(1, 'a'))).toBe(false);
  });

  test('reading, listing and removing do not throw', () => {
    expect(readPendingDecision(1)).toBeNull();
    expect(listPendingDecisions()).toEqual([]);
    expect(() => removePendingDecision(1)).not.toThrow();
  });
});

describe('without localStorage at all', () => {
  test('nothing throws', () => {
    vi.stubGlobal('localStorage', undefined);
    expect(writePendingDecision(pending(1, 'a'))).toBe(false);
    expect(readPendingDecision(1)).toBeNull();
    expect(listPendingDecisions()).toEqual([]);
    expect(() => removePendingDecision(1)).not.toThrow();
  });
});
