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
        fields: ['Nummer', 'Tid', 'Sagsfremstilling'],
      },
      { number: 3, title: 'Aula', change: 'removed', fields: [] },
    ]);
  });
});
