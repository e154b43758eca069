import { describe, expect, it } from 'vitest';
import { type Actor, anonymousActor, localAdministrator } from '../actor.ts';
import { type MeetingStatus, meetingStatuses } from '../meeting-lifecycle.ts';
import { authorize, type PolicyAction, policyActions } from './authorize.ts';
import type { MeetingTarget } from './targets.ts';

const forumId = 7;
const otherForum = 8;

function user(roles: Record<number, 'member' | 'secretary'>, isAdministrator = false): Actor {
  return {
    kind: 'user',
    userId: 1,
    name: 'Test',
    isAdministrator,
    forumRoles: roles,
    address: null,
  };
}

const actors = {
  anonymous: anonymousActor,
  signedIn: user({}),
  member: user({ [forumId]: 'member' }),
  otherSecretary: user({ [otherForum]: 'secretary' }),
  secretary: user({ [forumId]: 'secretary' }),
  administrator: localAdministrator(),
} as const;

function meeting(
  status: MeetingStatus,
  visibility: 'public' | 'internal' = 'public',
): MeetingTarget {
  return { forumId, visibility, hidesContactDetails: false, status };
}

function answer(actor: Actor, action: PolicyAction, target: MeetingTarget): number {
  const decision = authorize(actor, action, target);
  return decision.allowed ? 200 : decision.status;
}

