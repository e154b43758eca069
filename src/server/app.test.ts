import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { readRealMeeting, realMeetingNames } from '../../test/support/meeting-fixtures.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { setForumVisibility } from '../services/forum-service.ts';
import { storeMeeting } from '../services/import-service.ts';
import { buildApp } from './app.ts';

describe.each(testDatabases().slice(0, 2))('the API on %s', (_name, openDatabase) => {
  let archive: Archive;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    for (const name of realMeetingNames)
      await storeMeeting(archive, testAdministrator, readRealMeeting(name));
    app = await buildApp({ archive });
    // Imported forums are internal: the public sees nothing until the forum is made public.
    expect((await app.inject({ url: '/api/meetings' })).json()).toEqual([]);
    await setForumVisibility(archive, testAdministrator, 'Chefforum', 'public');
  });
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  it('lists meetings newest first, each with an id', async () => {
    const response = await app.inject({ url: '/api/meetings' });
    expect(response.statusCode).toBe(200);
    const meetings = response.json();
    expect(meetings.map((meeting: { date: string }) => meeting.date)).toEqual([
      '2018-10-11',
      '2017-06-14',
      '2015-11-05',
    ]);
    expect(meetings[0]).toMatchObject({ forum: 'Chefforum', itemCount: 8, id: expect.any(Number) });
  });

  it('gives a meeting as a Meeting document with id, and 404 in Danish for an unknown one', async () => {
    const [first] = (await app.inject({ url: '/api/meetings' })).json();
    const response = await app.inject({ url: `/api/meetings/${first.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: first.id,
      forum: 'Chefforum',
      date: '2018-10-11',
      status: 'minutes_approved',
    });
    expect(response.json().items).toHaveLength(8);
    const missing = await app.inject({ url: '/api/meetings/999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'Mødet findes ikke.' });
    const invalid = await app.inject({ url: '/api/meetings/abc' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatch(/^Ugyldig forespørgsel/u);
  });

  it('serves the minutes as PDF and Word', async () => {
    const [first] = (await app.inject({ url: '/api/meetings' })).json();
    const pdf = await app.inject({ url: `/api/meetings/${first.id}/document.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain('referat-chefforum-2018-10-11.pdf');
    const docx = await app.inject({ url: `/api/meetings/${first.id}/document.docx` });
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('searches with highlighted snippets, and refuses an empty query in Danish', async () => {
    const response = await app.inject({ url: `/api/search?q=${encodeURIComponent('sygefravær')}` });
    expect(response.statusCode).toBe(200);
    const hits = response.json();
    expect(hits[0]).toMatchObject({ meeting: { date: '2015-11-05' }, item: { number: 5 } });
    expect(hits[0].snippet).toContain('[[');
    const empty = await app.inject({ url: '/api/search?q=' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatch(/^Ugyldig forespørgsel/u);
  });

  it('documents the API with OpenAPI', async () => {
    const response = await app.inject({ url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(['/api/meetings', '/api/meetings/{id}', '/api/search']),
    );
    const page = await app.inject({ url: '/api/docs' });
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<h1>Referats API</h1>');
    expect(page.body).toContain('<code>/api/meetings/{id}/document.{format}</code>');
    expect(page.body).toContain('Søg i arkivet');
  });
});
