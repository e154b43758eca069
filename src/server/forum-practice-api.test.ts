import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { readRealMeeting } from '../../test/support/meeting-fixtures.ts';
import { type SignedInHeaders, signInAs } from '../../test/support/signed-in.ts';
import { domainTheoryPurposes } from '../core/forum-practice.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { storeMeeting } from '../services/import-service.ts';
import { findForumIdByName } from '../store/forum-store.ts';
import { buildApp } from './app.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

/**
 * A forum's own way of working through the API, on every backend: its secretary sets its
 * purposes and standing items, new agendas get the standing items, and an item's purpose must
 * be one of the forum's (refused with 400 in Danish otherwise).
 */
describe.each(testDatabases())('a forum’s purposes and standing items on %s', (_name, open) => {
  let archive: Archive;
  let app: App;
  let forumId: number;
  let secretary: SignedInHeaders;
  let member: SignedInHeaders;
  let administrator: SignedInHeaders;
  let meetingId: number;
  beforeAll(async () => {
    archive = await openArchiveOn(await open());
    await storeMeeting(archive, testAdministrator, readRealMeeting('chefforum-2018-10-11'));
    app = await buildApp({ archive });
    forumId = (await findForumIdByName(archive.database.db, 'Chefforum')) ?? 0;
    secretary = await signInAs(app, archive, {
      username: 'sanne',
      name: 'Sanne Sekretær',
      forumRoles: [{ forumId, role: 'secretary' }],
    });
    member = await signInAs(app, archive, {
      username: 'mads',
      name: 'Mads Medlem',
      forumRoles: [{ forumId, role: 'member' }],
    });
    administrator = await signInAs(app, archive, { username: 'anne', isAdministrator: true });
    // PGlite starts a whole PostgreSQL, and each account hashes its password with argon2.
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
  const send = (headers: SignedInHeaders, method: Method, url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers,
    });
  const chefforum = async () =>
    (await send(secretary, 'GET', '/api/forums'))
      .json()
      .find((forum: { id: number }) => forum.id === forumId);
  const saveChefforum = async (headers: SignedInHeaders, changes: object) => {
    const forum = await chefforum();
    return send(headers, 'PUT', `/api/forums/${forumId}`, {
      name: forum.name,
      abbreviation: forum.abbreviation,
      members: forum.members,
      ...changes,
    });
  };
  const workspaceItems = async (id: number) =>
    (await send(secretary, 'GET', `/api/meetings/${id}/workspace`)).json().items as Array<{
      id: number;
      version: number;
      number: number;
      title: string;
      durationMinutes: number | null;
      purpose: string | null;
    }>;

  it('starts a forum with the three classic purposes and no standing items', async () => {
    expect(await chefforum()).toMatchObject({
      purposes: ['Orientering', 'Drøftelse', 'Beslutning'],
      standingItems: [],
    });
  });

  it('lets the secretary save the purposes and standing items, and no member', async () => {
    const standingItems = [
      { title: 'Aktuelle og pludseligt opståede emner', durationMinutes: 30, purpose: 'Debattere' },
      { title: 'Hvad skal kommunikeres ud til afdelingerne?', durationMinutes: 10, purpose: null },
    ];
    const refused = await saveChefforum(member, {
      purposes: [...domainTheoryPurposes],
      standingItems,
    });
    expect(refused.statusCode).toBe(403);
    const saved = await saveChefforum(secretary, {
      purposes: [...domainTheoryPurposes],
      standingItems,
    });
    expect(saved.statusCode).toBe(200);
    expect(await chefforum()).toMatchObject({ purposes: domainTheoryPurposes, standingItems });
  });

  it('refuses a standing item whose purpose the forum does not have, in Danish', async () => {
    const answer = await saveChefforum(secretary, {
      standingItems: [{ title: 'Status', durationMinutes: 15, purpose: 'Beslutning' }],
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error).toBe('Det faste punkt "Status" har et formål, forummet ikke har.');
  });

  it('refuses an empty purpose list and a purpose given twice', async () => {
    const none = await saveChefforum(secretary, { purposes: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatch(/mindst ét formål/u);
    const twice = await saveChefforum(secretary, { purposes: ['Afdække', 'afdække'] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error).toMatch(/to gange/u);
    expect((await chefforum()).purposes).toEqual(domainTheoryPurposes);
  });

  it('puts the standing items on a new agenda between item 1 and Evt., with time and purpose', async () => {
    const created = await send(secretary, 'POST', '/api/meetings', {
      forumId,
      date: '2018-11-08',
    });
    expect(created.statusCode).toBe(201);
    meetingId = created.json().id;
    expect(
      (await workspaceItems(meetingId)).map((item) => [
        item.number,
        item.title,
        item.durationMinutes,
        item.purpose,
      ]),
    ).toEqual([
      [1, 'Godkendelse af dagsorden og referat', null, null],
      [2, 'Aktuelle og pludseligt opståede emner', 30, 'Debattere'],
      [3, 'Hvad skal kommunikeres ud til afdelingerne?', 10, null],
      [4, 'Evt.', null, null],
    ]);
    expect(created.json().forum.purposes).toEqual(domainTheoryPurposes);
  });

  it('refuses an item purpose outside the forum’s list with 400 in Danish', async () => {
    const refused = await send(secretary, 'POST', `/api/meetings/${meetingId}/items`, {
      title: 'Budget 2019',
      purpose: 'Beslutning',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toBe(
      'Formålet "Beslutning" findes ikke i forummet. Vælg et af: Udvikle, Afdække, Undersøge muligheder, Debattere, Informere, Beslutte.',
    );
    // An old key means its word, which this forum does not have either.
    const oldKey = await send(secretary, 'POST', `/api/meetings/${meetingId}/items`, {
      title: 'Budget 2019',
      purpose: 'beslutning',
    });
    expect(oldKey.statusCode).toBe(400);
    expect((await workspaceItems(meetingId)).map((item) => item.title)).not.toContain(
      'Budget 2019',
    );
    const added = await send(secretary, 'POST', `/api/meetings/${meetingId}/items`, {
      title: 'Budget 2019',
      purpose: 'Afdække',
      durationMinutes: 20,
    });
    expect(added.statusCode).toBe(201);
    const item = added.json();
    expect(item).toMatchObject({ number: 4, purpose: 'Afdække' });
    const changed = await send(secretary, 'PATCH', `/api/items/${item.id}`, {
      version: item.version,
      purpose: 'Gætteri',
    });
    expect(changed.statusCode).toBe(400);
    expect(changed.json().error).toMatch(/^Formålet "Gætteri" findes ikke i forummet\./u);
  });

  it('lets an item keep a purpose the forum has since dropped, but not take it anew', async () => {
    const saved = await saveChefforum(secretary, {
      purposes: ['Udvikle', 'Debattere', 'Informere', 'Beslutte'],
    });
    expect(saved.statusCode).toBe(200);
    const item = (await workspaceItems(meetingId)).find((entry) => entry.title === 'Budget 2019');
    if (!item) throw new Error('the item is missing');
    const kept = await send(secretary, 'PATCH', `/api/items/${item.id}`, {
      version: item.version,
      title: 'Budget 2019 og 2020',
      purpose: 'Afdække',
    });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ title: 'Budget 2019 og 2020', purpose: 'Afdække' });
    const another = await send(secretary, 'POST', `/api/meetings/${meetingId}/items`, {
      title: 'Ny sag',
      purpose: 'Afdække',
    });
    expect(another.statusCode).toBe(400);
  });

  it('keeps the classic purposes of a new forum, where the old keys still mean them', async () => {
    const created = await send(administrator, 'POST', '/api/forums', { name: 'Direktionen' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      purposes: ['Orientering', 'Drøftelse', 'Beslutning'],
      standingItems: [],
    });
    const meeting = await send(administrator, 'POST', '/api/meetings', {
      forumId: created.json().id,
      date: '2018-11-09',
    });
    const added = await send(administrator, 'POST', `/api/meetings/${meeting.json().id}/items`, {
      title: 'Sygefravær',
      purpose: 'droftelse',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().purpose).toBe('Drøftelse');
  });
});
