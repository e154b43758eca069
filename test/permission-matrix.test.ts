import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousActor } from '../src/core/actor.ts';
import type { MeetingStatus } from '../src/core/meeting-lifecycle.ts';
import { authorize, type PolicyAction } from '../src/core/policies/authorize.ts';
import { meetingAccess } from '../src/core/policies/meeting-access.ts';
import { buildApp } from '../src/server/app.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { createForum, setForumVisibility } from '../src/services/forum-service.ts';
import { getWorkspace } from '../src/services/workspace-service.ts';
import { testAdministrator } from './support/actors.ts';
import { heavyTestDatabases } from './support/databases.ts';
import { oparlRoutes } from './support/leak-oparl.ts';
import {
  freshDate,
  type MatrixActor,
  type MatrixMeeting,
  makeMatrixMeeting,
  matrixActors,
} from './support/matrix-fixtures.ts';
import { signInAs, signInWithPassword, testAccountPassword } from './support/signed-in.ts';

type App = Awaited<ReturnType<typeof buildApp>>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request a route case makes. */
interface MatrixRequest {
  method: Method;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

/** What a route case expects: a status, or 'ok' for any success (2xx or a redirect). */
type Expected = number | 'ok';

/**
 * One route of the route table with its rule. Meeting routes are tried in every lifecycle
 * state; `write` routes change data, so every actor the policy allows gets a fresh meeting.
 */
interface RouteCase {
  route: string;
  variant?: string;
  scope: 'meeting' | 'other';
  write?: boolean;
  /** Meetings with Bilag are needed (their upload costs time, so only where needed). */
  needsAttachments?: boolean;
  request(meeting: MatrixMeeting, context: CaseContext): MatrixRequest;
  expect(actor: MatrixActor, meeting: MatrixMeeting): Expected;
  /** An allowed request that may still meet a lifecycle conflict of its own (409). */
  mayConflict?: boolean;
}

interface CaseContext {
  forumId: number;
  asset: string;
  userId: number;
  counter: number;
}

const states: MeetingStatus[] = [
  'draft',
  'agenda_published',
  'in_progress',
  'held',
  'minutes_published',
  'minutes_approved',
  'cancelled',
];

/** The policy's answer as the HTTP status the route must give. */
function policyAnswer(actor: MatrixActor, action: PolicyAction, meeting: MatrixMeeting): Expected {
  const decision = authorize(actor.actor, action, meeting.target);
  return decision.allowed ? 'ok' : decision.status;
}

function adminAnswer(actor: MatrixActor, action: PolicyAction): Expected {
  const decision = authorize(actor.actor, action, null);
  return decision.allowed ? 'ok' : decision.status;
}

const readMeeting = (actor: MatrixActor, meeting: MatrixMeeting): Expected =>
  policyAnswer(actor, 'meeting.read', meeting);

/** The policy's answer for an action on the meeting's forum. */
function forumAnswer(actor: MatrixActor, action: PolicyAction, meeting: MatrixMeeting): Expected {
  const decision = authorize(actor.actor, action, {
    forumId: meeting.forumId,
    visibility: meeting.visibility,
    hidesContactDetails: false,
  });
  return decision.allowed ? 'ok' : decision.status;
}

/** A read of the meeting first (404 when hidden), then the forum's action. */
function meetingThenForum(action: PolicyAction) {
  return (actor: MatrixActor, meeting: MatrixMeeting): Expected => {
    const read = readMeeting(actor, meeting);
    return read === 'ok' ? forumAnswer(actor, action, meeting) : read;
  };
}

const signedIn = (actor: MatrixActor): Expected => (actor.actor.kind === 'anonymous' ? 401 : 'ok');
const everyone = (): Expected => 'ok';
/** The reader the public surfaces (OParl) answer as, whoever asks. */
const anonymousMatrixActor: MatrixActor = { name: 'anonym', actor: anonymousActor, account: null };
const json = (url: string): MatrixRequest => ({ method: 'GET', url });

const routeCases: RouteCase[] = [
  // Open to everyone: the session, sign-in's own answers, documentation, health, lists.
  {
    route: 'GET /api/session',
    scope: 'other',
    request: () => json('/api/session'),
    expect: everyone,
  },
  {
    route: 'POST /api/session',
    scope: 'other',
    request: () => ({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'findes-ikke', password: 'forkert-adgangskode' },
    }),
    expect: () => 401,
  },
  {
    route: 'DELETE /api/session',
    scope: 'other',
    request: () => ({ method: 'DELETE', url: '/api/session' }),
    expect: everyone,
  },
  {
    route: 'POST /api/session/password',
    scope: 'other',
    request: () => ({
      method: 'POST',
      url: '/api/session/password',
      payload: { currentPassword: 'ikke-den-rigtige', newPassword: 'en-helt-ny-adgangskode' },
    }),
    // Signed in: the current password is wrong (403); nobody signed in: 401.
    expect: (actor) => (actor.actor.kind === 'anonymous' ? 401 : 403),
  },
  {
    route: 'GET /api/auth/oidc/start',
    scope: 'other',
    request: () => json('/api/auth/oidc/start'),
    // Single sign-on is not configured in the tests: the same answer for everyone.
    expect: () => 404,
  },
  {
    route: 'GET /api/auth/oidc/callback',
    scope: 'other',
    request: () => json('/api/auth/oidc/callback?code=x&state=y'),
    expect: () => 404,
  },
  {
    route: 'GET /api/meetings',
    scope: 'other',
    request: () => json('/api/meetings'),
    expect: everyone,
  },
  {
    route: 'GET /api/search',
    scope: 'other',
    request: () => json('/api/search?q=budget'),
    expect: everyone,
  },
  {
    route: 'GET /api/forums',
    scope: 'other',
    request: () => json('/api/forums'),
    expect: everyone,
  },
  {
    route: 'GET /api/cases/:caseNumber',
    scope: 'other',
    request: () => json('/api/cases/15%2F13392'),
    expect: everyone,
  },
  {
    route: 'GET /api/case-numbers/check',
    scope: 'other',
    request: () => json('/api/case-numbers/check?value=15%2F13392'),
    expect: everyone,
  },
  {
    route: 'GET /api/health',
    scope: 'other',
    request: () => json('/api/health'),
    expect: everyone,
  },
  {
    route: 'GET /api/ready',
    scope: 'other',
    request: () => json('/api/ready'),
    expect: everyone,
  },
  // Metrics go to this machine's requests without a proxy (as inject's are), or to the token.
  {
    route: 'GET /metrics',
    scope: 'other',
    request: () => json('/metrics'),
    expect: everyone,
  },
  { route: 'GET /arkiv', scope: 'other', request: () => json('/arkiv'), expect: everyone },
  {
    route: 'GET /arkiv/soeg',
    scope: 'other',
    request: () => json('/arkiv/soeg?q=budget'),
    expect: everyone,
  },
  { route: 'GET /api/docs', scope: 'other', request: () => json('/api/docs'), expect: everyone },
  {
    route: 'GET /api/docs/json',
    scope: 'other',
    request: () => json('/api/docs/json'),
    expect: everyone,
  },
  {
    route: 'GET /assets/*',
    scope: 'other',
    request: (_meeting, context) => json(`/assets/${context.asset}`),
    expect: everyone,
  },
  // OParl answers as the anonymous reader whoever asks (a shared harvester's view).
  ...oparlRoutes
    .filter((route) => !route.includes(':id'))
    .map(
      (route): RouteCase => ({
        route: `GET ${route}`,
        scope: 'other',
        request: () => json(route),
        expect: everyone,
      }),
    ),
  {
    route: 'GET /oparl/v1.1/body/:id',
    scope: 'other',
    request: () => json('/oparl/v1.1/body/1'),
    expect: everyone,
  },
  ...['organization/:id', 'organization/:id/meeting'].map(
    (path): RouteCase => ({
      route: `GET /oparl/v1.1/${path}`,
      scope: 'other',
      request: (_meeting, context) =>
        json(`/oparl/v1.1/${path.replace(':id', String(context.forumId))}`),
      expect: (_actor, meeting) => (meeting.visibility === 'public' ? 'ok' : 404),
    }),
  ),
  ...(
    [
      ['meeting/:id', (meeting: MatrixMeeting) => String(meeting.meetingId)],
      ['agendaItem/:id', (meeting: MatrixMeeting) => String(meeting.openItemId)],
      ['file/:id', (meeting: MatrixMeeting) => `agenda-${meeting.meetingId}`],
    ] as const
  ).map(
    ([path, idOf]): RouteCase => ({
      route: `GET /oparl/v1.1/${path}`,
      scope: 'meeting',
      request: (meeting) => json(`/oparl/v1.1/${path.replace(':id', idOf(meeting))}`),
      expect: (_actor, meeting) => readMeeting(anonymousMatrixActor, meeting),
    }),
  ),
  {
    route: 'GET /oparl/v1.1/file/:id/access',
    scope: 'meeting',
    needsAttachments: true,
    request: (meeting) => json(`/oparl/v1.1/file/attachment-${meeting.attachmentId}/access`),
    expect: (_actor, meeting) => readMeeting(anonymousMatrixActor, meeting),
  },
  // Objects with ids of their own (people, memberships, cases, places): an unknown one is 404.
  ...['person', 'membership', 'consultation', 'paper', 'location'].map(
    (type): RouteCase => ({
      route: `GET /oparl/v1.1/${type}/:id`,
      scope: 'other',
      request: () => json(`/oparl/v1.1/${type}/999999999`),
      expect: () => 404,
    }),
  ),
  {
    route: 'GET /feed.xml',
    scope: 'other',
    request: () => json('/feed.xml'),
    expect: everyone,
  },
  ...['feed.xml', 'kalender.ics'].map(
    (path): RouteCase => ({
      route: `GET /fora/:id/${path}`,
      scope: 'other',
      request: (_meeting, context) => json(`/fora/${context.forumId}/${path}`),
      // The feeds are the anonymous reader's whoever asks: a public forum's only.
      expect: (_actor, meeting) => (meeting.visibility === 'public' ? 'ok' : 404),
    }),
  ),
  // A signed-in user's own calendar address: nothing of anyone else's.
  ...(['GET', 'POST', 'DELETE'] as const).map(
    (method): RouteCase => ({
      route: `${method} /api/me/calendar-feed`,
      scope: 'other',
      request: () => ({ method, url: '/api/me/calendar-feed' }),
      expect: (actor) => (actor.actor.kind === 'anonymous' ? 401 : 'ok'),
    }),
  ),
  {
    route: 'GET /mine/:token/kalender.ics',
    scope: 'other',
    // The address is the right: no session opens an unknown one.
    request: () => json(`/mine/${'A'.repeat(43)}/kalender.ics`),
    expect: () => 404,
  },
  // Planning ahead (issue 12): the forum's plan, for its members; changes, for its staff.
  ...(
    [
      ['planned-items', 'plan.read'],
      ['year/:year', 'plan.read'],
      ['annual-cycle', 'plan.read'],
      ['annual-wheel/:year.svg', 'plan.read'],
      ['followups', 'followup.read'],
    ] as const
  ).map(
    ([path, action]): RouteCase => ({
      route: `GET /api/forums/:id/${path}`,
      scope: 'other',
      request: (_meeting, context) =>
        json(`/api/forums/${context.forumId}/${path.replace(':year', '2030')}`),
      expect: (actor, meeting) => forumAnswer(actor, action, meeting),
    }),
  ),
  ...(
    [
      ['POST', 'planned-items', { title: 'Matrixpunkt' }],
      ['PUT', 'annual-cycle/settings', { showsAnnualWheel: false }],
      ['POST', 'recurring-items', { title: 'Sygefravær', rule: { kind: 'quarterly' } }],
      ['POST', 'annual-cycle/:year/apply', undefined],
    ] as const
  ).map(
    ([method, path, payload]): RouteCase => ({
      route: `${method} /api/forums/:id/${path}`,
      scope: 'other',
      write: true,
      request: (_meeting, context) => ({
        method,
        url: `/api/forums/${context.forumId}/${path.replace(':year', '2030')}`,
        payload,
      }),
      expect: (actor, meeting) => forumAnswer(actor, 'plan.manage', meeting),
    }),
  ),
  {
    route: 'POST /api/forums/:id/planned-returns',
    scope: 'meeting',
    write: true,
    request: (meeting) => ({
      method: 'POST',
      url: `/api/forums/${meeting.forumId}/planned-returns`,
      payload: { itemId: meeting.openItemId },
    }),
    expect: (actor, meeting) => forumAnswer(actor, 'plan.manage', meeting),
  },
  {
    route: 'POST /api/forums/:id/meeting-series',
    scope: 'other',
    request: (_meeting, context) => ({
      method: 'POST',
      url: `/api/forums/${context.forumId}/meeting-series`,
      payload: {
        pattern: { kind: 'weekly', weekday: 3, intervalWeeks: 2 },
        from: '2031-01-01',
        to: '2031-03-31',
        dryRun: true,
      },
    }),
    expect: (actor, meeting) => forumAnswer(actor, 'meeting.create', meeting),
  },
  {
    route: 'GET /api/meetings/:id/planned-items',
    scope: 'meeting',
    request: (meeting) => json(`/api/meetings/${meeting.meetingId}/planned-items`),
    expect: meetingThenForum('plan.read'),
  },
  // Items and follow-ups that do not exist: 404 for everyone, before any rule is asked.
  ...(
    [
      ['PATCH', '/api/planned-items/:id', { title: 'Ny titel' }],
      ['DELETE', '/api/planned-items/:id', undefined],
      ['POST', '/api/planned-items/:id/take', { meetingId: 1 }],
      ['PUT', '/api/recurring-items/:id', { title: 'Budget', rule: { kind: 'quarterly' } }],
      ['DELETE', '/api/recurring-items/:id', undefined],
      ['GET', '/api/followups/:id', undefined],
      ['PATCH', '/api/followups/:id', { version: 1, title: 'Ny titel' }],
      ['POST', '/api/followups/:id/confirm', { version: 1 }],
      ['POST', '/api/followups/:id/reject', { version: 1 }],
    ] as const
  ).map(
    ([method, route, payload]): RouteCase => ({
      route: `${method} ${route}`,
      scope: 'other',
      request: () => ({ method, url: route.replace(':id', '999999'), payload }),
      // Refused as anonymous where the route needs a session before it looks.
      expect: () => 404,
      mayConflict: true,
    }),
  ),
  // Follow-ups (issue 12): the forum's members and staff read them.
  {
    route: 'GET /api/meetings/:id/followups',
    scope: 'meeting',
    request: (meeting) => json(`/api/meetings/${meeting.meetingId}/followups`),
    expect: meetingThenForum('followup.read'),
  },
  {
    route: 'GET /api/me/followups',
    scope: 'other',
    request: () => json('/api/me/followups'),
    expect: signedIn,
  },
  {
    route: 'GET /api/cases/:caseNumber/followups',
    scope: 'other',
    request: () => json('/api/cases/15%2F13392/followups'),
    expect: signedIn,
  },
  {
    route: 'GET /api/settings',
    scope: 'other',
    request: () => json('/api/settings'),
    expect: everyone,
  },
  {
    route: 'GET /favicon.svg',
    scope: 'other',
    request: () => json('/favicon.svg'),
    expect: everyone,
  },
  // Administration.
  {
    route: 'GET /api/users',
    scope: 'other',
    request: () => json('/api/users'),
    expect: (actor) => adminAnswer(actor, 'users.manage'),
  },
  {
    route: 'POST /api/users',
    scope: 'other',
    request: (_meeting, context) => ({
      method: 'POST',
      url: '/api/users',
      payload: { username: `ny-${context.counter}`, name: 'Ny bruger' },
    }),
    expect: (actor) => adminAnswer(actor, 'users.manage'),
  },
  {
    route: 'PATCH /api/users/:id',
    scope: 'other',
    request: (_meeting, context) => ({
      method: 'PATCH',
      url: `/api/users/${context.userId}`,
      payload: { name: `Omdøbt ${context.counter}` },
    }),
    expect: (actor) => adminAnswer(actor, 'users.manage'),
  },
  {
    route: 'GET /api/audit',
    scope: 'other',
    request: () => json('/api/audit'),
    expect: (actor) => adminAnswer(actor, 'audit.read'),
  },
  {
    route: 'POST /api/forums',
    scope: 'other',
    request: (_meeting, context) => ({
      method: 'POST',
      url: '/api/forums',
      payload: { name: `Nyt forum ${context.counter}` },
    }),
    expect: (actor) => adminAnswer(actor, 'forum.create'),
  },
  {
    route: 'PUT /api/forums/:id',
    scope: 'other',
    request: (_meeting, context) => ({
      method: 'PUT',
      url: `/api/forums/${context.forumId}`,
      payload: { name: 'Matrixforum', abbreviation: 'MF', members: [] },
    }),
    expect: (actor, meeting) => {
      const decision = authorize(actor.actor, 'forum.edit', {
        forumId: meeting.forumId,
        visibility: meeting.visibility,
        hidesContactDetails: false,
      });
      return decision.allowed ? 'ok' : decision.status;
    },
  },
  {
    route: 'POST /api/meetings',
    scope: 'other',
    request: (_meeting, context) => ({
      method: 'POST',
      url: '/api/meetings',
      payload: { forumId: context.forumId, date: freshDate() },
    }),
    expect: (actor, meeting) => {
      const decision = authorize(actor.actor, 'meeting.create', {
        forumId: meeting.forumId,
        visibility: meeting.visibility,
        hidesContactDetails: false,
      });
      return decision.allowed ? 'ok' : decision.status;
    },
  },
  // Reading a meeting: the read model's access decides (404 when it is not there for you).
  ...[
    'GET /api/meetings/:id',
    'GET /api/meetings/:id/workspace',
    'GET /api/meetings/:id/publications',
    'GET /api/meetings/:id/revisions',
  ].map(
    (route): RouteCase => ({
      route,
      scope: 'meeting',
      request: (meeting) =>
        json(route.split(' ')[1]?.replace(':id', String(meeting.meetingId)) ?? ''),
      expect: readMeeting,
    }),
  ),
  {
    route: 'GET /api/meetings/:id/deliveries',
    scope: 'meeting',
    request: (meeting) => json(`/api/meetings/${meeting.meetingId}/deliveries`),
    // Who was sent what is the forum's secretaries' business, as the preview is.
    expect: (actor, meeting) => policyAnswer(actor, 'meeting.preview', meeting),
  },
  // The public portal answers as the public, whoever asks: the app is where members see more.
  {
    route: 'GET /arkiv/moeder/:id',
    scope: 'meeting',
    request: (meeting) => json(`/arkiv/moeder/${meeting.meetingId}`),
    expect: (_actor, meeting) => readMeeting(anonymousMatrixActor, meeting),
  },
  {
    route: 'GET /arkiv/fora/:id',
    scope: 'meeting',
    request: (meeting) => json(`/arkiv/fora/${meeting.forumId}`),
    expect: (_actor, meeting) => (meeting.visibility === 'public' ? 'ok' : 404),
  },
  {
    route: 'GET /arkiv/sager/:caseNumber',
    scope: 'other',
    // No published meeting of a public forum carries this number.
    request: () => json('/arkiv/sager/15%2F13392'),
    expect: () => 404,
  },
  {
    route: 'GET /api/meetings/:id/document.:format',
    scope: 'meeting',
    request: (meeting) => json(`/api/meetings/${meeting.meetingId}/document.pdf?kind=agenda`),
    expect: readMeeting,
  },
  {
    route: 'GET /api/meetings/:id/combined.pdf',
    scope: 'meeting',
    request: (meeting) => json(`/api/meetings/${meeting.meetingId}/combined.pdf?kind=agenda`),
    expect: readMeeting,
  },
  {
    route: 'GET /api/meetings/:id/publications/:kind/:number/document.pdf',
    scope: 'meeting',
    request: (meeting) =>
      json(`/api/meetings/${meeting.meetingId}/publications/agenda/1/document.pdf`),
    // A draft has no published version: 404 for everyone.
    expect: (actor, meeting) => (meeting.status === 'draft' ? 404 : readMeeting(actor, meeting)),
  },
  {
    route: 'GET /api/meetings/:id/preview.pdf',
    scope: 'meeting',
    request: (meeting) => json(`/api/meetings/${meeting.meetingId}/preview.pdf`),
    expect: (actor, meeting) => policyAnswer(actor, 'meeting.preview', meeting),
  },
  {
    route: 'GET /api/attachments/:id',
    scope: 'meeting',
    needsAttachments: true,
    request: (meeting) => json(`/api/attachments/${meeting.attachmentId}`),
    expect: readMeeting,
  },
  {
    route: 'GET /api/attachments/:id',
    variant: 'lukket punkts bilag',
    scope: 'meeting',
    needsAttachments: true,
    request: (meeting) => json(`/api/attachments/${meeting.closedAttachmentId}`),
    expect: (actor, meeting) => {
      const access = meetingAccess(actor.actor, meeting.target);
      return access === 'member' || access === 'staff' ? 'ok' : 404;
    },
  },
  // Writing: the policy's role and lifecycle rules.
  ...meetingWrites(),
];

