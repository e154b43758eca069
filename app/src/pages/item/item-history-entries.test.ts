import { describe, expect, it } from 'vitest';
import type { RevisionEntry } from '../../api/types.ts';
import { itemHistoryEntries } from './item-history-entries.ts';

let nextId = 100;
function revision(fields: Partial<RevisionEntry>): RevisionEntry {
  nextId -= 1;
  return {
    id: nextId,
    entityType: 'item',
    entityId: 7,
    action: 'update',
    author: 'Anna Sekretær',
    reason: null,
    createdAt: '2019-03-12T13:02:00.000Z',
    ...fields,
  };
}

describe('itemHistoryEntries', () => {
  it('names who changed which fields and when, newest first, in Danish', () => {
    const entries = itemHistoryEntries(
      [
        revision({
          createdAt: '2019-03-12T13:02:00.000Z',
          itemChanges: [{ itemId: 7, fields: ['attachments', 'decision'] }],
        }),
        revision({
          author: 'Bo Chef',
          createdAt: '2019-03-01T08:15:00.000Z',
          itemChanges: [{ itemId: 7, fields: ['title', 'background'] }],
        }),
        revision({
          action: 'create',
          createdAt: '2019-02-20T10:00:00.000Z',
          itemChanges: [{ itemId: 7, fields: [] }],
        }),
      ],
      7,
    );
    expect(entries.map((entry) => `${entry.time} · ${entry.author} · ${entry.summary}`)).toEqual([
      '12. marts 2019 kl. 14:02 · Anna Sekretær · ændrede Beslutning, Bilag',
      '1. marts 2019 kl. 09:15 · Bo Chef · ændrede Titel, Anledning',
      '20. februar 2019 kl. 11:00 · Anna Sekretær · oprettede punktet',
    ]);
    expect(entries[0]?.createdAt).toBe('2019-03-12T13:02:00.000Z');
  });

  it('keeps only this item: its own saves and the meeting steps that changed it', () => {
    const entries = itemHistoryEntries(
      [
        revision({ entityId: 8, itemChanges: [{ itemId: 8, fields: ['decision'] }] }),
        revision({
          entityType: 'meeting',
          entityId: 1,
          action: 'add_absence',
          createdAt: '2019-03-12T12:00:00.000Z',
          itemChanges: [
            { itemId: 7, fields: ['absent'] },
            { itemId: 8, fields: ['absent'] },
          ],
        }),
        revision({ entityType: 'meeting', entityId: 1, action: 'publish_agenda', itemChanges: [] }),
      ],
      7,
    );
    expect(entries.map((entry) => entry.summary)).toEqual(['ændrede Fraværende']);
  });

  it('shows a correction with its reason, on a line of its own', () => {
    const entries = itemHistoryEntries(
      [
        revision({
          action: 'correction',
          reason: '  Forkert dato i beslutningen. ',
          createdAt: '2019-04-02T09:00:00.000Z',
          itemChanges: [{ itemId: 7, fields: ['decision'] }],
        }),
        revision({
          createdAt: '2019-04-02T08:58:00.000Z',
          itemChanges: [{ itemId: 7, fields: ['decision'] }],
        }),
      ],
      7,
    );
    expect(entries).toMatchObject([
      { summary: 'rettede Beslutning', reason: 'Forkert dato i beslutningen.' },
      { summary: 'ændrede Beslutning', reason: null },
    ]);
  });

  it("makes one line of one person's saves that follow each other within 15 minutes", () => {
    const entries = itemHistoryEntries(
      [
        revision({
          createdAt: '2019-03-12T13:20:00.000Z',
          itemChanges: [{ itemId: 7, fields: ['decision'] }],
        }),
        revision({
          createdAt: '2019-03-12T13:08:00.000Z',
          itemChanges: [{ itemId: 7, fields: ['absent'] }],
        }),
        revision({
          createdAt: '2019-03-12T13:02:00.000Z',
          itemChanges: [{ itemId: 7, fields: ['decision'] }],
        }),
        // 20 minutes before the previous save: a new sitting.
        revision({
          createdAt: '2019-03-12T12:42:00.000Z',
          itemChanges: [{ itemId: 7, fields: ['decision'] }],
        }),
        // Someone else in between is a line of its own.
        revision({
          author: 'Bo Chef',
          createdAt: '2019-03-12T12:41:00.000Z',
          itemChanges: [{ itemId: 7, fields: ['title'] }],
        }),
      ],
      7,
    );
    expect(entries.map((entry) => [entry.time, entry.author, entry.summary])).toEqual([
      ['12. marts 2019 kl. 14:20', 'Anna Sekretær', 'ændrede Beslutning, Fraværende'],
      ['12. marts 2019 kl. 13:42', 'Anna Sekretær', 'ændrede Beslutning'],
      ['12. marts 2019 kl. 13:41', 'Bo Chef', 'ændrede Titel'],
    ]);
  });

  it('says a save changed nothing, and gives an unknown author a name', () => {
    const entries = itemHistoryEntries(
      [revision({ author: null, itemChanges: [{ itemId: 7, fields: [] }] })],
      7,
    );
    expect(entries).toMatchObject([{ author: 'Ukendt', summary: 'gemte punktet uden ændringer' }]);
  });

  it('without the fields from the server, lists the item’s own revisions as changes', () => {
    const entries = itemHistoryEntries(
      [
        revision({ entityId: 8 }),
        revision({ entityType: 'meeting', entityId: 7, action: 'reorder' }),
        revision({ action: 'correction', reason: 'Stavefejl' }),
        revision({ createdAt: '2019-03-10T10:00:00.000Z' }),
        revision({ createdAt: '2019-03-01T10:00:00.000Z', action: 'create' }),
      ],
      7,
    );
    expect(entries.map((entry) => [entry.summary, entry.reason])).toEqual([
      ['rettede punktet', 'Stavefejl'],
      ['ændrede punktet', null],
      ['oprettede punktet', null],
    ]);
  });
});
