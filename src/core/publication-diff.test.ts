import { describe, expect, it } from 'vitest';
import { createEmptyItem, type Meeting } from './meeting.ts';
import { diffPublications } from './publication-diff.ts';

const meeting = (items: Meeting['items']): Meeting => ({
  forum: 'Chefforum',
  kind: 'agenda',
  date: '2026-12-03',
  items,
});

describe('diffPublications', () => {
  it('has no changes for the first publication or an unchanged one', () => {
    const first = meeting([createEmptyItem(1, 'Godkendelse'), createEmptyItem(2, 'Evt.')]);
    expect(diffPublications(null, first)).toEqual([]);
    expect(diffPublications(first, structuredClone(first))).toEqual([]);
  });

  it('names added, removed and changed items with the Danish field names', () => {
    const budget = { ...createEmptyItem(2, 'Budget'), presentation: 'Tal' };
    const before = meeting([createEmptyItem(1, 'Godkendelse'), budget, createEmptyItem(3, 'Aula')]);
    const after = meeting([
      createEmptyItem(1, 'Godkendelse'),
      createEmptyItem(2, 'Sygefravær'),
      { ...budget, number: 3, presentation: 'Nye tal', durationMinutes: 30 },
    ]);
    expect(diffPublications(before, after)).toEqual([
      { number: 2, title: 'Sygefravær', change: 'added', fields: [] },
      {
        number: 3,
        title: 'Budget',
        change: 'changed',
        fields: ['Tid', 'Sagsfremstilling'],
      },
      { number: 3, title: 'Aula', change: 'removed', fields: [] },
    ]);
  });

  it('calls an item moved only when its order among the others changed', () => {
    const items = ['Godkendelse', 'Budget', 'Aula', 'Evt.'].map((title, index) =>
      createEmptyItem(index + 1, title),
    );
    const swapped = [items[0], items[2], items[1], items[3]].map((item, index) => ({
      ...(item as Meeting['items'][number]),
      number: index + 1,
    }));
    expect(diffPublications(meeting(items), meeting(swapped))).toEqual([
      { number: 3, title: 'Budget', change: 'changed', fields: ['Placering'] },
    ]);
  });
});