function meetingWrites(): RouteCase[] {
  const write = (
    route: string,
    action: PolicyAction,
    request: (meeting: MatrixMeeting) => MatrixRequest,
    extra: Partial<RouteCase> = {},
  ): RouteCase => ({
    route,
    scope: 'meeting',
    write: true,
    request,
    expect: (actor, meeting) => policyAnswer(actor, action, meeting),
    ...extra,
  });
  const post = (meeting: MatrixMeeting, path: string, payload?: unknown): MatrixRequest => ({
    method: 'POST',
    url: `/api/meetings/${meeting.meetingId}/${path}`,
    ...(payload === undefined ? {} : { payload }),
  });
  return [
    write('PATCH /api/meetings/:id', 'meeting.editDetails', (meeting) => ({
      method: 'PATCH',
      url: `/api/meetings/${meeting.meetingId}`,
      payload: { version: meeting.version, location: 'Byrådssalen' },
    })),
    write(
      'PUT /api/meetings/:id/order',
      'agenda.edit',
      (meeting) => ({
        method: 'PUT',
        url: `/api/meetings/${meeting.meetingId}/order`,
        payload: {
          itemIds: [meeting.firstItemId, meeting.closedItemId, meeting.openItemId],
        },
      }),
      { mayConflict: true },
    ),
    write('POST /api/meetings/:id/publish-agenda', 'agenda.publish', (m) =>
      post(m, 'publish-agenda'),
    ),
    write('POST /api/meetings/:id/start', 'meeting.start', (m) => post(m, 'start')),
    write('POST /api/meetings/:id/finish', 'meeting.finish', (m) => post(m, 'finish')),
    write('POST /api/meetings/:id/cancel', 'meeting.cancel', (m) =>
      post(m, 'cancel', { reason: 'Sygdom' }),
    ),
    write('DELETE /api/meetings/:id', 'meeting.delete', (meeting) => ({
      method: 'DELETE',
      url: `/api/meetings/${meeting.meetingId}`,
    })),
    write('POST /api/meetings/:id/publish-minutes', 'minutes.publish', (m) =>
      post(m, 'publish-minutes'),
    ),
    write('POST /api/meetings/:id/approve-minutes', 'minutes.approve', (m) =>
      post(m, 'approve-minutes'),
    ),
    write(
      'POST /api/meetings/:id/approve-previous',
      'minutes.approvePrevious',
      (m) => post(m, 'approve-previous'),
      // The meeting before may not have minutes to approve.
      { mayConflict: true },
    ),
    write('POST /api/meetings/:id/absences', 'attendance.record', (m) =>
      post(m, 'absences', { name: 'Ida Fravær' }),
    ),
    write('DELETE /api/meetings/:id/absences', 'attendance.record', (meeting) => ({
      method: 'DELETE',
      url: `/api/meetings/${meeting.meetingId}/absences?name=Ida`,
    })),
    write('POST /api/meetings/:id/items', 'agenda.edit', (m) =>
      post(m, 'items', { title: 'Nyt punkt' }),
    ),
    write('PATCH /api/items/:id', 'agenda.edit', (meeting) => ({
      method: 'PATCH',
      url: `/api/items/${meeting.openItemId}`,
      payload: { version: meeting.openItemVersion, title: 'Ny titel' },
    })),
    write(
      'PATCH /api/items/:id',
      'decision.enter',
      (meeting) => ({
        method: 'PATCH',
        url: `/api/items/${meeting.openItemId}`,
        payload: { version: meeting.openItemVersion, decision: 'Ny beslutning' },
      }),
      { variant: 'beslutning' },
    ),
    write('DELETE /api/items/:id', 'agenda.edit', (meeting) => ({
      method: 'DELETE',
      url: `/api/items/${meeting.openItemId}?version=${meeting.openItemVersion}`,
    })),
    write('POST /api/items/:id/corrections', 'item.correct', (meeting) => ({
      method: 'POST',
      url: `/api/items/${meeting.openItemId}/corrections`,
      payload: {
        version: meeting.openItemVersion,
        reason: 'Stavefejl',
        changes: { decision: 'Rettet beslutning' },
      },
    })),
    write('POST /api/items/:id/attachments', 'agenda.edit', (meeting) => ({
      method: 'POST',
      url: `/api/items/${meeting.openItemId}/attachments`,
      payload: attachmentUpload,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'bilag.docx' },
    })),
    write(
      'PUT /api/attachments/:id/access',
      'attachment.setAccess',
      (meeting) => ({
        method: 'PUT',
        url: `/api/attachments/${meeting.attachmentId}/access`,
        payload: { isPublic: true },
      }),
      { needsAttachments: true },
    ),
    write(
      'DELETE /api/attachments/:id',
      'agenda.edit',
      (meeting) => ({ method: 'DELETE', url: `/api/attachments/${meeting.attachmentId}` }),
      { needsAttachments: true },
    ),
  ];
}

