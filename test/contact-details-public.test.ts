import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { buildApp } from '../src/server/app.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { loadDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { getForums, saveForum } from '../src/services/forum-service.ts';
import { addItem, updateItem } from '../src/services/item-service.ts';
import {
  approveMinutes,
  createMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
} from '../src/services/meeting-flow-service.ts';
import { copenhagenToday } from '../src/services/portal-service.ts';
import { getWorkspace } from '../src/services/workspace-service.ts';
import { openSqliteFile } from '../src/store/database.ts';
import { readDocumentText } from './support/leak-documents.ts';
import { walkOparl } from './support/oparl-walker.ts';
import { type SignedInHeaders, signInAs } from './support/signed-in.ts';

/**
 * The GDPR setting: with it on, no e-mail address or phone number written in a meeting of the
 * forum reaches a surface anyone outside the forum can read (API, documents, portal, feeds,
 * calendar, OParl, search), while the forum's members still read them. With it off, the same
 * surfaces show them, which proves the test would see a leak.
 */
const email = 'gdpr.kanarie@albertslund.dk';
const phone = '43 68 99 17';
const searchWord = 'zqtelefonliste';
const caseNumber = '00.30.14-S00-9-16';
const admin = localAdministrator('GDPR-test');

/** Whether a text carries either canary, however a document spaced the phone number. */
function hasCanary(text: string): boolean {
  return text.includes('kanarie@') || /43\D{0,3}68\D{0,3}99\D{0,3}17/u.test(text);
}

let archive: Archive;
let app: Awaited<ReturnType<typeof buildApp>>;
let forumId: number;
let meetingId: number;
let member: SignedInHeaders;

beforeAll(async () => {
  archive = await openArchiveOn(await openSqliteFile(':memory:'));
  await loadDemoDataIfEmpty(archive, new Date());
  const chefforum = (await getForums(archive, admin)).find((forum) => forum.name === 'Chefforum');
  if (!chefforum) throw new Error('no Chefforum in the demo data');
  forumId = chefforum.id;
  await saveForum(archive, admin, forumId, { ...chefforum, visibility: 'public' });
  const meeting = await createMeeting(archive, admin, {
    forumId,
    date: copenhagenToday(),
    start: '09:00',
    location: 'Mødelokale 1',
  });
  meetingId = meeting.id;
  const contacts = `${email} eller ${phone}`;
  await addItem(archive, admin, meetingId, {
    title: `Ny telefonliste (kontakt ${email})`,
    caseNumber,
    background: `Baggrund: spørgsmål til ${contacts}. ${searchWord}`,
    presentation: `Sagsfremstilling: ring til Bente Poulsen på ${phone} eller skriv til ${email}.`,
    recommendation: {
      proposer: 'Kommunaldirektøren',
      points: [`at forslag sendes til ${email} senest d. 21. juni`],
    },
  });
  await publishAgenda(archive, admin, meetingId);
  await startMeeting(archive, admin, meetingId);
  const item = (await getWorkspace(archive, admin, meetingId)).items.find((entry) =>
    entry.title.startsWith('Ny telefonliste'),
  );
  if (!item) throw new Error('the item is missing');
  const decided = await updateItem(archive, admin, item.id, item.version, {
    decision: `Chefforum godkendte indstillingen. Spørgsmål til ${contacts}.`,
    communication: `Ny telefonliste: ring ${phone}.`,
  });
  await finishMeeting(archive, admin, meetingId);
  await publishMinutes(archive, admin, meetingId);
  await approveMinutes(archive, admin, meetingId);
  await updateItem(
    archive,
    admin,
    item.id,
    decided.version,
    { decision: `Chefforum godkendte indstillingen. Skriv til ${email}.` },
    { isCorrection: true, reason: `Rettet efter mail fra ${email}.` },
  );
  app = await buildApp({ archive });
  member = await signInAs(app, archive, {
    username: 'medlem',
    forumRoles: [{ forumId, role: 'member' }],
  });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await archive?.close();
});

/** Turns the forum's setting on or off, as its secretary does in the forum editor. */
async function setHidden(hidesContactDetails: boolean): Promise<void> {
  const forum = (await getForums(archive, admin)).find((entry) => entry.id === forumId);
  if (!forum) throw new Error('no forum');
  await saveForum(archive, admin, forumId, { ...forum, hidesContactDetails });
}

