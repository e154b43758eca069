import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { type SignedInHeaders, signInAs } from '../../test/support/signed-in.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { createForum } from '../services/forum-service.ts';
import { buildApp } from './app.ts';

type App = Awaited<ReturnType<typeof buildApp>>;
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Planning ahead through the API, on every backend, with the contract enforced. */
describe.each(testDatabases())('the planning-ahead API on %s', (_name, openDatabase) => {
  let archive: Archive;
  let app: App;
  let forumId: number;
  let secretary: SignedInHeaders;
  let member: SignedInHeaders;
  const anonymous = { origin: 'http://localhost' };
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    app = await buildApp({ archive });
    forumId = (
      await createForum(archive, testAdministrator, {
        name: 'Direktionen',
        abbreviation: 'DIR',
        visibility: 'public',
      })
    ).id;
    secretary = await signInAs(app, archive, {
      username: 'dorte',
      name: 'Dorte Sekretær',
      forumRoles: [{ forumId, role: 'secretary' }],
    });
    member = await signInAs(app, archive, {
      username: 'mads',
      forumRoles: [{ forumId, role: 'member' }],
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  const send = (headers: Record<string, string>, method: Method, url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
  const series = {
    pattern: { kind: 'weekly', weekday: 3, intervalWeeks: 2 },
    from: '2027-01-04',
    to: '2027-03-31',
    skipWeeks: [7],
    start: '09:00',
    location: 'Mødelokale 1',
  };

  it('previews a series, then creates it, and shows the year', async () => {
    const url = `/api/forums/${forumId}/meeting-series`;
    const preview = await send(secretary, 'POST', url, { ...series, dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().dates.map((entry: { date: string }) => entry.date)).toEqual([
      '2027-01-07',
      '2027-01-21',
      '2027-02-04',
      '2027-03-04',
      '2027-03-18',
    ]);
    expect(preview.json().skipped).toEqual([{ date: '2027-02-18', week: 7 }]);
    expect((await send(member, 'POST', url, { ...series, dryRun: true })).statusCode).toBe(403);
    expect((await send(anonymous, 'POST', url, series)).statusCode).toBe(401);
    const wrong = await send(secretary, 'POST', url, { ...series, to: '2026-12-01' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toBe('Slutdatoen ligger før startdatoen.');
    const invalid = await send(secretary, 'POST', url, { ...series, skipWeeks: [60] });
    expect(invalid.statusCode).toBe(400);

    const created = await send(secretary, 'POST', url, series);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ isDryRun: false, createdCount: 5 });

    const year = await send(secretary, 'GET', `/api/forums/${forumId}/year/2027`);
    expect(year.statusCode).toBe(200);
    expect(year.json().months[0].meetings.map((meeting: { date: string }) => meeting.date)).toEqual(
      ['2027-01-07', '2027-01-21'],
    );
    expect((await send(member, 'GET', `/api/forums/${forumId}/year/2027`)).statusCode).toBe(200);
    expect((await send(anonymous, 'GET', `/api/forums/${forumId}/year/2027`)).statusCode).toBe(401);
    expect((await send(secretary, 'GET', `/api/forums/${forumId}/year/1999`)).statusCode).toBe(400);
    expect((await send(secretary, 'GET', '/api/forums/999999/year/2027')).statusCode).toBe(404);
  });

  it('keeps the punktbank, offers it to the agenda and takes an item in', async () => {
    const year = (await send(secretary, 'GET', `/api/forums/${forumId}/year/2027`)).json();
    const meetingId = year.months[0].meetings[1].id;
    const added = await send(secretary, 'POST', `/api/forums/${forumId}/planned-items`, {
      title: 'Arbejdsmiljø',
      durationMinutes: 20,
      meetingId,
    });
    expect(added.statusCode).toBe(201);
    const plannedId = added.json().id;
    expect(
      (await send(member, 'POST', `/api/forums/${forumId}/planned-items`, { title: 'X' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await send(secretary, 'POST', `/api/forums/${forumId}/planned-items`, { title: ' ' }))
        .statusCode,
    ).toBe(400);
    const list = await send(member, 'GET', `/api/forums/${forumId}/planned-items`);
    expect(list.statusCode).toBe(200);
    expect(list.json()[0]).toMatchObject({ title: 'Arbejdsmiljø', meeting: null });
    const offered = await send(secretary, 'GET', `/api/meetings/${meetingId}/planned-items`);
    expect(offered.json().map((item: { id: number }) => item.id)).toEqual([plannedId]);
    expect((await send(member, 'GET', `/api/meetings/${meetingId}/planned-items`)).statusCode).toBe(
      404,
    );
    const patched = await send(secretary, 'PATCH', `/api/planned-items/${plannedId}`, {
      note: 'Med HR',
    });
    expect(patched.json()).toMatchObject({ note: 'Med HR', meeting: { id: meetingId } });

    const taken = await send(secretary, 'POST', `/api/planned-items/${plannedId}/take`, {
      meetingId,
    });
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({
      plannedItem: { isTaken: true },
      item: { title: 'Arbejdsmiljø', durationMinutes: 20, background: 'Med HR' },
    });
    const twice = await send(secretary, 'POST', `/api/planned-items/${plannedId}/take`, {
      meetingId,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatch(/allerede taget ind/u);

    const itemId = taken.json().item.id;
    const returned = await send(secretary, 'POST', `/api/forums/${forumId}/planned-returns`, {
      itemId,
      due: { from: '2027-03-01', to: '2027-03-10' },
    });
    expect(returned.statusCode).toBe(201);
    expect(returned.json()).toMatchObject({ source: 'return', meeting: { date: '2027-03-04' } });
    const backwards = await send(secretary, 'POST', `/api/forums/${forumId}/planned-returns`, {
      itemId,
      due: { from: '2027-03-10', to: '2027-03-01' },
    });
    expect(backwards.statusCode).toBe(400);
    const removed = await send(secretary, 'DELETE', `/api/planned-items/${returned.json().id}`);
    expect(removed.json()).toEqual({ deleted: true });
    expect(
      (await send(secretary, 'DELETE', `/api/planned-items/${returned.json().id}`)).statusCode,
    ).toBe(404);
  });

  it('keeps the annual cycle, applies it and draws the årshjul', async () => {
    const base = `/api/forums/${forumId}`;
    const added = await send(secretary, 'POST', `${base}/recurring-items`, {
      title: 'Sygefraværsstatistik',
      rule: { kind: 'quarterly' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ ruleLabel: 'hvert kvartal' });
    const recurringId = added.json().id;
    const changed = await send(secretary, 'PUT', `/api/recurring-items/${recurringId}`, {
      title: 'Sygefravær',
      rule: { kind: 'months', months: [1, 3] },
    });
    expect(changed.json()).toMatchObject({ title: 'Sygefravær', ruleLabel: 'i januar og marts' });
    expect(
      (
        await send(secretary, 'POST', `${base}/recurring-items`, {
          title: 'X',
          rule: { kind: 'months', months: [] },
        })
      ).statusCode,
    ).toBe(400);
    const settings = await send(secretary, 'PUT', `${base}/annual-cycle/settings`, {
      showsAnnualWheel: true,
    });
    expect(settings.json()).toMatchObject({ showsAnnualWheel: true });
    expect((await send(member, 'GET', `${base}/annual-cycle`)).json().items).toHaveLength(1);
    expect(
      (await send(member, 'PUT', `${base}/annual-cycle/settings`, { showsAnnualWheel: false }))
        .statusCode,
    ).toBe(403);

    const applied = await send(secretary, 'POST', `${base}/annual-cycle/2027/apply`);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ createdCount: 2, waiting: [] });
    expect((await send(member, 'POST', `${base}/annual-cycle/2027/apply`)).statusCode).toBe(403);

    const wheel = await send(member, 'GET', `${base}/annual-wheel/2027.svg`);
    expect(wheel.statusCode).toBe(200);
    expect(wheel.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(wheel.body).toContain('Årshjul 2027 for Direktionen');
    expect((await send(anonymous, 'GET', `${base}/annual-wheel/2027.svg`)).statusCode).toBe(401);
    expect((await send(secretary, 'GET', `${base}/annual-wheel/20x7.svg`)).statusCode).toBe(400);

    const deleted = await send(secretary, 'DELETE', `/api/recurring-items/${recurringId}`);
    expect(deleted.json()).toEqual({ deleted: true });
    expect(app.contractViolations).toEqual([]);
  });
});