let attachmentUpload: Buffer = Buffer.alloc(0);

describe.each(heavyTestDatabases())('the permission matrix on %s', (backend, openDatabase) => {
  let archive: Archive;
  let app: App;
  const headers = new Map<string, Record<string, string>>();
  let actors: MatrixActor[] = [];
  let forum = { forumId: 0, visibility: 'public' as const };
  let context: CaseContext;
  const readMeetings = new Map<MeetingStatus, MatrixMeeting>();
  const refusalMeetings = new Map<string, MatrixMeeting>();
  const rows: string[] = [];

  beforeAll(async () => {
    const { readFileSync } = await import('node:fs');
    attachmentUpload = readFileSync(
      new URL('./fixtures/minutes/chefforum-2018-10-11.docx', import.meta.url),
    );
    archive = await openArchiveOn(await openDatabase());
    app = await buildApp({ archive });
    const created = await createForum(archive, testAdministrator, {
      name: 'Matrixforum',
      abbreviation: 'MF',
      visibility: 'public',
    });
    const other = await createForum(archive, testAdministrator, {
      name: 'Andet forum',
      abbreviation: 'AF',
    });
    forum = { forumId: created.id, visibility: 'public' };
    actors = matrixActors(created.id, other.id);
    for (const entry of actors) {
      if (!entry.account) {
        headers.set(entry.name, { origin: 'http://localhost' });
        continue;
      }
      const signedIn = await signInAs(app, archive, {
        username: usernameOf(entry),
        ...entry.account,
      });
      headers.set(entry.name, signedIn);
    }
    await signInAs(app, archive, { username: 'maal-for-rettelser' });
    const users = (await app.inject({ url: '/api/users', headers: headers.get('administrator') }))
      .json()
      .find((user: { username: string }) => user.username === 'maal-for-rettelser');
    const asset = readdirSync(new URL('../app/dist/assets/', import.meta.url))[0] ?? '';
    context = { forumId: created.id, asset, userId: users.id, counter: 0 };
    for (const status of states)
      readMeetings.set(status, await makeMatrixMeeting(archive, forum, status, true));
  }, 120_000);
  afterAll(async () => {
    if (rows.length > 0) {
      const file = join(tmpdir(), `referat-permission-matrix-${backend}.md`);
      writeFileSync(
        file,
        `| rute | tilstand | ${actors.map((entry) => entry.name).join(' | ')} |\n|---|---|${actors.map(() => '---').join('|')}|\n${rows.join('\n')}\n`,
      );
    }
    await app?.close();
    await archive?.close();
  });

  it('has a rule for every route of the route table', () => {
    const covered = new Set(routeCases.map((entry) => entry.route));
    const missing = app.routeTable.filter((route) => !covered.has(route));
    expect(missing).toEqual([]);
    const unknown = [...covered].filter((route) => !app.routeTable.includes(route));
    expect(unknown).toEqual([]);
  });

  it('answers every route as the policy says, for every actor and lifecycle state', async () => {
    const mismatches: string[] = [];
    for (const routeCase of routeCases) {
      const stateList = routeCase.scope === 'meeting' ? states : (['held'] as MeetingStatus[]);
      for (const status of stateList) {
        const cells: string[] = [];
        for (const entry of actors) {
          const meeting = await meetingFor(routeCase, status, entry);
          const expected = routeCase.expect(entry, meeting);
          const answer = await send(routeCase, meeting, entry);
          cells.push(answer.status >= 200 && answer.status < 400 ? '✓' : String(answer.status));
          if (!matches(expected, answer.status, routeCase))
            mismatches.push(
              `${routeCase.route}${routeCase.variant ? ` (${routeCase.variant})` : ''} · ${status} · ${entry.name}: ventede ${expected}, fik ${answer.status} ${answer.body.slice(0, 160)}`,
            );
          if (routeCase.write && expected !== 'ok' && meeting.meetingId > 0)
            await expectUnchanged(meeting, mismatches, `${routeCase.route} · ${entry.name}`);
        }
        rows.push(
          `| ${routeCase.route}${routeCase.variant ? ` (${routeCase.variant})` : ''} | ${routeCase.scope === 'meeting' ? status : '–'} | ${cells.join(' | ')} |`,
        );
      }
    }
    expect(mismatches).toEqual([]);
  }, 600_000);

  it('keeps an internal forum from everyone outside it, on every read route', async () => {
    await setForumVisibility(archive, testAdministrator, 'Matrixforum', 'internal');
    const mismatches: string[] = [];
    try {
      for (const meeting of readMeetings.values()) {
        meeting.visibility = 'internal';
        meeting.target = { ...meeting.target, visibility: 'internal' };
        meeting.version = (
          await getWorkspace(archive, testAdministrator, meeting.meetingId)
        ).version;
      }
      for (const routeCase of routeCases.filter(
        (entry) => entry.scope === 'meeting' && !entry.write,
      ))
        for (const status of states) {
          const meeting = readMeetings.get(status);
          if (!meeting) continue;
          const cells: string[] = [];
          for (const entry of actors) {
            const expected = routeCase.expect(entry, meeting);
            const answer = await send(routeCase, meeting, entry);
            cells.push(answer.status >= 200 && answer.status < 400 ? '✓' : String(answer.status));
            if (!matches(expected, answer.status, routeCase))
              mismatches.push(
                `${routeCase.route} (internt) · ${status} · ${entry.name}: ventede ${expected}, fik ${answer.status}`,
              );
          }
          rows.push(
            `| ${routeCase.route}${routeCase.variant ? ` (${routeCase.variant})` : ''} (internt forum) | ${status} | ${cells.join(' | ')} |`,
          );
        }
      // Nobody outside the forum gets anything from an internal forum's meeting.
      const outsiders = actors.filter((entry) =>
        ['anonym', 'logget-ind', 'medlem-andet', 'sekretær-andet'].includes(entry.name),
      );
      for (const entry of outsiders)
        for (const meeting of readMeetings.values())
          expect(meetingAccess(entry.actor, meeting.target)).toBe('none');
    } finally {
      await setForumVisibility(archive, testAdministrator, 'Matrixforum', 'public');
    }
    expect(mismatches).toEqual([]);
  }, 300_000);

  /**
   * The meeting a case runs on: the shared one for reads; for writes a fresh one per allowed
   * actor (the write changes it), and one per route and state shared by the refused actors
   * (a refusal must leave it as it was, which expectUnchanged checks).
   */
  async function meetingFor(
    routeCase: RouteCase,
    status: MeetingStatus,
    entry: MatrixActor,
  ): Promise<MatrixMeeting> {
    const shared = readMeetings.get(status);
    if (!shared) throw new Error(`no meeting in ${status}`);
    if (!routeCase.write) return shared;
    const isAllowed = routeCase.expect(entry, shared) === 'ok';
    const key = `${routeCase.route} ${routeCase.variant ?? ''} ${status}`;
    const refusable = refusalMeetings.get(key);
    if (!isAllowed && refusable) return refusable;
    const fresh = await makeMatrixMeeting(
      archive,
      forum,
      status,
      routeCase.needsAttachments === true,
    );
    if (!isAllowed) refusalMeetings.set(key, fresh);
    return fresh;
  }

  async function send(routeCase: RouteCase, meeting: MatrixMeeting, entry: MatrixActor) {
    context.counter++;
    const request = routeCase.request(meeting, context);
    let actorHeaders = headers.get(entry.name) ?? {};
    // Signing out ends the session: do it with a session of its own.
    if (routeCase.route === 'DELETE /api/session' && entry.account)
      actorHeaders = await signInWithPassword(app, usernameOf(entry), testAccountPassword);
    const response = await app.inject({
      method: request.method,
      url: request.url,
      headers: { ...actorHeaders, ...request.headers },
      ...(request.payload === undefined
        ? {}
        : { payload: request.payload as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.body };
  }

  async function expectUnchanged(meeting: MatrixMeeting, mismatches: string[], label: string) {
    const now = await getWorkspace(archive, testAdministrator, meeting.meetingId).catch(() => null);
    if (!now) return;
    if (now.version !== meeting.version || now.status !== meeting.status)
      mismatches.push(
        `${label}: en afvist skrivning ændrede mødet (version ${meeting.version} → ${now.version})`,
      );
  }
});

/** An actor's account name: its matrix name in the letters usernames allow. */
function usernameOf(entry: MatrixActor): string {
  return entry.name.replaceAll('æ', 'ae');
}

function matches(expected: Expected, status: number, routeCase: RouteCase): boolean {
  if (expected === 'ok')
    return (status >= 200 && status < 400) || (routeCase.mayConflict === true && status === 409);
  return status === expected;
}
