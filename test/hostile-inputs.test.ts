import { readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { createForum } from '../src/services/forum-service.ts';
import { addItem } from '../src/services/item-service.ts';
import { createMeeting } from '../src/services/meeting-flow-service.ts';
import { countTableRows } from '../src/store/table-dump.ts';
import { testAdministrator } from './support/actors.ts';
import { testDatabases } from './support/databases.ts';
import { type SignedInHeaders, signInAs } from './support/signed-in.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

/** One hostile request: what it sends, and the status and Danish words of the refusal. */
interface Hostile {
  name: string;
  method: 'POST' | 'PATCH' | 'PUT';
  url: (ids: Ids) => string;
  payload: (ids: Ids) => string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
  message: RegExp;
}

interface Ids {
  forumId: number;
  meetingId: number;
  itemId: number;
  itemVersion: number;
}

const docx = readFileSync(new URL('./fixtures/minutes/chefforum-2017-06-14.docx', import.meta.url));

async function zipWith(entries: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  for (const [name, content] of Object.entries(entries)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const jsonOf = (value: unknown) => JSON.stringify(value);

/** The hostile inputs: each must be refused with a Danish 4xx, and nothing stored. */
async function hostileInputs(): Promise<Hostile[]> {
  const macro = await zipWith({ 'word/vbaProject.bin': Buffer.from('makro') });
  const program = await zipWith({ 'word/media/setup.exe': Buffer.from('MZ\u0090\u0000program') });
  const traversal = await zipWith({ '../../etc/passwd': 'root' });
  const item = (ids: Ids) => `/api/items/${ids.itemId}`;
  const meetings = () => '/api/meetings';
  const upload = (ids: Ids) => `/api/items/${ids.itemId}/attachments`;
  return [
    {
      name: 'en umulig dato (2027-02-30)',
      method: 'POST',
      url: meetings,
      payload: (ids) => jsonOf({ forumId: ids.forumId, date: '2027-02-30' }),
      status: 400,
      message: /gyldig dato/u,
    },
    {
      name: 'en dato i dansk form (30/2)',
      method: 'POST',
      url: meetings,
      payload: (ids) => jsonOf({ forumId: ids.forumId, date: '30/2' }),
      status: 400,
      message: /dato/u,
    },
    {
      name: 'en titel af usynlige tegn (U+200B U+2060 U+FEFF)',
      method: 'PATCH',
      url: item,
      payload: (ids) => jsonOf({ version: ids.itemVersion, title: '\u200b\u2060\ufeff' }),
      status: 400,
      message: /titlen må ikke være tom/u,
    },
    {
      name: 'en titel af mellemrum og retningstegn',
      method: 'POST',
      url: (ids) => `/api/meetings/${ids.meetingId}/items`,
      payload: () => jsonOf({ title: ' \u200e\u202e\u00a0 ' }),
      status: 400,
      message: /titlen må ikke være tom/u,
    },
    {
      name: 'NUL i en titel',
      method: 'PATCH',
      url: item,
      payload: (ids) => jsonOf({ version: ids.itemVersion, title: 'Budget\u0000 2027' }),
      status: 400,
      message: /tegn/u,
    },
    {
      name: 'et enligt surrogattegn i en beslutning',
      method: 'PATCH',
      url: item,
      payload: (ids) => `{"version":${ids.itemVersion},"decision":"Godkendt \\ud800"}`,
      status: 400,
      message: /tegn/u,
    },
    {
      name: 'et forumnavn af usynlige tegn',
      method: 'PUT',
      url: (ids) => `/api/forums/${ids.forumId}`,
      payload: () => jsonOf({ name: '\u200b', members: [] }),
      status: 400,
      message: /forummets navn/u,
    },
    {
      name: 'et medlemsnavn af usynlige tegn',
      method: 'PUT',
      url: (ids) => `/api/forums/${ids.forumId}`,
      payload: () => jsonOf({ name: 'Chefforum', members: [{ name: '\u2060\u2060' }] }),
      status: 400,
      message: /medlemmets navn/u,
    },
    {
      name: 'ukendte felter',
      method: 'PATCH',
      url: item,
      payload: (ids) => jsonOf({ version: ids.itemVersion, title: 'X', isAdmin: true }),
      status: 400,
      message: /Ugyldig forespørgsel/u,
    },
    {
      name: 'ødelagt JSON',
      method: 'POST',
      url: meetings,
      payload: () => '{"forumId": 1, "date": ',
      status: 400,
      message: /JSON kan ikke læses/u,
    },
    {
      name: 'en JSON-krop over 2 MB',
      method: 'PATCH',
      url: item,
      payload: (ids) => jsonOf({ version: ids.itemVersion, presentation: 'x'.repeat(3_000_000) }),
      status: 413,
      message: /højst 2 MB/u,
    },
    {
      name: 'et bilag over 25 MB',
      method: 'POST',
      url: upload,
      payload: () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(26 * 1024 * 1024)]),
      contentType: 'application/pdf',
      status: 413,
      message: /25 MB/u,
    },
    {
      name: 'en PDF der ikke kan åbnes',
      method: 'POST',
      url: upload,
      payload: () => Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
      contentType: 'application/pdf',
      status: 415,
      message: /PDF-filen/u,
    },
    {
      name: 'et program omdøbt til .pdf',
      method: 'POST',
      url: upload,
      payload: () => Buffer.from('MZ\u0090\u0000\u0003program'),
      headers: { 'x-file-name': 'referat.pdf' },
      status: 415,
      message: /PDF, Word/u,
    },
    {
      name: 'et Word-dokument med makroer (vbaProject.bin)',
      method: 'POST',
      url: upload,
      payload: () => macro,
      status: 415,
      message: /makro/iu,
    },
    {
      name: 'et Word-dokument med et program indeni',
      method: 'POST',
      url: upload,
      payload: () => program,
      status: 415,
      message: /program/iu,
    },
    {
      name: 'et Word-dokument med ../ i et filnavn',
      method: 'POST',
      url: upload,
      payload: () => traversal,
      status: 415,
      message: /\S/u,
    },
  ];
}

describe.each(testDatabases())('hostile inputs on %s', (_name, openDatabase) => {
  let archive: Archive;
  let app: App;
  let secretary: SignedInHeaders;
  let ids: Ids;
  let cases: Hostile[] = [];
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    app = await buildApp({ archive });
    const forum = await createForum(archive, testAdministrator, {
      name: 'Chefforum',
      abbreviation: null,
    });
    const meeting = await createMeeting(archive, testAdministrator, {
      forumId: forum.id,
      date: '2027-03-04',
    });
    const item = await addItem(archive, testAdministrator, meeting.id, { title: 'Budget 2027' });
    ids = { forumId: forum.id, meetingId: meeting.id, itemId: item.id, itemVersion: item.version };
    secretary = await signInAs(app, archive, {
      username: 'sekretaer',
      forumRoles: [{ forumId: forum.id, role: 'secretary' }],
    });
    cases = await hostileInputs();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  it('refuses every hostile input with a Danish 4xx that names the problem, and stores nothing', async () => {
    const before = await countTableRows(archive.database.db);
    const answers: string[] = [];
    for (const hostile of cases) {
      const response = await app.inject({
        method: hostile.method,
        url: hostile.url(ids),
        payload: hostile.payload(ids),
        headers: {
          ...secretary,
          'content-type':
            hostile.contentType ??
            (hostile.url(ids).endsWith('/attachments')
              ? 'application/octet-stream'
              : 'application/json'),
          ...hostile.headers,
        },
      });
      const error = String(response.json().error ?? '');
      answers.push(`${hostile.name}: ${response.statusCode} ${error}`);
      expect(`${hostile.name}: ${response.statusCode}`).toBe(`${hostile.name}: ${hostile.status}`);
      expect(error, hostile.name).toMatch(hostile.message);
      expect(response.body, hostile.name).not.toMatch(/at .*\.ts:\d|Error:/u);
    }
    const after = await countTableRows(archive.database.db);
    // Sign-in wrote its session and audit lines before; the hostile requests add nothing to
    // the archive's own tables.
    for (const table of ['meetings', 'agenda_items', 'attachments', 'files', 'forums'] as const)
      expect(after[table], table).toBe(before[table]);
    const item = (
      await app.inject({ url: `/api/meetings/${ids.meetingId}/workspace`, headers: secretary })
    )
      .json()
      .items.find((entry: { id: number }) => entry.id === ids.itemId);
    expect(item).toMatchObject({ title: 'Budget 2027', version: ids.itemVersion, decision: null });
    expect(answers).toHaveLength(cases.length);
    writeFileSync(join(tmpdir(), 'referat-hostile-inputs.txt'), `${answers.join('\n')}\n`);
  }, 120_000);
});

describe('hostile requests on the wire', () => {
  let archive: Archive;
  let app: App;
  let port: number;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabaseForWire());
    app = await buildApp({ archive });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  const rawRequest = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.on('error', reject);
      request.end();
    });

  it('answers headers over 16 KB with a Danish 431 that names the limit', async () => {
    const answer = await rawRequest('/api/meetings', { 'x-fyld': 'x'.repeat(20_000) });
    expect(answer.status).toBe(431);
    expect(answer.body).toMatch(/højst 16 KB/u);
  });

  it('answers a strange Host with 421 (DNS rebinding)', async () => {
    const answer = await rawRequest('/api/meetings', { host: `angriber.example:${port}` });
    expect(answer.status).toBe(421);
    expect(answer.body).toMatch(/[æøå]|ikke/u);
  });
});

async function openDatabaseForWire() {
  const [first] = testDatabases();
  if (!first) throw new Error('no test database');
  return first[1]();
}