/** Every public surface's text: the API, documents, portal, feeds, calendar and search. */
async function publicTexts(): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const publications = await app.inject({ url: `/api/meetings/${meetingId}/publications` });
  const versions = publications.json() as Array<{ kind: string; number: number }>;
  const urls = [
    `/api/meetings/${meetingId}`,
    `/api/meetings/${meetingId}/workspace`,
    `/api/meetings/${meetingId}/publications`,
    `/api/meetings/${meetingId}/revisions`,
    `/api/meetings/${meetingId}/document.pdf`,
    `/api/meetings/${meetingId}/document.docx`,
    `/api/meetings/${meetingId}/document.pdf?kind=agenda`,
    `/api/meetings/${meetingId}/combined.pdf`,
    ...versions.map(
      (version) =>
        `/api/meetings/${meetingId}/publications/${version.kind}/${version.number}/document.pdf`,
    ),
    `/api/search?q=${searchWord}`,
    `/api/search?q=telefonliste`,
    `/api/cases/${encodeURIComponent(caseNumber)}`,
    `/arkiv/moeder/${meetingId}`,
    `/arkiv/moeder/${meetingId}?dokument=dagsorden`,
    `/arkiv/moeder/${meetingId}?dokument=referat&version=1`,
    `/arkiv/sager/${encodeURIComponent(caseNumber)}`,
    `/arkiv/soeg?q=${searchWord}`,
    `/arkiv/fora/${forumId}`,
    '/feed.xml',
    `/fora/${forumId}/feed.xml`,
    `/fora/${forumId}/kalender.ics`,
  ];
  for (const url of urls) {
    const response = await app.inject({ url });
    expect(response.statusCode, url).toBe(200);
    const type = String(response.headers['content-type'] ?? '');
    texts.set(url, (await readDocumentText(response.rawPayload, type)) ?? response.body);
  }
  const walk = await walkOparl(app, 'http://localhost', 'http://localhost/oparl/v1.1');
  for (const answer of walk.answers) if (answer.text) texts.set(answer.url, answer.text);
  return texts;
}

describe('a forum whose public versions leave out contact details', () => {
  it('shows them on every public surface while the setting is off (the test can see a leak)', async () => {
    await setHidden(false);
    const texts = await publicTexts();
    const showing = [...texts].filter(([, text]) => hasCanary(text)).map(([url]) => url);
    expect(showing).toEqual(
      expect.arrayContaining([
        `/api/meetings/${meetingId}`,
        `/api/meetings/${meetingId}/document.pdf`,
        `/arkiv/moeder/${meetingId}`,
        `/api/search?q=${searchWord}`,
      ]),
    );
  });

  it('lets no e-mail address or phone number reach a public surface with the setting on', async () => {
    await setHidden(true);
    const texts = await publicTexts();
    const leaks = [...texts].filter(([, text]) => hasCanary(text)).map(([url]) => url);
    expect(leaks).toEqual([]);
    // The surfaces still show the meeting, with a note where the details were.
    expect(texts.get(`/arkiv/moeder/${meetingId}`)).toContain('[e-mail fjernet]');
    expect(texts.get(`/api/meetings/${meetingId}`)).toContain('[telefon fjernet]');
    expect(texts.get(`/api/search?q=${searchWord}`)).toContain('fjernet]');
    expect(texts.size).toBeGreaterThan(40);
  });

  it('still shows them to the forum members, signed in', async () => {
    await setHidden(true);
    const meeting = await app.inject({ url: `/api/meetings/${meetingId}`, headers: member });
    expect(meeting.statusCode).toBe(200);
    expect(meeting.body).toContain(email);
    expect(meeting.body).toContain(phone);
    const search = await app.inject({ url: `/api/search?q=${searchWord}`, headers: member });
    expect(hasCanary(search.body)).toBe(true);
  });

  it('is the forum editor’s setting, kept when a client leaves it out', async () => {
    await setHidden(true);
    const forums = await app.inject({ url: '/api/forums', headers: member });
    const forum = (forums.json() as Array<{ id: number; hidesContactDetails: boolean }>).find(
      (entry) => entry.id === forumId,
    );
    expect(forum?.hidesContactDetails).toBe(true);
    const before = (await getForums(archive, admin)).find((entry) => entry.id === forumId);
    if (!before) throw new Error('no forum');
    const { hidesContactDetails: _left, ...withoutSetting } = before;
    const saved = await saveForum(archive, admin, forumId, withoutSetting);
    expect(saved.hidesContactDetails).toBe(true);
  });
});
