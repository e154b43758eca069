import { describe, expect, it } from 'vitest';
import type { FollowupView } from '../../api/followups.ts';
import { matchRoute, paths } from '../../router/routes.ts';
import { pageAudience } from '../../session/access-rules.ts';
import {
  changesOf,
  checkDraft,
  draftOf,
  dueText,
  fieldIds,
  memberChoice,
  ownerText,
  statusText,
  unitChoice,
} from './followup-text.ts';
import { followupQueryFromUrl, followupQueryToUrl } from './followups-query.ts';

const followup: FollowupView = {
  id: 7,
  version: 1,
  kind: 'task',
  state: 'suggested',
  status: 'open',
  title: 'Notat om sygefravær',
  text: 'Rikke Blom udarbejder et notat om sygefraværet senest d. 18. juni.',
  owner: { name: 'Rikke Blom', kind: 'member' },
  due: { from: '2031-06-18', to: '2031-06-18' },
  isOverdue: false,
  notes: [],
  meeting: { id: 3, date: '2031-06-04' },
  forum: { id: 1, name: 'Chefforum' },
  item: { id: 11, number: 2, title: 'Sygefravær', caseNumber: null },
  createdAt: '2031-06-04T12:00:00Z',
  updatedAt: '2031-06-04T12:00:00Z',
};

describe('the follow-up views’ words and the editor’s draft', () => {
  it('says who, by when and how far in Danish', () => {
    expect(dueText(followup.due)).toBe('18. juni 2031');
    expect(dueText({ from: '2031-08-21', to: '2031-08-31' })).toBe('21. – 31. august 2031');
    expect(dueText(null)).toBe('Ingen frist');
    expect(ownerText(followup.owner)).toBe('Rikke Blom');
    expect(ownerText({ name: 'HR', kind: 'unit' })).toBe('HR (enhed)');
    expect(ownerText(null)).toBe('Ingen ansvarlig');
    expect(statusText({ status: 'open', isOverdue: true })).toBe('Åben – fristen er overskredet');
    expect(statusText({ status: 'done', isOverdue: false })).toBe('Udført');
  });

  it('starts the editor from the follow-up: a member on the roster, anyone else a unit', () => {
    expect(draftOf(followup, ['Rikke Blom']).owner).toBe(memberChoice('Rikke Blom'));
    const stranger = draftOf(followup, ['Jens Andersen']);
    expect([stranger.owner, stranger.unitName]).toEqual([unitChoice, 'Rikke Blom']);
    expect(draftOf({ ...followup, owner: null }, []).owner).toBe('');
  });

  it('finds the draft’s problems by field, and sends a one-day range when only the end is set', () => {
    const ids = fieldIds(7);
    const draft = { ...draftOf(followup, ['Rikke Blom']), title: ' ', owner: unitChoice };
    expect(checkDraft({ ...draft, dueFrom: '2031-07-02', dueTo: '2031-07-01' }, 7)).toEqual([
      { message: 'Skriv en titel.', fieldId: ids.title },
      { message: 'Skriv enhedens navn.', fieldId: ids.unitName },
      { message: 'Fristens første dag skal ligge før den sidste.', fieldId: ids.dueFrom },
    ]);
    expect(checkDraft({ ...draft, title: 'A', unitName: 'HR', dueTo: '' }, 7)).toEqual([
      { message: 'Vælg fristens sidste dag.', fieldId: ids.dueTo },
    ]);
    expect(
      changesOf({ ...draftOf(followup, ['Rikke Blom']), dueFrom: '', dueTo: '2031-06-30' }),
    ).toEqual({
      title: 'Notat om sygefravær',
      kind: 'task',
      owner: { name: 'Rikke Blom', kind: 'member' },
      due: { from: '2031-06-30', to: '2031-06-30' },
    });
    expect(
      changesOf({ ...draft, title: 'HR-plan', unitName: ' HR ', dueFrom: '', dueTo: '' }),
    ).toMatchObject({ owner: { name: 'HR', kind: 'unit' }, due: null });
  });

  it('keeps the page’s view in its address, for signed-in users only', () => {
    expect(matchRoute(paths.followups)).toEqual({ page: 'followups' });
    expect(pageAudience({ page: 'followups' })).toBe('signed-in');
    expect(followupQueryFromUrl('?forum=3&status=overdue')).toEqual({
      forumId: 3,
      filter: 'overdue',
    });
    expect(followupQueryFromUrl('?forum=x&status=alle')).toEqual({ forumId: null, filter: 'open' });
    expect(followupQueryToUrl({ forumId: null, filter: 'open' })).toBe('');
    expect(followupQueryToUrl({ forumId: 2, filter: 'all' })).toBe('?forum=2&status=all');
  });
});
