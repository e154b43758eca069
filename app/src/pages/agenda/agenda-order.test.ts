import { describe, expect, test } from 'vitest';
import type { EditableItem } from '../../api/types.ts';
import { movableRange, moveItem } from './agenda-order.ts';

function item(id: number, number: number, isStandard = false): EditableItem {
  return {
    id,
    version: 1,
    number,
    title: `Punkt ${id}`,
    caseNumber: null,
    closed: false,
    durationMinutes: null,
    purpose: null,
    isStandard,
    background: null,
    presentation: null,
    recommendation: null,
    decision: null,
    absent: [],
    guests: [],
    communication: null,
    attachments: [],
  };
}

/** Approval (id 10), three movable items (ids 11, 12, 13) and "Evt." (id 14). */
function agenda(): EditableItem[] {
  return [item(10, 1, true), item(11, 2), item(12, 3), item(13, 4), item(14, 5, true)];
}

const ids = (items: readonly EditableItem[]): number[] => items.map((entry) => entry.id);

describe('movableRange', () => {
  test('lies between the leading and the trailing standard items', () => {
    expect(movableRange(agenda())).toEqual({ first: 1, last: 3 });
  });

  test('covers every position when there are no standard items', () => {
    expect(movableRange([item(1, 1), item(2, 2), item(3, 3)])).toEqual({ first: 0, last: 2 });
  });

  test('runs to the end when only the leading standard item exists', () => {
    expect(movableRange([item(1, 1, true), item(2, 2), item(3, 3)])).toEqual({
      first: 1,
      last: 2,
    });
  });

  test('is empty when only standard items exist', () => {
    const { first, last } = movableRange([item(1, 1, true), item(2, 2, true)]);
    expect(last).toBeLessThan(first);
  });
});

describe('moveItem', () => {
  test('moves an item down and renumbers every item 1…n', () => {
    const result = moveItem(agenda(), 11, 3);
    expect(result?.index).toBe(3);
    expect(ids(result?.items ?? [])).toEqual([10, 12, 13, 11, 14]);
    expect(result?.items.map((entry) => entry.number)).toEqual([1, 2, 3, 4, 5]);
  });

  test('moves an item up', () => {
    const result = moveItem(agenda(), 13, 1);
    expect(result?.index).toBe(1);
    expect(ids(result?.items ?? [])).toEqual([10, 13, 11, 12, 14]);
    expect(result?.items.find((entry) => entry.id === 13)?.number).toBe(2);
  });

  test('keeps the approval item first however far up an item is moved', () => {
    const result = moveItem(agenda(), 12, 0);
    expect(result?.index).toBe(1);
    expect(ids(result?.items ?? [])).toEqual([10, 12, 11, 13, 14]);
  });

  test('keeps "Evt." last however far down an item is moved', () => {
    const result = moveItem(agenda(), 11, 99);
    expect(result?.index).toBe(3);
    expect(ids(result?.items ?? [])).toEqual([10, 12, 13, 11, 14]);
  });

  test('refuses to move a standard item', () => {
    expect(moveItem(agenda(), 10, 2)).toBeNull();
    expect(moveItem(agenda(), 14, 1)).toBeNull();
  });

  test('gives null for an unknown item', () => {
    expect(moveItem(agenda(), 99, 2)).toBeNull();
  });

  test('gives null when the item already stands there, also after clamping', () => {
    expect(moveItem(agenda(), 12, 2)).toBeNull();
    expect(moveItem(agenda(), 11, 0)).toBeNull();
    expect(moveItem(agenda(), 13, 4)).toBeNull();
  });

  test('leaves the given items untouched', () => {
    const items = agenda();
    const before = structuredClone(items);
    moveItem(items, 11, 3);
    expect(items).toEqual(before);
  });

  test('copies the other fields of the moved item', () => {
    const items = agenda();
    const moving = items[1];
    if (!moving) throw new Error('agenda() has a second item');
    moving.title = 'Budget 2025';
    moving.durationMinutes = 20;
    const moved = moveItem(items, 11, 2)?.items[2];
    expect(moved).toMatchObject({ id: 11, title: 'Budget 2025', durationMinutes: 20, number: 3 });
  });
});