describe('authorize', () => {
  it('lets only the forum secretary and administrators write, and says why to the others', () => {
    const target = meeting('draft');
    expect(answer(actors.secretary, 'agenda.edit', target)).toBe(200);
    expect(answer(actors.administrator, 'agenda.edit', target)).toBe(200);
    // A draft is not there for anyone else: 404, not 403, so it does not admit to exist.
    expect(answer(actors.anonymous, 'agenda.edit', target)).toBe(404);
    expect(answer(actors.member, 'agenda.edit', target)).toBe(404);
    const published = meeting('agenda_published');
    expect(answer(actors.anonymous, 'agenda.edit', published)).toBe(401);
    expect(answer(actors.signedIn, 'agenda.edit', published)).toBe(403);
    expect(answer(actors.member, 'agenda.edit', published)).toBe(403);
    expect(answer(actors.otherSecretary, 'agenda.edit', published)).toBe(403);
  });

  it('keeps an internal forum from everyone outside it', () => {
    const target = meeting('minutes_published', 'internal');
    expect(answer(actors.anonymous, 'meeting.read', target)).toBe(404);
    expect(answer(actors.signedIn, 'meeting.read', target)).toBe(404);
    expect(answer(actors.otherSecretary, 'meeting.read', target)).toBe(404);
    expect(answer(actors.member, 'meeting.read', target)).toBe(200);
    expect(answer(actors.secretary, 'meeting.read', target)).toBe(200);
  });

  it('applies the lifecycle rules to the secretary', () => {
    const rules: Array<[PolicyAction, Record<MeetingStatus, number>]> = [
      [
        'agenda.edit',
        {
          draft: 200,
          agenda_published: 200,
          in_progress: 200,
          held: 200,
          minutes_published: 409,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
      [
        'decision.enter',
        {
          draft: 409,
          agenda_published: 409,
          in_progress: 200,
          held: 200,
          minutes_published: 200,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
      [
        'item.correct',
        {
          draft: 409,
          agenda_published: 409,
          in_progress: 409,
          held: 409,
          minutes_published: 409,
          minutes_approved: 200,
          cancelled: 409,
        },
      ],
      [
        'agenda.publish',
        {
          draft: 200,
          agenda_published: 200,
          in_progress: 409,
          held: 409,
          minutes_published: 409,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
      [
        'meeting.start',
        {
          draft: 409,
          agenda_published: 200,
          in_progress: 409,
          held: 409,
          minutes_published: 409,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
      [
        'minutes.publish',
        {
          draft: 409,
          agenda_published: 409,
          in_progress: 409,
          held: 200,
          minutes_published: 200,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
      [
        'minutes.approve',
        {
          draft: 409,
          agenda_published: 409,
          in_progress: 409,
          held: 409,
          minutes_published: 200,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
      [
        'meeting.finish',
        {
          draft: 409,
          agenda_published: 409,
          in_progress: 200,
          held: 409,
          minutes_published: 409,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
      [
        'meeting.cancel',
        {
          draft: 409,
          agenda_published: 200,
          in_progress: 409,
          held: 409,
          minutes_published: 409,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
      [
        'meeting.delete',
        {
          draft: 200,
          agenda_published: 409,
          in_progress: 409,
          held: 409,
          minutes_published: 409,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
      [
        'attendance.record',
        {
          draft: 200,
          agenda_published: 200,
          in_progress: 200,
          held: 200,
          minutes_published: 200,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
      [
        'meeting.editDetails',
        {
          draft: 200,
          agenda_published: 200,
          in_progress: 200,
          held: 200,
          minutes_published: 200,
          minutes_approved: 423,
          cancelled: 409,
        },
      ],
    ];
    for (const [action, expected] of rules)
      for (const status of meetingStatuses)
        expect(`${action} ${status} → ${answer(actors.secretary, action, meeting(status))}`).toBe(
          `${action} ${status} → ${expected[status]}`,
        );
  });

  it('keeps an archive meeting final: only a correction of its approved minutes', () => {
    const archived: MeetingTarget = { ...meeting('minutes_approved'), archived: true };
    expect(answer(actors.administrator, 'item.correct', archived)).toBe(200);
    expect(answer(actors.secretary, 'meeting.read', archived)).toBe(200);
    for (const action of [
      'agenda.edit',
      'decision.enter',
      'minutes.publish',
      'minutes.approve',
      'meeting.editDetails',
      'attendance.record',
    ] as const) {
      const decision = authorize(actors.administrator, action, archived);
      expect(decision.allowed ? 200 : decision.status).toBe(423);
      if (!decision.allowed) expect(decision.reason).toContain('arkivet');
    }
    // An imported agenda without minutes is just as final.
    const archivedAgenda: MeetingTarget = { ...meeting('agenda_published'), archived: true };
    expect(answer(actors.secretary, 'meeting.start', archivedAgenda)).toBe(423);
    expect(answer(actors.secretary, 'agenda.publish', archivedAgenda)).toBe(423);
    expect(answer(actors.secretary, 'item.correct', archivedAgenda)).toBe(409);
  });

  it('lets members read the history, the public not', () => {
    const target = meeting('minutes_published');
    expect(answer(actors.member, 'meeting.readHistory', target)).toBe(200);
    expect(answer(actors.anonymous, 'meeting.readHistory', target)).toBe(403);
    expect(answer(actors.member, 'meeting.preview', target)).toBe(403);
    expect(answer(actors.secretary, 'meeting.preview', target)).toBe(200);
  });

  it('keeps administration for administrators', () => {
    for (const action of [
      'users.manage',
      'audit.read',
      'archive.manage',
      'forum.create',
    ] as const) {
      expect(authorize(actors.administrator, action, null).allowed).toBe(true);
      expect(authorize(actors.secretary, action, null)).toMatchObject({ status: 403 });
      expect(authorize(actors.anonymous, action, null)).toMatchObject({ status: 401 });
    }
  });

  it('refuses an action asked about the wrong kind of target, even for an administrator', () => {
    const admin = actors.administrator;
    expect(authorize(admin, 'agenda.edit', null)).toMatchObject({ status: 403 });
    expect(
      authorize(admin, 'agenda.edit', {
        forumId,
        visibility: 'public',
        hidesContactDetails: false,
      }),
    ).toMatchObject({
      status: 403,
    });
    expect(authorize(admin, 'users.manage', meeting('draft'))).toMatchObject({ status: 403 });
    expect(authorize(admin, 'forum.edit', meeting('draft'))).toMatchObject({ status: 403 });
    // Every action is allowed to an administrator on its own kind of target.
    const forum = { forumId, visibility: 'public' as const, hidesContactDetails: false };
    const targets = { meeting: meeting('held'), forum };
    for (const action of policyActions) {
      if (action === 'account.changePassword') continue;
      const target =
        action === 'forum.read' ||
        action === 'forum.edit' ||
        action.startsWith('followup.') ||
        action.startsWith('plan.')
          ? targets.forum
          : action === 'meeting.create'
            ? targets.forum
            : ['users.manage', 'audit.read', 'archive.manage', 'forum.create'].includes(action)
              ? null
              : targets.meeting;
      const decision = authorize(admin, action, target);
      if (!decision.allowed) expect(decision.status, action).toBe(409);
    }
  });

  it('lets only an account’s own user change its password', () => {
    const own = {
      kind: 'user' as const,
      userId: 5,
      name: 'Ida',
      isAdministrator: false,
      forumRoles: {},
      address: null,
    };
    expect(authorize(own, 'account.changePassword', { accountUserId: 5 }).allowed).toBe(true);
    expect(authorize(own, 'account.changePassword', { accountUserId: 6 })).toMatchObject({
      status: 403,
    });
    expect(
      authorize(actors.administrator, 'account.changePassword', { accountUserId: 6 }),
    ).toMatchObject({ status: 403 });
    expect(
      authorize(actors.anonymous, 'account.changePassword', { accountUserId: 5 }),
    ).toMatchObject({ status: 401 });
  });

  it('shows follow-ups to the forum’s members and staff only, and lets its secretaries manage them', () => {
    const answers = (visibility: 'public' | 'internal', action: PolicyAction) =>
      Object.fromEntries(
        Object.entries(actors).map(([name, actor]) => {
          const decision = authorize(actor, action, {
            forumId,
            visibility,
            hidesContactDetails: false,
          });
          return [name, decision.allowed ? 200 : decision.status];
        }),
      );
    // Never the public's, not even in a public forum: follow-ups are internal working data.
    expect(answers('public', 'followup.read')).toEqual({
      anonymous: 401,
      signedIn: 403,
      member: 200,
      otherSecretary: 403,
      secretary: 200,
      administrator: 200,
    });
    expect(answers('internal', 'followup.read')).toEqual({
      anonymous: 404,
      signedIn: 404,
      member: 200,
      otherSecretary: 404,
      secretary: 200,
      administrator: 200,
    });
    expect(answers('public', 'followup.manage')).toEqual({
      anonymous: 401,
      signedIn: 403,
      member: 403,
      otherSecretary: 403,
      secretary: 200,
      administrator: 200,
    });
    expect(answers('internal', 'followup.manage')).toMatchObject({ member: 403, signedIn: 404 });
    expect(authorize(actors.administrator, 'followup.read', meeting('held'))).toMatchObject({
      status: 403,
    });
  });

  it('lets a forum secretary edit the forum and create its meetings, nobody else below admin', () => {
    const forum = { forumId, visibility: 'internal' as const, hidesContactDetails: false };
    expect(authorize(actors.secretary, 'forum.edit', forum).allowed).toBe(true);
    expect(authorize(actors.secretary, 'meeting.create', forum).allowed).toBe(true);
    expect(authorize(actors.member, 'forum.edit', forum)).toMatchObject({ status: 403 });
    expect(authorize(actors.otherSecretary, 'forum.edit', forum)).toMatchObject({ status: 404 });
    expect(authorize(actors.anonymous, 'forum.read', forum)).toMatchObject({ status: 404 });
    expect(authorize(actors.anonymous, 'forum.read', { ...forum, visibility: 'public' })).toEqual({
      allowed: true,
    });
  });

  it('shows the plan ahead to the forum’s members and staff, and lets its secretaries manage it', () => {
    const answers = (visibility: 'public' | 'internal', action: PolicyAction) =>
      Object.fromEntries(
        Object.entries(actors).map(([name, actor]) => {
          const decision = authorize(actor, action, {
            forumId,
            visibility,
            hidesContactDetails: false,
          });
          return [name, decision.allowed ? 200 : decision.status];
        }),
      );
    // The punktbank and the annual cycle are internal, even in a public forum.
    expect(answers('public', 'plan.read')).toEqual({
      anonymous: 401,
      signedIn: 403,
      member: 200,
      otherSecretary: 403,
      secretary: 200,
      administrator: 200,
    });
    expect(answers('internal', 'plan.read')).toEqual({
      anonymous: 404,
      signedIn: 404,
      member: 200,
      otherSecretary: 404,
      secretary: 200,
      administrator: 200,
    });
    expect(answers('public', 'plan.manage')).toEqual({
      anonymous: 401,
      signedIn: 403,
      member: 403,
      otherSecretary: 403,
      secretary: 200,
      administrator: 200,
    });
    expect(answers('internal', 'plan.manage')).toMatchObject({ member: 403, otherSecretary: 404 });
    // Asked about a meeting instead of a forum, the policy refuses (fail closed).
    expect(authorize(actors.secretary, 'plan.manage', meeting('draft'))).toMatchObject({
      status: 403,
    });
  });
});
