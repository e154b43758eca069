import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { publishDecidedMeeting, sicknessDecisions } from '../../test/support/followup-meeting.ts';
import { type SignedInHeaders, signInAs } from '../../test/support/signed-in.ts';
import type { FollowupView, MeetingFollowups } from '../core/api-contract/followups.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { createForum, saveForum } from '../services/forum-service.ts';
import { deliverDueEvents } from '../services/outbox/outbox-worker.ts';
import { buildApp } from './app.ts';

type App = Awaited<ReturnType<typeof buildApp>>;
type Method = 'GET' | 'POST' | 'PATCH';

/**
 * Follow-ups over the API, on every backend: the secretary confirms, edits and rejects the
 * suggestions; a stale version is 409; the members read the lists; the public, even of a
 * public forum, reads none of it.
 */
describe.each(testDatabases())('the follow-up API on %s', (_name, openDatabase) => {
  let archive: Archive;
  let app: App;
  let forumId: number;
  let meetingId: number;
  let secretary: SignedInHeaders;
  let rikke: SignedInHeaders;
  let outsider: SignedInHeaders;

  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase(), { followups: true });
    app = await buildApp({ archive });
    forumId = (
      await createForum(archive, testAdministrator, {
        name: 'Chefforum',
        abbreviation: 'CF',
        visibility: 'public',
      })
    ).id;
    await saveForum(archive, testAdministrator, forumId, {
      name: 'Chefforum',
      abbreviation: 'CF',
      members: [
        { name: 'Rikke Blom', role: 'Direktør BSV' },
        { name: 'Jens Andersen', role: 'Kommunaldirektør' },
      ],
    });
    secretary = await signInAs(app, archive, {
      username: 'soeren',
      name: 'Søren Sekretær',
      forumRoles: [{ forumId, role: 'secretary' }],
    });
    rikke = await signInAs(app, archive, {
      username: 'rikke',
      name: 'Rikke Blom',
      forumRoles: [{ forumId, role: 'member' }],
    });
    outsider = await signInAs(app, archive, { username: 'udenfor', name: 'Ulla Udenfor' });
    // A meeting in the past: its deadlines have passed, so its open follow-ups are overdue.
    ({ meetingId } = await publishDecidedMeeting(
      archive,
      testAdministrator,
      forumId,
      '2025-06-04',
      sicknessDecisions,
    ));
    await deliverDueEvents(archive);
  });
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  const call = (headers: SignedInHeaders | null, method: Method, url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      ...(headers ? { headers } : {}),
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const meetingFollowups = async (headers: SignedInHeaders) =>
    (await call(headers, 'GET', `/api/meetings/${meetingId}/followups`)).json<MeetingFollowups>();

  it('answers a meeting’s follow-ups to its members, the suggestions to its secretaries only', async () => {
    const forSecretary = await meetingFollowups(secretary);
    expect(forSecretary.canManage).toBe(true);
    expect(forSecretary.suggestions).toHaveLength(4);
    expect(forSecretary.members).toEqual(['Rikke Blom', 'Jens Andersen']);
    const forMember = await meetingFollowups(rikke);
    expect(forMember).toMatchObject({ canManage: false, suggestions: [], members: [] });
    // A public forum's meeting is there for everyone, its follow-ups are not.
    expect((await call(null, 'GET', `/api/meetings/${meetingId}/followups`)).statusCode).toBe(401);
    const refused = await call(outsider, 'GET', `/api/meetings/${meetingId}/followups`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toBe('Det er kun for forummets medlemmer.');
    expect((await call(secretary, 'GET', '/api/meetings/999999/followups')).statusCode).toBe(404);
  });

  it('confirms a suggestion with edits, and refuses a member, bad input and a stale version', async () => {
    const [first] = (await meetingFollowups(secretary)).suggestions;
    if (!first) throw new Error('no suggestion');
    const url = `/api/followups/${first.id}/confirm`;
    expect((await call(rikke, 'POST', url, { version: first.version })).statusCode).toBe(403);
    expect((await call(null, 'POST', url, { version: first.version })).statusCode).toBe(403);
    const backwards = await call(secretary, 'POST', url, {
      version: first.version,
      due: { from: '2099-02-01', to: '2099-01-01' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error).toContain('fristens første dag skal ligge før den sidste');
    const confirmed = await call(secretary, 'POST', url, {
      version: first.version,
      title: 'Notat om sygefravær',
      owner: { name: 'Rikke Blom', kind: 'member' },
      due: { from: '2099-01-01', to: '2099-01-31' },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<FollowupView>()).toMatchObject({
      state: 'confirmed',
      title: 'Notat om sygefravær',
      due: { from: '2099-01-01', to: '2099-01-31' },
      isOverdue: false,
    });
    const stale = await call(secretary, 'PATCH', `/api/followups/${first.id}`, {
      version: first.version,
      title: 'Gammel udgave',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ title: 'Notat om sygefravær' });
    expect(
      (await call(secretary, 'POST', '/api/followups/999999/confirm', { version: 1 })).statusCode,
    ).toBe(404);
  });

  it('rejects a suggestion, and confirms the rest as they are', async () => {
    const { suggestions } = await meetingFollowups(secretary);
    const [toReject, ...rest] = suggestions;
    if (!toReject) throw new Error('no suggestion');
    const rejected = await call(secretary, 'POST', `/api/followups/${toReject.id}/reject`, {
      version: toReject.version,
      reason: 'Ikke en opgave',
    });
    expect(rejected.json()).toMatchObject({ state: 'rejected' });
    for (const entry of rest)
      expect(
        (
          await call(secretary, 'POST', `/api/followups/${entry.id}/confirm`, {
            version: entry.version,
          })
        ).statusCode,
      ).toBe(200);
    const after = await meetingFollowups(secretary);
    expect([after.suggestions.length, after.confirmed.length, after.rejected.length]).toEqual([
      0, 3, 1,
    ]);
  });

  it('lists one’s own, the forum’s open and overdue ones, and a case’s', async () => {
    const mine = await call(rikke, 'GET', '/api/me/followups');
    expect(mine.json<FollowupView[]>().map((entry) => entry.title)).toEqual([
      'Notat om sygefravær',
    ]);
    expect((await call(null, 'GET', '/api/me/followups')).statusCode).toBe(401);
    const overdue = await call(rikke, 'GET', `/api/forums/${forumId}/followups?status=overdue`);
    expect(overdue.json<FollowupView[]>().every((entry) => entry.isOverdue)).toBe(true);
    expect(overdue.json()).toHaveLength(2);
    const open = await call(rikke, 'GET', `/api/forums/${forumId}/followups`);
    expect(open.json()).toHaveLength(3);
    expect((await call(outsider, 'GET', `/api/forums/${forumId}/followups`)).statusCode).toBe(403);
    expect(
      (await call(rikke, 'GET', `/api/forums/${forumId}/followups?status=nogle`)).statusCode,
    ).toBe(400);
    const ofCase = await call(rikke, 'GET', '/api/cases/81.04.00-A00-1-31/followups');
    // The case's other follow-up (a return) was rejected: only the confirmed one shows.
    expect(ofCase.json<FollowupView[]>().map((entry) => [entry.item.title, entry.title])).toEqual([
      ['Sygefravær 1. kvartal', 'Notat om sygefravær'],
    ]);
    expect((await call(outsider, 'GET', '/api/cases/81.04.00-A00-1-31/followups')).json()).toEqual(
      [],
    );
    expect((await call(null, 'GET', '/api/cases/81.04.00-A00-1-31/followups')).statusCode).toBe(
      401,
    );
  });

  it('closes a follow-up with a note and shows its history to the members', async () => {
    const [notat] = (await call(rikke, 'GET', '/api/me/followups')).json<FollowupView[]>();
    if (!notat) throw new Error('no follow-up');
    const done = await call(secretary, 'PATCH', `/api/followups/${notat.id}`, {
      version: notat.version,
      status: 'done',
      note: 'Sendt til direktionen.',
    });
    expect(done.json()).toMatchObject({
      status: 'done',
      notes: [{ author: 'Søren Sekretær', text: 'Status: Udført. Sendt til direktionen.' }],
    });
    const detail = await call(rikke, 'GET', `/api/followups/${notat.id}`);
    expect(detail.json().history.map((entry: { action: string }) => entry.action)).toEqual([
      'suggest',
      'confirm',
      'status',
    ]);
    expect((await call(outsider, 'GET', `/api/followups/${notat.id}`)).statusCode).toBe(403);
    expect((await call(rikke, 'GET', '/api/me/followups')).json()).toEqual([]);
    expect((await call(rikke, 'GET', '/api/me/followups?status=all')).json()).toHaveLength(1);
  });
});
