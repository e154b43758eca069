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

  it('lists the archive of past minutes to the public, and the draft agenda only to its secretary', async () => {
    const page = (await app.inject({ url: '/arkiv' })).body;
    expect(page).toContain('<html lang="da">');
    expect(page).toMatch(/Tidligere møder[\s\S]*Chefforum 11\. oktober 2018/u);
    expect(page).not.toContain('7. december 2026');
    expect(page).not.toMatch(/<script/iu);
    const secretary = await signInAs(app, archive, {
      username: 'sekretaer',
      forumRoles: [{ forumId: 1, role: 'secretary' }],
    });
    const staffPage = (await app.inject({ url: '/arkiv', headers: secretary })).body;
    expect(staffPage).toMatch(/Kommende møder[\s\S]*Chefforum 7\. december 2026[\s\S]*Kladde/u);
  });

  it('shows a meeting as its document with download links; a draft is not there for the public', async () => {
    const secretary = await signInWithPassword(app, 'sekretaer', testAccountPassword);
    const meetings = (await app.inject({ url: '/api/meetings', headers: secretary })).json();
    const draft = meetings.find((meeting: { status: string }) => meeting.status === 'draft');
    expect((await app.inject({ url: `/arkiv/moeder/${draft.id}` })).statusCode).toBe(404);
    const page = (await app.inject({ url: `/arkiv/moeder/${draft.id}`, headers: secretary })).body;
    expect(page).toContain('DAGSORDEN Chefforum d. 07-12-2026');
    expect(page).toContain('at chefforum godkender referat fra mødet d. 11. oktober 2018');
    expect(page).toContain(`/api/meetings/${draft.id}/document.pdf`);
    const published = meetings.find((meeting: { date: string }) => meeting.date === '2018-10-11');
    const publicPage = (await app.inject({ url: `/arkiv/moeder/${published.id}` })).body;
    expect(publicPage).toContain('REFERAT Chefforum d. 11-10-2018');
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
