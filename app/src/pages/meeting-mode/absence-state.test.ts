import { describe, expect, test } from 'vitest';
import type { Permissions } from '../../api/types.ts';
import { isApologiesTime, membersWithApologies, wholeMeetingAbsence } from './absence-state.ts';

const soeren = { name: 'Søren Dahl', role: 'Chef for Skoler & Uddannelser' };
const pia = { name: 'Pia Lund', role: 'Chef for Borgere & Arbejdsmarked' };
const anne = { name: 'Anne Kjær', role: 'Kommunaldirektør' };

describe('wholeMeetingAbsence', () => {
  const items = [{ absent: [soeren, pia] }, { absent: [soeren] }, { absent: [soeren] }];

  test('is the whole meeting when every item names the person', () => {
    expect(wholeMeetingAbsence(items, 'Søren Dahl')).toBe('whole-meeting');
  });

  test('is some items when only some do (an item added after the afbud, say)', () => {
    expect(wholeMeetingAbsence(items, 'Pia Lund')).toBe('some-items');
  });

  test('is present when no item names the person', () => {
    expect(wholeMeetingAbsence(items, 'Anne Kjær')).toBe('present');
  });

  test('is present in a meeting without items', () => {
    expect(wholeMeetingAbsence([], 'Søren Dahl')).toBe('present');
  });
});

describe('membersWithApologies', () => {
  test('lists those absent from the whole meeting, in the forum order', () => {
    const workspace = {
      forum: { members: [anne, soeren, pia] },
      items: [{ absent: [pia, soeren] }, { absent: [pia, soeren, anne] }],
    } as unknown as Parameters<typeof membersWithApologies>[0];
    expect(membersWithApologies(workspace)).toEqual([soeren, pia]);
  });
});

describe('isApologiesTime', () => {
  const allowed = { canRecordAttendance: true } as Permissions;
  const refused = { canRecordAttendance: false } as Permissions;

  test.each([
    ['draft', true],
    ['agenda_published', true],
    ['in_progress', false],
    ['held', false],
    ['minutes_published', false],
    ['minutes_approved', false],
  ] as const)('a meeting with status %s: %s', (status, expected) => {
    expect(isApologiesTime({ status, permissions: allowed })).toBe(expected);
  });

  test('never for those who may not record attendance', () => {
    expect(isApologiesTime({ status: 'agenda_published', permissions: refused })).toBe(false);
  });
});
