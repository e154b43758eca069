import { describe, expect, it } from 'vitest';
import { makeItem, makeMeeting } from '../../../test/support/meeting-factory.ts';
import { anonymousActor, localAdministrator, type UserActor } from '../actor.ts';
import { meetingAccess } from './meeting-access.ts';
import {
  canDownloadAttachmentOf,
  closedItemTitle,
  readScope,
  visibleCaseEntry,
  visibleMeeting,
  visiblePublication,
  visibleRevisions,
  visibleVersionReason,
} from './read-model.ts';

const member: UserActor = {
  kind: 'user',
  userId: 2,
  name: 'Medlem',
  isAdministrator: false,
  forumRoles: { 1: 'member', 3: 'secretary' },
  address: null,
};

const closed = makeItem(2, {
  title: 'Fortrolig personalesag',
  caseNumber: '81.00.00-G01-1-17',
  closed: true,
  durationMinutes: 15,
  background: 'hemmelig baggrund',
  decision: 'hemmelig beslutning',
  attachments: [{ title: 'hemmeligt bilag' }],
  absent: [{ name: 'Hemmelig Person', role: null }],
});
const open = makeItem(1, {
  title: 'Budget',
  decision: 'Godkendt',
  absent: [{ name: 'Ida', role: null }],
});
const meeting = makeMeeting([open, closed]);

describe('the read model', () => {
  it('shows a closed item as its number and "Lukket punkt" only, to those without rights', () => {
    const visible = visibleMeeting(meeting, 'public', 'minutes_published');
    expect(visible.items[1]).toEqual({
      ...makeItem(2, { title: closedItemTitle }),
      closed: true,
      durationMinutes: null,
    });
    expect(JSON.stringify(visible)).not.toMatch(/hemmelig|81\.00\.00|personalesag/iu);
    expect(visibleMeeting(meeting, 'member', 'minutes_published')).toEqual(meeting);
    expect(visibleMeeting(meeting, 'staff', 'draft')).toEqual(meeting);
  });

  it('holds decisions and absences back from the public until the minutes are out', () => {
    const during = visibleMeeting(meeting, 'public', 'held');
    expect(during.items[0]).toMatchObject({ decision: null, absent: [] });
    expect(visibleMeeting(meeting, 'member', 'held').items[0]?.decision).toBe('Godkendt');
    expect(visiblePublication(meeting, 'public', 'agenda').items[0]?.decision).toBeNull();
    expect(visiblePublication(meeting, 'public', 'minutes').items[0]?.decision).toBe('Godkendt');
  });

  it('lets Bilag of closed items be downloaded only with rights', () => {
    expect(canDownloadAttachmentOf({ closed: true }, 'public')).toBe(false);
    expect(canDownloadAttachmentOf({ closed: true }, 'member')).toBe(true);
    expect(canDownloadAttachmentOf({ closed: false }, 'public')).toBe(true);
    expect(canDownloadAttachmentOf({ closed: false }, 'none')).toBe(false);
  });

  it('drops a closed item from a case timeline for the public, journal number and all', () => {
    const entry = { closed: true, decision: 'x', status: 'minutes_published' as const };
    expect(visibleCaseEntry({ ...entry, access: 'public' })).toBeNull();
    expect(visibleCaseEntry({ ...entry, access: 'member' })).toMatchObject({ decision: 'x' });
    expect(
      visibleCaseEntry({ ...entry, closed: false, status: 'held', access: 'public' }),
    ).toMatchObject({
      decision: null,
    });
  });

  it('lists for the public only the publishing steps and corrections of open items', () => {
    const entries = [
      { entityType: 'item', entityId: 1, action: 'update', reason: null },
      { entityType: 'item', entityId: 2, action: 'correction', reason: 'hemmelig' },
      { entityType: 'item', entityId: 1, action: 'correction', reason: 'stavefejl' },
      { entityType: 'meeting', entityId: 9, action: 'publish_minutes', reason: null },
    ];
    expect(visibleRevisions(entries, 'public', new Set([2])).map((entry) => entry.reason)).toEqual([
      'stavefejl',
      null,
    ]);
    expect(visibleRevisions(entries, 'member', new Set([2]))).toHaveLength(4);
  });

  it('gives each actor the forums they may search, by access', () => {
    const forums = [
      { forumId: 1, visibility: 'public' as const, hidesContactDetails: false },
      { forumId: 2, visibility: 'internal' as const, hidesContactDetails: false },
      { forumId: 3, visibility: 'internal' as const, hidesContactDetails: false },
      { forumId: 4, visibility: 'public' as const, hidesContactDetails: true },
    ];
    expect(readScope(anonymousActor, forums)).toEqual({
      kind: 'limited',
      staffForumIds: [],
      memberForumIds: [],
      publicForumIds: [1, 4],
      contactHidingForumIds: [4],
    });
    expect(readScope(member, forums)).toEqual({
      kind: 'limited',
      staffForumIds: [3],
      memberForumIds: [1],
      publicForumIds: [4],
      contactHidingForumIds: [4],
    });
    expect(readScope(localAdministrator(), forums)).toEqual({ kind: 'all' });
  });

  it('never shows a draft to anyone but the forum staff', () => {
    const draft = {
      forumId: 1,
      visibility: 'public' as const,
      hidesContactDetails: false,
      status: 'draft' as const,
    };
    expect(meetingAccess(anonymousActor, draft)).toBe('none');
    expect(meetingAccess(member, draft)).toBe('none');
    expect(meetingAccess(member, { ...draft, forumId: 3 })).toBe('staff');
  });
});

describe('the reason of a corrected version', () => {
  const document = makeMeeting([makeItem(1), makeItem(2, { closed: true })]);
  const version = (correctedItemNumber?: number) => ({
    reason: 'Navnet var stavet forkert',
    document,
    annotations: correctedItemNumber === undefined ? {} : { correctedItemNumber },
  });

  it('is shown with the version when it corrected an open item', () => {
    expect(visibleVersionReason(version(1), 'public')).toBe('Navnet var stavet forkert');
  });

  it('is the closed item’s content: only those who may read closed items see it', () => {
    expect(visibleVersionReason(version(2), 'public')).toBeNull();
    expect(visibleVersionReason(version(2), 'member')).toBe('Navnet var stavet forkert');
    // A reason that names no item is kept back from the public.
    expect(visibleVersionReason(version(), 'public')).toBeNull();
    expect(visibleVersionReason(version(), 'staff')).toBe('Navnet var stavet forkert');
  });
});
