import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { readRealMeeting } from '../../test/support/meeting-fixtures.ts';
import { type SignedInHeaders, signInAs } from '../../test/support/signed-in.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { storeMeeting } from '../services/import-service.ts';
import { findForumIdByName } from '../store/forum-store.ts';
import { buildApp } from './app.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

/** The whole meeting cycle through the API, on every backend. */
describe.each(testDatabases())('the planning API on %s', (_name, openDatabase) => {
  let archive: Archive;
  let app: App;
  let forumId: number;
  let meetingId: number;
  let itemId: number;
  let secretary: SignedInHeaders;
  let administrator: SignedInHeaders;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    await storeMeeting(archive, testAdministrator, readRealMeeting('chefforum-2018-10-11'));
    app = await buildApp({ archive });
    const chefforum = (await findForumIdByName(archive.database.db, 'Chefforum')) ?? 0;
    secretary = await signInAs(app, archive, {
      username: 'soeren',
      name: 'Søren Sekretær',
      forumRoles: [{ forumId: chefforum, role: 'secretary' }],
    });
    administrator = await signInAs(app, archive, { username: 'anne', isAdministrator: true });
  });
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  const sendAs = (headers: SignedInHeaders, method: Method, url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as object }),
      headers,
    });
  const send = (method: Method, url: string, body?: unknown) =>
    sendAs(secretary, method, url, body);

  it('sets up a forum with members and roles', async () => {
    const forums = (await send('GET', '/api/forums')).json();
    forumId = forums.find((forum: { name: string }) => forum.name === 'Chefforum').id;
    const saved = await send('PUT', `/api/forums/${forumId}`, {
      name: 'Chefforum',
      abbreviation: 'CF',
      members: [
        { name: 'Jens Andersen', role: 'Kommunaldirektør' },
        { name: 'Lise Holm', role: 'Chef for Økonomi' },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      abbreviation: 'CF',
      members: [{ name: 'Jens Andersen' }, { name: 'Lise Holm' }],
    });
    const [meeting] = (await send('GET', '/api/meetings')).json();
    await send('GET', `/api/meetings/${meeting.id}`);
    const renamed = await send('PUT', `/api/forums/${forumId}`, {
      name: 'Chefforum 2',
      members: [],
    });
    expect(renamed.statusCode).toBe(200);
    expect((await send('GET', `/api/meetings/${meeting.id}`)).json().forum).toBe('Chefforum 2');
    await send('PUT', `/api/forums/${forumId}`, {
      name: 'Chefforum',
      abbreviation: 'CF',
      members: saved.json().members,
    });
    const notAdministrator = await send('POST', '/api/forums', { name: 'Direktionen' });
    expect(notAdministrator.statusCode).toBe(403);
    const duplicate = await sendAs(administrator, 'POST', '/api/forums', { name: 'Chefforum' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatch(/findes allerede/u);
  });

  it('creates a meeting with the standard items, naming the previous meeting', async () => {
    const response = await send('POST', '/api/meetings', {
      forumId,
      date: '2018-11-08',
      start: '09:00',
      location: 'Mødelokale 1',
    });
    expect(response.statusCode).toBe(201);
    const workspace = response.json();
    meetingId = workspace.id;
    expect(workspace.status).toBe('draft');
    expect(workspace.previousMeeting.date).toBe('2018-10-11');
    expect(workspace.items.map((item: { title: string }) => item.title)).toEqual([
      'Godkendelse af dagsorden og referat',
      'Evt.',
    ]);
    expect(workspace.items[0].recommendation.points.join(' ')).toContain('11. oktober 2018');
    expect(workspace.items.every((item: { isStandard: boolean }) => item.isStandard)).toBe(true);
    const moved = await send('PATCH', `/api/meetings/${meetingId}`, {
      version: workspace.version,
      location: 'Byrådssalen',
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ location: 'Byrådssalen', start: '09:00' });
    const staleMove = await send('PATCH', `/api/meetings/${meetingId}`, {
      version: workspace.version,
      location: 'Kantinen',
    });
    expect(staleMove.statusCode).toBe(409);
    const noMinutes = await send('GET', `/api/meetings/${meetingId}/document.pdf?kind=minutes`);
    expect(noMinutes.statusCode).toBe(409);
    expect(noMinutes.json().error).toMatch(/ikke udsendt/u);
    const twice = await send('POST', '/api/meetings', { forumId, date: '2018-11-08' });
    expect(twice.statusCode).toBe(409);
    const badDate = await send('POST', '/api/meetings', { forumId, date: '8/11' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error).toMatch(/dato/u);
  });

  it('adds items before Evt. and adds up the time plan', async () => {
    const first = await send('POST', `/api/meetings/${meetingId}/items`, {
      title: 'Budget 2019',
      purpose: 'beslutning',
      durationMinutes: 30,
    });
    expect(first.statusCode).toBe(201);
    itemId = first.json().id;
    await send('POST', `/api/meetings/${meetingId}/items`, {
      title: 'Sygefravær',
      purpose: 'orientering',
      durationMinutes: 15,
    });
    const workspace = (await send('GET', `/api/meetings/${meetingId}/workspace`)).json();
    expect(
      workspace.items.map(
        (item: { number: number; title: string }) => `${item.number} ${item.title}`,
      ),
    ).toEqual(['1 Godkendelse af dagsorden og referat', '2 Budget 2019', '3 Sygefravær', '4 Evt.']);
    expect(workspace.timePlan).toEqual({ totalMinutes: 45, itemsWithoutTime: 2, endsAt: '09:45' });
  });

  it('saves an item with its version, and answers a stale save with 409 and both versions', async () => {
    const item = (await send('GET', `/api/meetings/${meetingId}/workspace`)).json().items[1];
    const saved = await send('PATCH', `/api/items/${itemId}`, {
      version: item.version,
      caseNumber: '00.30.00-S00-1-18',
      background: 'Økonomiudvalget har bedt om en status.',
      presentation: '| Område | Beløb |\n|---|---|\n| Skole | 12 |',
      recommendation: { proposer: 'Kommunaldirektøren', points: ['at budgettet godkendes'] },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: item.version + 1,
      caseNumber: '00.30.00-S00-1-18',
    });
    const stale = await send('PATCH', `/api/items/${itemId}`, {
      version: item.version,
      title: 'Budget 2019 (ny titel)',
    });
    expect(stale.statusCode).toBe(409);
    const conflict = stale.json();
    expect(conflict.error).toMatch(/ændret af en anden/u);
    expect(conflict.yours.title).toBe('Budget 2019 (ny titel)');
    expect(conflict.current.title).toBe('Budget 2019');
    expect(conflict.current.background).toBe('Økonomiudvalget har bedt om en status.');
  });

  it('lets exactly one of two simultaneous saves of the same version win', async () => {
    const item = (await send('GET', `/api/meetings/${meetingId}/workspace`)).json().items[1];
    const answers = await Promise.all(
      ['Første samtidige', 'Anden samtidige'].map((presentation) =>
        send('PATCH', `/api/items/${item.id}`, { version: item.version, presentation }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const stored = (await send('GET', `/api/meetings/${meetingId}/workspace`)).json().items[1];
    expect(stored.version).toBe(item.version + 1);
    const loser = answers.find((answer) => answer.statusCode === 409)?.json();
    expect(loser.current.presentation).toBe(stored.presentation);
    await send('PATCH', `/api/items/${item.id}`, {
      version: stored.version,
      presentation: '| Område | Beløb |\n|---|---|\n| Skole | 12 |',
    });
  });

  it('deletes an item with its current version only, and never a standard item', async () => {
    const added = (
      await send('POST', `/api/meetings/${meetingId}/items`, { title: 'Slettes' })
    ).json();
    const stale = await send('DELETE', `/api/items/${added.id}?version=${added.version - 1}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.title).toBe('Slettes');
    expect(
      (await send('DELETE', `/api/items/${added.id}?version=${added.version}`)).statusCode,
    ).toBe(204);
    const workspace = (await send('GET', `/api/meetings/${meetingId}/workspace`)).json();
    expect(workspace.items.map((item: { title: string }) => item.title)).not.toContain('Slettes');
    expect(workspace.items.map((item: { number: number }) => item.number)).toEqual([1, 2, 3, 4]);
    const first = workspace.items[0];
    const standard = await send('DELETE', `/api/items/${first.id}?version=${first.version}`);
    expect(standard.statusCode).toBe(400);
    expect(standard.json().error).toMatch(/Standardpunkterne/u);
  });

  it('reorders items and keeps the standard items first and last', async () => {
    const items = (await send('GET', `/api/meetings/${meetingId}/workspace`)).json().items;
    const ids = items.map((item: { id: number }) => item.id);
    const reordered = await send('PUT', `/api/meetings/${meetingId}/order`, {
      itemIds: [ids[3], ids[2], ids[1], ids[0]],
    });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().items.map((item: { title: string }) => item.title)).toEqual([
      'Godkendelse af dagsorden og referat',
      'Sygefravær',
      'Budget 2019',
      'Evt.',
    ]);
    const incomplete = await send('PUT', `/api/meetings/${meetingId}/order`, { itemIds: [ids[0]] });
    expect(incomplete.statusCode).toBe(409);
  });

  it('takes PDF, DOCX and XLSX Bilag by content, and refuses other files and large ones', async () => {
    const upload = (bytes: Buffer, name: string, type = 'application/octet-stream') =>
      app.inject({
        method: 'POST',
        url: `/api/items/${itemId}/attachments?title=${encodeURIComponent('Budgetoversigt')}`,
        payload: bytes,
        headers: { ...secretary, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
      });
    const damaged = await upload(
      Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
      'oversigt.pdf',
      'application/pdf',
    );
    expect(damaged.statusCode).toBe(415);
    expect(damaged.json().error).toMatch(/PDF-filen/u);
    const pdf = await upload(
      readFileSync(
        new URL('../../test/fixtures/minutes/chefforum-2017-06-14.pdf', import.meta.url),
      ),
      'oversigt.pdf',
      'application/pdf',
    );
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ title: 'Budgetoversigt', fileName: 'oversigt.pdf' });
    const download = await send('GET', pdf.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.body.startsWith('%PDF-')).toBe(true);
    const png = await upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'billede.pdf');
    expect(png.statusCode).toBe(415);
    expect(png.json().error).toMatch(/PDF, Word/u);
    const large = await upload(
      Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(26 * 1024 * 1024)]),
      'stor.pdf',
    );
    expect(large.statusCode).toBe(413);
    expect(large.json().error).toMatch(/25 MB/u);
  });

  it('publishes the agenda, and a republication keeps the first and says what changed', async () => {
    const preview = await send('GET', `/api/meetings/${meetingId}/preview.pdf?kind=agenda`);
    expect(preview.headers['content-type']).toBe('application/pdf');
    const first = await send('POST', `/api/meetings/${meetingId}/publish-agenda`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ number: 1, changes: [] });
    const item = (await send('GET', `/api/meetings/${meetingId}/workspace`)).json().items[2];
    await send('PATCH', `/api/items/${item.id}`, { version: item.version, durationMinutes: 45 });
    const second = (await send('POST', `/api/meetings/${meetingId}/publish-agenda`)).json();
    expect(second.number).toBe(2);
    expect(second.changes).toEqual([
      { number: 3, title: 'Budget 2019', change: 'changed', fields: ['Tid'] },
    ]);
    const history = (await send('GET', `/api/meetings/${meetingId}/publications`)).json();
    expect(history.map((entry: { number: number }) => entry.number)).toEqual([1, 2]);
    const oldVersion = await send(
      'GET',
      `/api/meetings/${meetingId}/publications/agenda/1/document.pdf`,
    );
    expect(oldVersion.statusCode).toBe(200);
  });

  it('holds the meeting: decisions, absence for the whole meeting, then minutes', async () => {
    const early = await send('POST', `/api/meetings/${meetingId}/publish-minutes`);
    expect(early.statusCode).toBe(409);
    expect((await send('POST', `/api/meetings/${meetingId}/start`)).json().status).toBe(
      'in_progress',
    );
    const absent = await send('POST', `/api/meetings/${meetingId}/absences`, {
      name: 'Lise Holm',
      role: 'Chef for Økonomi',
    });
    expect(
      absent
        .json()
        .items.every((item: { absent: Array<{ name: string }> }) =>
          item.absent.some((entry) => entry.name === 'Lise Holm'),
        ),
    ).toBe(true);
    const item = absent.json().items.find((entry: { id: number }) => entry.id === itemId);
    const phrase = absent.json().decisionPhrases[0];
    expect(phrase).toBe('Chefforum godkendte indstillingen.');
    const decided = await send('PATCH', `/api/items/${itemId}`, {
      version: item.version,
      decision: `${phrase} Kassebeholdningen følges kvartalsvis.`,
    });
    expect(decided.statusCode).toBe(200);
    const underWay = await send('POST', `/api/meetings/${meetingId}/publish-minutes`);
    expect(underWay.statusCode).toBe(409);
    const finished = await send('POST', `/api/meetings/${meetingId}/finish`);
    expect(finished.json()).toMatchObject({ status: 'held', statusLabel: 'Afholdt' });
    const published = await send('POST', `/api/meetings/${meetingId}/publish-minutes`);
    expect(published.statusCode).toBe(200);
    const meeting = (await send('GET', `/api/meetings/${meetingId}`)).json();
    expect(meeting).toMatchObject({ kind: 'minutes', status: 'minutes_published' });
    expect(meeting.items[2].absent).toEqual([{ name: 'Lise Holm', role: 'Chef for Økonomi' }]);
    const pdf = await send('GET', `/api/meetings/${meetingId}/document.pdf`);
    expect(pdf.headers['content-disposition']).toContain('referat-chefforum-2018-11-08.pdf');
    const agenda = await send('GET', `/api/meetings/${meetingId}/document.docx?kind=agenda`);
    expect(agenda.headers['content-disposition']).toContain('dagsorden-chefforum-2018-11-08.docx');
    const hits = (
      await send('GET', `/api/search?q=${encodeURIComponent('kassebeholdningen')}`)
    ).json();
    expect(hits[0]).toMatchObject({ meeting: { id: meetingId }, item: { title: 'Budget 2019' } });
  });

  it('approves the minutes from item 1 of the next meeting; then they are locked', async () => {
    const next = (await send('POST', '/api/meetings', { forumId, date: '2018-12-06' })).json();
    const tooEarly = await send('POST', `/api/meetings/${next.id}/approve-previous`);
    expect(tooEarly.statusCode).toBe(409);
    await send('POST', `/api/meetings/${next.id}/publish-agenda`);
    await send('POST', `/api/meetings/${next.id}/start`);
    const approved = await send('POST', `/api/meetings/${next.id}/approve-previous`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().items[0].decision).toBe(
      'Referatet fra mødet d. 8. november 2018 blev godkendt.',
    );
    const workspace = (await send('GET', `/api/meetings/${meetingId}/workspace`)).json();
    expect(workspace.status).toBe('minutes_approved');
    expect(workspace.permissions.isLocked).toBe(true);
    const item = workspace.items.find((entry: { id: number }) => entry.id === itemId);
    const locked = await send('PATCH', `/api/items/${itemId}`, {
      version: item.version,
      decision: 'Ny tekst',
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error).toMatch(/låst/u);
    const noReason = await send('POST', `/api/items/${itemId}/corrections`, {
      version: item.version,
      reason: ' ',
      changes: { decision: 'Rettet tekst' },
    });
    expect(noReason.statusCode).toBe(400);
    const corrected = await send('POST', `/api/items/${itemId}/corrections`, {
      version: item.version,
      reason: 'Stavefejl i beslutningen',
      changes: { decision: 'Chefforum godkendte indstillingen.' },
    });
    expect(corrected.statusCode).toBe(200);
    // The correction is a new published version of the minutes, with its reason.
    const versions = (await send('GET', `/api/meetings/${meetingId}/publications`)).json();
    const minutes = versions.filter((entry: { kind: string }) => entry.kind === 'minutes');
    expect(minutes.map((entry: { number: number }) => entry.number)).toEqual([1, 2]);
    expect(minutes[1]).toMatchObject({ reason: 'Stavefejl i beslutningen' });
    expect(minutes[1].changes.length).toBeGreaterThan(0);
    const revisions = (await send('GET', `/api/meetings/${meetingId}/revisions`)).json();
    expect(revisions[0]).toMatchObject({
      action: 'correction',
      reason: 'Stavefejl i beslutningen',
      author: 'Søren Sekretær',
    });
    const actions = revisions.map((revision: { action: string }) => revision.action);
    for (const action of [
      'create',
      'update',
      'reorder',
      'publish_agenda',
      'start_meeting',
      'add_absence',
      'publish_minutes',
      'approve_minutes',
    ])
      expect(actions).toContain(action);
  });

  it('never fails with a server error when two publish the same agenda at once', async () => {
    const meeting = (await send('POST', '/api/meetings', { forumId, date: '2019-01-10' })).json();
    const answers = await Promise.all(
      [1, 2].map(() => send('POST', `/api/meetings/${meeting.id}/publish-agenda`)),
    );
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses).toContain(200);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    const history = (await send('GET', `/api/meetings/${meeting.id}/publications`)).json();
    const numbers = history.map((entry: { number: number }) => entry.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('answers unknown ids and bad bodies in Danish without a stack', async () => {
    const missing = await send('PATCH', '/api/items/999999', { version: 1, title: 'x' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('Punktet findes ikke.');
    const noMeeting = await send('GET', '/api/meetings/999999/revisions');
    expect(noMeeting.statusCode).toBe(404);
    expect(noMeeting.json().error).toBe('Mødet findes ikke.');
    const empty = await send('PATCH', `/api/items/${itemId}`, { version: 1, title: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatch(/titlen må ikke være tom/u);
    expect(empty.body).not.toMatch(/at .*\.ts:/u);
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/meetings',
      payload: '{bad',
      headers: { ...secretary, 'content-type': 'application/json' },
    });
    expect(badJson.json()).toEqual({ error: 'Forespørgslens JSON kan ikke læses.' });
    const noForum = await send('POST', '/api/meetings', { date: '2026-12-01' });
    expect(noForum.json().error).toBe(
      'Ugyldig forespørgsel: forumId: Ugyldigt input: forventede tal, fik undefined',
    );
    const badAddress = await send('GET', '/api/cases/%E0%A4%A');
    expect(badAddress.statusCode).toBe(400);
    expect(badAddress.json()).toEqual({ error: 'Adressen er ugyldig.' });
  });
});
