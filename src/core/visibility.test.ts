import { describe, expect, it } from 'vitest';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { canSeeClosedItems, publicViewer, secretaryViewer, visibleMeeting } from './visibility.ts';

describe('visibility', () => {
  const meeting = makeMeeting([
    makeItem(1, { title: 'Åbent punkt', decision: 'Godkendt.' }),
    makeItem(2, {
      title: 'Personalesag: NN',
      closed: true,
      caseNumber: '81.00.00-G01-1-19',
      decision: 'Fortroligt.',
      attachments: [{ title: 'Notat' }],
      absent: [{ name: 'A', role: null }],
    }),
  ]);

  it('shows a closed item to nobody without rights, not even its title or journal number', () => {
    const visible = visibleMeeting(meeting, publicViewer);
    expect(visible.items[0]).toEqual(meeting.items[0]);
    expect(visible.items[1]).toMatchObject({
      number: 2,
      title: 'Lukket punkt',
      caseNumber: null,
      decision: null,
      attachments: [],
    });
    expect(JSON.stringify(visible)).not.toMatch(/Personalesag|Fortroligt|81\.00|Notat/u);
  });

  it('shows everything to the secretariat and members', () => {
    expect(visibleMeeting(meeting, secretaryViewer)).toEqual(meeting);
    expect(canSeeClosedItems({ role: 'member' })).toBe(true);
    expect(canSeeClosedItems({ role: 'reader' })).toBe(false);
  });
});
