import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, signInWithPassword, testAccountPassword } from '../../test/support/signed-in.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { loadDemoDataIfEmpty } from '../services/demo-data.ts';
import { openSqliteFile } from '../store/database.ts';
import { buildApp } from './app.ts';

describe('the server-rendered archive on the demo data', () => {
  let archive: Archive;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    archive = await openArchiveOn(await openSqliteFile(':memory:'));
    expect(await loadDemoDataIfEmpty(archive, new Date('2026-11-23T10:00:00Z'))).toBe(true);
    expect(await loadDemoDataIfEmpty(archive)).toBe(false);
    app = await buildApp({ archive });
  });
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  it('shows the public forums with their latest meeting, the same to everyone', async () => {
    const page = (await app.inject({ url: '/arkiv' })).body;
    expect(page).toContain('<html lang="da">');
    expect(page).toMatch(
      /Chefforum[\s\S]*Seneste møde: <a href="\/arkiv\/moeder\/3">.*11\. oktober 2018/u,
    );
    expect(page).not.toContain('7. december 2026');
    expect(page).not.toMatch(/<script/iu);
    const secretary = await signInAs(app, archive, {
      username: 'sekretaer',
      forumRoles: [{ forumId: 1, role: 'secretary' }],
    });
    // The portal is the public's: the secretary's draft is in the app, not here.
    expect((await app.inject({ url: '/arkiv', headers: secretary })).body).toBe(page);
  });

  it('shows a meeting as its published document with download links; a draft is not there', async () => {
    const secretary = await signInWithPassword(app, 'sekretaer', testAccountPassword);
    const meetings = (await app.inject({ url: '/api/meetings', headers: secretary })).json();
    const draft = meetings.find((meeting: { status: string }) => meeting.status === 'draft');
    expect((await app.inject({ url: `/arkiv/moeder/${draft.id}` })).statusCode).toBe(404);
    // Not for its secretary either: the portal reads as the public whoever asks.
    const staff = await app.inject({ url: `/arkiv/moeder/${draft.id}`, headers: secretary });
    expect(staff.statusCode).toBe(404);
    expect(staff.body).toContain('<h1>Mødet findes ikke</h1>');
    const published = meetings.find((meeting: { date: string }) => meeting.date === '2018-10-11');
    const publicPage = (await app.inject({ url: `/arkiv/moeder/${published.id}` })).body;
    expect(publicPage).toContain('REFERAT Chefforum d. 11-10-2018');
    expect(publicPage).toContain(
      `/api/meetings/${published.id}/publications/minutes/1/document.pdf`,
    );
    expect((await app.inject({ url: '/arkiv/moeder/424242' })).statusCode).toBe(404);
  });

  it('searches with highlighted hits and explains a bad query in Danish', async () => {
    const page = (await app.inject({ url: `/arkiv/soeg?q=${encodeURIComponent('sygefravær')}` }))
      .body;
    expect(page).toMatch(/punkt 5: Ny sygefraværstatistik/u);
    expect(page).toContain('<mark>');
    const stopWords = (await app.inject({ url: `/arkiv/soeg?q=${encodeURIComponent('og i at')}` }))
      .body;
    expect(stopWords).toContain('role="alert"');
  });
});
