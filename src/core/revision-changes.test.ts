import { describe, expect, it } from 'vitest';
import { itemChangesOfRevisions, type StoredRevision } from './revision-changes.ts';

const rikke = { name: 'Rikke Blom', role: 'Direktør BSV' };
const jesper = { name: 'Jesper Nielsen', role: 'Kommunaldirektør' };

/** An item as item-service records it in `data.before`: the editable item. */
function itemBefore(id: number, fields: Record<string, unknown> = {}) {
  return {
    id,
    version: 3,
    number: 2,
    title: 'Budget',
    caseNumber: null,
    closed: false,
    durationMinutes: null,
    purpose: null,
    isStandard: false,
    background: 'Anledning',
    presentation: null,
    recommendation: { proposer: 'Kommunaldirektøren', points: ['at budgettet godkendes'] },
    decision: null,
    absent: [],
    attachments: [],
    ...fields,
  };
}

function save(itemId: number, before: object, changes: object, action = 'update'): StoredRevision {
  return { entityType: 'item', entityId: itemId, action, data: { before, changes } };
}

describe('itemChangesOfRevisions: saves and corrections', () => {
  it('names the sent fields that differ from the item before, not those sent unchanged', () => {
    const revision = save(7, itemBefore(7), {
      title: 'Budget',
      background: 'Ny anledning',
      decision: 'Godkendt.',
      recommendation: { points: ['at budgettet godkendes'], proposer: 'Kommunaldirektøren' },
    });
    expect(itemChangesOfRevisions([revision], [])).toEqual([
      [{ itemId: 7, fields: ['background', 'decision'] }],
    ]);
  });

  it('reads the data as the store keeps it, as JSON text, and names corrections the same way', () => {
    const revision: StoredRevision = {
      ...save(7, itemBefore(7, { decision: 'Godkendt.' }), { decision: 'Godkendt med rettelse.' }),
      action: 'correction',
    };
    revision.data = JSON.stringify(revision.data);
    expect(itemChangesOfRevisions([revision], [])).toEqual([[{ itemId: 7, fields: ['decision'] }]]);
  });

  it('treats a missing value and null as the same, so an empty save names nothing', () => {
    const before = itemBefore(7);
    const { durationMinutes: _removed, ...withoutDuration } = before;
    const revision = save(7, withoutDuration, { durationMinutes: null, caseNumber: null });
    expect(itemChangesOfRevisions([revision], [])).toEqual([[{ itemId: 7, fields: [] }]]);
  });

  it('names a created item without fields, and nothing for steps that change no item', () => {
    const revisions: StoredRevision[] = [
      { entityType: 'item', entityId: 9, action: 'create', data: { before: null, fields: {} } },
      { entityType: 'meeting', entityId: 1, action: 'publish_agenda', data: { before: {} } },
      { entityType: 'meeting', entityId: 1, action: 'reorder', data: { before: [9, 7] } },
      { entityType: 'item', entityId: 7, action: 'update', data: 'not json' },
    ];
    expect(itemChangesOfRevisions(revisions, [])).toEqual([
      [{ itemId: 9, fields: [] }],
      [],
      [],
      [],
    ]);
  });
});

describe('itemChangesOfRevisions: Bilag', () => {
  it('gives an added or removed Bilag to its item', () => {
    const revisions: StoredRevision[] = [
      {
        entityType: 'attachment',
        entityId: 40,
        action: 'delete',
        data: { before: { id: 40, itemId: 7, title: 'Skema' } },
      },
      {
        entityType: 'attachment',
        entityId: 40,
        action: 'create',
        data: { before: null, itemId: 7, title: 'Skema', fileId: 3, fileName: 'skema.pdf' },
      },
    ];
    expect(itemChangesOfRevisions(revisions, [])).toEqual([
      [{ itemId: 7, fields: ['attachments'] }],
      [{ itemId: 7, fields: ['attachments'] }],
    ]);
  });
});

describe('itemChangesOfRevisions: Fraværende for the whole meeting', () => {
  it('names the items whose absentees the step changed, from what they were right after', () => {
    // Newest first: Rikke marked absent from the whole meeting, where item 8 had her already.
    const revisions: StoredRevision[] = [
      {
        entityType: 'meeting',
        entityId: 1,
        action: 'add_absence',
        data: {
          before: [
            { id: 7, absent: [jesper] },
            { id: 8, absent: [rikke] },
          ],
        },
      },
    ];
    const now = [
      { id: 7, absent: [jesper, rikke] },
      { id: 8, absent: [{ name: 'Rikke Blom', role: 'Direktør BSV' }] },
    ];
    expect(itemChangesOfRevisions(revisions, now)).toEqual([[{ itemId: 7, fields: ['absent'] }]]);
  });

  it('takes the state right after a step from the next newer revision, not from today', () => {
    const revisions: StoredRevision[] = [
      // Newest: item 7 saved later, with Rikke removed again by hand.
      save(7, itemBefore(7, { absent: [rikke] }), { absent: [] }),
      // Older: Rikke added to the whole meeting (item 7 had nobody before).
      {
        entityType: 'meeting',
        entityId: 1,
        action: 'add_absence',
        data: { before: [{ id: 7, absent: [] }] },
      },
      // Oldest: Rikke removed from the whole meeting, where she already was not on item 7.
      {
        entityType: 'meeting',
        entityId: 1,
        action: 'remove_absence',
        data: { before: [{ id: 7, absent: [] }] },
      },
    ];
    // Today item 7 has nobody absent, as it had before the add: only the snapshots tell.
    expect(itemChangesOfRevisions(revisions, [{ id: 7, absent: [] }])).toEqual([
      [{ itemId: 7, fields: ['absent'] }],
      [{ itemId: 7, fields: ['absent'] }],
      [],
    ]);
  });

  it('counts a role written as missing or null as the same absentee', () => {
    const revisions: StoredRevision[] = [
      {
        entityType: 'meeting',
        entityId: 1,
        action: 'remove_absence',
        data: { before: [{ id: 7, absent: [{ name: 'Gæst' }] }] },
      },
    ];
    expect(
      itemChangesOfRevisions(revisions, [{ id: 7, absent: [{ name: 'Gæst', role: null }] }]),
    ).toEqual([[]]);
  });
});
