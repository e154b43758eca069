import { describe, expect, test } from 'vitest';
import type { Permissions } from '../../api/types.ts';
import {
  canApprovePreviousNow,
  canEditItem,
  hasActionsSection,
  visibleMeetingActions,
  visibleMeetingViews,
} from './meeting-permissions.ts';

const none: Permissions = {
  canEditAgenda: false,
  canEnterDecisions: false,
  canCorrect: false,
  canEditDetails: false,
  isLocked: false,
  canPublishAgenda: false,
  canStartMeeting: false,
  canFinishMeeting: false,
  canDeleteMeeting: false,
  canCancelMeeting: false,
  canRecordAttendance: false,
  canPublishMinutes: false,
  canApproveMinutes: false,
  canApprovePrevious: false,
  canSeeHistory: false,
  canPreview: false,
  canSetAttachmentAccess: false,
};

/** What the server answers a forum's secretary for a meeting in each state. */
const secretary = {
  draft: {
    ...none,
    canEditAgenda: true,
    canEditDetails: true,
    canPublishAgenda: true,
    canSeeHistory: true,
    canPreview: true,
  },
  agendaPublished: {
    ...none,
    canEditAgenda: true,
    canEditDetails: true,
    canPublishAgenda: true,
    canStartMeeting: true,
    canSeeHistory: true,
    canPreview: true,
  },
  held: {
    ...none,
    canEditAgenda: true,
    canEnterDecisions: true,
    canEditDetails: true,
    canPublishMinutes: true,
    canApprovePrevious: true,
    canSeeHistory: true,
    canPreview: true,
  },
  approved: { ...none, isLocked: true, canCorrect: true, canSeeHistory: true, canPreview: true },
} satisfies Record<string, Permissions>;

describe('an anonymous reader or a member', () => {
  test('gets no actions, no "Handlinger", no editor and only the overview', () => {
    const member = { ...none, canSeeHistory: true };
    for (const permissions of [none, member, { ...none, isLocked: true }]) {
      expect(visibleMeetingActions(permissions, { isInMeetingMode: false })).toEqual([]);
      expect(hasActionsSection(permissions)).toBe(false);
      expect(canEditItem(permissions)).toBe(false);
      expect(visibleMeetingViews(permissions, 'overview')).toEqual(['overview']);
    }
  });

  test('keeps the view they opened in the navigation', () => {
    expect(visibleMeetingViews(none, 'agenda')).toEqual(['overview', 'agenda']);
  });

  test('never gets approval of the previous minutes, even while they wait', () => {
    expect(
      canApprovePreviousNow({
        permissions: none,
        previousMeeting: { id: 1, date: '2026-10-01', status: 'minutes_published' },
      }),
    ).toBe(false);
  });
});

describe("a forum's secretary", () => {
  test('publishes a draft agenda, with a preview first', () => {
    expect(visibleMeetingActions(secretary.draft, { isInMeetingMode: false })).toEqual([
      'publish-agenda',
      'preview-agenda',
    ]);
    expect(visibleMeetingViews(secretary.draft, 'overview')).toEqual(['overview', 'agenda']);
  });

  test('starts the meeting once the agenda is out', () => {
    expect(visibleMeetingActions(secretary.agendaPublished, { isInMeetingMode: false })).toEqual([
      'publish-agenda',
      'preview-agenda',
      'start',
    ]);
  });

  test('writes decisions in meeting mode and publishes the minutes', () => {
    expect(visibleMeetingActions(secretary.held, { isInMeetingMode: false })).toEqual([
      'open-meeting-mode',
      'publish-minutes',
      'preview-minutes',
    ]);
    expect(visibleMeetingActions(secretary.held, { isInMeetingMode: true })).toEqual([
      'publish-minutes',
      'preview-minutes',
    ]);
    expect(visibleMeetingViews(secretary.held, 'overview')).toEqual([
      'overview',
      'agenda',
      'meeting-mode',
    ]);
  });

  test('approves the previous minutes only when the server says they wait for it', () => {
    const previous = { id: 1, date: '2026-10-01' };
    expect(
      canApprovePreviousNow({
        permissions: secretary.held,
        previousMeeting: { ...previous, status: 'minutes_published' },
      }),
    ).toBe(true);
    expect(
      canApprovePreviousNow({
        permissions: { ...secretary.held, canApprovePrevious: false },
        previousMeeting: { ...previous, status: 'minutes_approved' },
      }),
    ).toBe(false);
    expect(canApprovePreviousNow({ permissions: secretary.held, previousMeeting: null })).toBe(
      false,
    );
  });

  test('corrects approved minutes from the item page, with no steps left', () => {
    expect(visibleMeetingActions(secretary.approved, { isInMeetingMode: false })).toEqual([]);
    expect(hasActionsSection(secretary.approved)).toBe(true);
    expect(canEditItem(secretary.approved)).toBe(true);
  });

  test('sees no preview link without the preview permission', () => {
    const withoutPreview = { ...secretary.draft, canPreview: false };
    expect(visibleMeetingActions(withoutPreview, { isInMeetingMode: false })).toEqual([
      'publish-agenda',
    ]);
  });
});
