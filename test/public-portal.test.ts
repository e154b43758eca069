import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { buildApp } from '../src/server/app.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { loadDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { createForum, getForums } from '../src/services/forum-service.ts';
import { addItem, updateItem } from '../src/services/item-service.ts';
import {
  approveMinutes,
  cancelMeeting,
  createMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
} from '../src/services/meeting-flow-service.ts';
import { listMeetings } from '../src/services/meeting-service.ts';
import { copenhagenToday } from '../src/services/portal-service.ts';
import { getWorkspace } from '../src/services/workspace-service.ts';
import { openSqliteFile } from '../src/store/database.ts';
import { launchBrowser } from './support/browser.ts';
import { readDocumentText } from './support/leak-documents.ts';
import { signInAs } from './support/signed-in.ts';

/**
 * The public portal (/arkiv) on the demo data plus meetings made through the services: a
 * published agenda changed after publishing (with a closed item), approved minutes corrected
 * twice (once in a closed item), a cancelled meeting, and a forum that is internal. Words
 * that only closed items, the internal forum and the late change carry must not reach the
 * portal's pages.
 */
const closedWord = 'zqhemmeligt';
const internalWord = 'zqinterntforum';
const lateWord = 'zqefterudsendelse';
const caseNumber = '00.30.14-S00-2-16';
const admin = localAdministrator('Portaltest');

let archive: Archive;
let app: Awaited<ReturnType<typeof buildApp>>;
let chefforumId: number;
let internalForumId: number;
let internalMeetingId: number;
let draftId: number;
let agendaMeetingId: number;
let agendaMeetingDate: string;
let minutesMeetingId: number;
let minutesMeetingDate: string;
/** The open item's number in the minutes (after Chefforum's standing items). */
let openItemNumber: number;
let cancelledMeetingDate: string;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** "16. februar 2026", as the portal writes a date. */
function danishDate(isoDate: string): string {
  const months =
    'januar februar marts april maj juni juli august september oktober november december';
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day}. ${months.split(' ')[(month ?? 1) - 1]} ${year}`;
}

/** Saves fields of the meeting's item with this title, at its current version. */
async function saveItem(
  meetingId: number,
  title: string,
  fields: Parameters<typeof updateItem>[4],
  options: Parameters<typeof updateItem>[5] = {},
) {
  const item = (await getWorkspace(archive, admin, meetingId)).items.find(
    (entry) => entry.title === title,
  );
  if (!item) throw new Error(`no item "${title}"`);
  return updateItem(archive, admin, item.id, item.version, fields, options);
}

async function page(url: string, headers: Record<string, string> = {}) {
  const response = await app.inject({ url, headers });
  return {
    status: response.statusCode,
    body: response.body,
    type: response.headers['content-type'],
  };
}

beforeAll(async () => {
  archive = await openArchiveOn(await openSqliteFile(':memory:'));
  const today = copenhagenToday();
  expect(await loadDemoDataIfEmpty(archive, new Date())).toBe(true);
  const forums = await getForums(archive, admin);
  chefforumId = forums.find((forum) => forum.name === 'Chefforum')?.id ?? 0;
  draftId =
    (await listMeetings(archive, admin)).find((meeting) => meeting.status === 'draft')?.id ?? 0;

  const internal = await createForum(archive, admin, {
    name: 'Direktionen',
    abbreviation: 'DIR',
    visibility: 'internal',
  });
  internalForumId = internal.id;
  const internalMeeting = await createMeeting(archive, admin, {
    forumId: internal.id,
    date: addDays(today, 10),
  });
  internalMeetingId = internalMeeting.id;
  await addItem(archive, admin, internalMeetingId, { title: `Strategi ${internalWord}` });
  await publishAgenda(archive, admin, internalMeetingId);

  // A published agenda, changed after publishing: the portal shows what was sent.
  agendaMeetingDate = addDays(today, 21);
  const agenda = await createMeeting(archive, admin, {
    forumId: chefforumId,
    date: agendaMeetingDate,
    start: '09:00',
    location: 'Mødelokale 1',
  });
  agendaMeetingId = agenda.id;
  await addItem(archive, admin, agendaMeetingId, {
    title: 'Ny parkeringspolitik',
    presentation: 'Forslag til en ny parkeringspolitik for rådhuset.',
  });
  await addItem(archive, admin, agendaMeetingId, {
    title: `Omstrukturering ${closedWord}`,
    closed: true,
    presentation: `Fortroligt oplæg om ${closedWord}.`,
    caseNumber,
  });
  await publishAgenda(archive, admin, agendaMeetingId);
  await saveItem(agendaMeetingId, 'Ny parkeringspolitik', {
    presentation: `Forslag til en ny parkeringspolitik for rådhuset. ${lateWord}`,
  });

  // Approved minutes, corrected once in an open item and once in a closed one.
  minutesMeetingDate = addDays(today, -30);
  const minutes = await createMeeting(archive, admin, {
    forumId: chefforumId,
    date: minutesMeetingDate,
    start: '13:00',
    location: 'Mødelokale 2',
  });
  minutesMeetingId = minutes.id;
  await addItem(archive, admin, minutesMeetingId, {
    title: 'Ny model for budgetopfølgning',
    caseNumber,
    presentation: 'Økonomi foreslår en ny model for den kvartalsvise budgetopfølgning.',
  });
  await addItem(archive, admin, minutesMeetingId, {
    title: `Personalesag ${closedWord}`,
    closed: true,
    caseNumber,
    presentation: `Notat om ${closedWord}.`,
  });
  await publishAgenda(archive, admin, minutesMeetingId);
  await startMeeting(archive, admin, minutesMeetingId);
  await saveItem(minutesMeetingId, 'Ny model for budgetopfølgning', {
    decision: 'Chefforum godkendte modellen.',
  });
  await saveItem(minutesMeetingId, `Personalesag ${closedWord}`, {
    decision: `Afgjort: ${closedWord}.`,
  });
  await finishMeeting(archive, admin, minutesMeetingId);
  await publishMinutes(archive, admin, minutesMeetingId);
  await approveMinutes(archive, admin, minutesMeetingId);
  await saveItem(
    minutesMeetingId,
    'Ny model for budgetopfølgning',
    { decision: 'Chefforum godkendte modellen med en ændring af tidsplanen.' },
    { isCorrection: true, reason: 'Beslutningen manglede ændringen af tidsplanen.' },
  );
  await saveItem(
    minutesMeetingId,
    `Personalesag ${closedWord}`,
    { decision: `Afgjort igen: ${closedWord}.` },
    { isCorrection: true, reason: `Rettet efter høring om ${closedWord}.` },
  );

  openItemNumber =
    (await getWorkspace(archive, admin, minutesMeetingId)).items.find(
      (item) => item.title === 'Ny model for budgetopfølgning',
    )?.number ?? 0;

  cancelledMeetingDate = addDays(today, 35);
  const cancelled = await createMeeting(archive, admin, {
    forumId: chefforumId,
    date: cancelledMeetingDate,
  });
  await publishAgenda(archive, admin, cancelled.id);
  await cancelMeeting(archive, admin, cancelled.id, null);

  app = await buildApp({ archive });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await archive?.close();
});

describe('the public portal', () => {
  it('lists the public forums with their next meeting and the search form', async () => {
    const front = await page('/arkiv');
    expect(front.status).toBe(200);
    expect(front.type).toContain('text/html');
    expect(front.body).toContain('<html lang="da">');
    expect(front.body).toContain(`<a href="/arkiv/fora/${chefforumId}">Chefforum</a>`);
    // The next meeting is the published agenda: the draft is not public, the cancelled is later.
    expect(front.body).toMatch(
      new RegExp(`Næste møde: <a href="/arkiv/moeder/${agendaMeetingId}">`, 'u'),
    );
    expect(front.body).toContain(danishDate(agendaMeetingDate));
    expect(front.body).toContain('action="/arkiv/soeg"');
    expect(front.body).not.toContain('Direktionen');
    expect(front.body).not.toContain(`/arkiv/moeder/${draftId}"`);
  });

  it('shows a forum’s meetings by year, newest year first, with state and documents', async () => {
    const year = minutesMeetingDate.slice(0, 4);
    const forum = await page(`/arkiv/fora/${chefforumId}?aar=${year}`);
    expect(forum.status).toBe(200);
    expect(forum.body).toContain('<h1>Chefforum</h1>');
    expect(forum.body).toContain(`<h2 id="moeder-titel">Møder i ${year}</h2>`);
    const years = [...forum.body.matchAll(/\?aar=(\d{4})"/gu)].map((match) => Number(match[1]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years).toEqual(expect.arrayContaining([2015, 2017, 2018, Number(year)]));
    expect(forum.body).toContain(`aar=${year}" aria-current="page"`);
    expect(forum.body).toContain(`<a href="/arkiv/moeder/${minutesMeetingId}">`);
    expect(forum.body).toContain(danishDate(minutesMeetingDate));
    expect(forum.body).toContain('Referat godkendt');
    // Minutes version 3: published, then corrected twice.
    expect(forum.body).toContain(
      `/api/meetings/${minutesMeetingId}/publications/minutes/3/document.pdf`,
    );
    expect(forum.body).toContain(`/api/meetings/${minutesMeetingId}/combined.pdf`);

    const archived = await page(`/arkiv/fora/${chefforumId}?aar=2018`);
    expect(archived.body).toContain('11. oktober 2018');
    expect(archived.body).toMatch(/\/api\/meetings\/\d+\/publications\/minutes\/1\/document\.pdf/u);
    const cancelled = await page(
      `/arkiv/fora/${chefforumId}?aar=${cancelledMeetingDate.slice(0, 4)}`,
    );
    expect(cancelled.body).toMatch(/status-cancelled">Aflyst</u);
    expect(cancelled.body).toContain('Dagsorden udsendt');
  });

  it('shows the published agenda, not the working copy changed after publishing', async () => {
    const live = await getWorkspace(archive, admin, agendaMeetingId);
    expect(JSON.stringify(live.items)).toContain(lateWord);
    const meeting = await page(`/arkiv/moeder/${agendaMeetingId}`);
    expect(meeting.status).toBe(200);
    expect(meeting.body).toContain('<h1>DAGSORDEN Chefforum');
    expect(meeting.body).toContain('Forslag til en ny parkeringspolitik for rådhuset.');
    expect(meeting.body).not.toContain(lateWord);
    expect(meeting.body).toContain('Lukket punkt');
    expect(meeting.body).toContain(
      `href="/api/meetings/${agendaMeetingId}/publications/agenda/1/document.pdf"`,
    );
    expect(meeting.body).toContain(`href="/api/meetings/${agendaMeetingId}/document.docx"`);
    expect(meeting.body).toContain(
      `href="/api/meetings/${agendaMeetingId}/combined.pdf">Samlet PDF med bilag`,
    );
    expect(meeting.body).toMatch(/<strong>Dagsorden, version 1<\/strong> \(vises her\), udsendt/u);
    expect(meeting.body).toContain('id="punkt-2"');

    // Republished, the change is out: version 2 is shown, and version 1 stays readable.
    await publishAgenda(archive, admin, agendaMeetingId);
    const republished = await page(`/arkiv/moeder/${agendaMeetingId}`);
    expect(republished.body).toContain(lateWord);
    expect(republished.body).toContain('<strong>Dagsorden, version 2</strong> (vises her)');
    const first = await page(`/arkiv/moeder/${agendaMeetingId}?dokument=dagsorden&version=1`);
    expect(first.status).toBe(200);
    expect(first.body).not.toContain(lateWord);
    expect(first.body).toContain('Gå til den seneste version');
  });

  it('shows approved minutes with their versions and only the reasons the public may read', async () => {
    const meeting = await page(`/arkiv/moeder/${minutesMeetingId}`);
    expect(meeting.status).toBe(200);
    expect(meeting.body).toContain('<h1>REFERAT Chefforum');
    expect(meeting.body).toContain('Chefforum godkendte modellen med en ændring af tidsplanen.');
    expect(meeting.body).toContain('Referat godkendt');
    for (const version of ['Dagsorden, version 1', 'Referat, version 1', 'Referat, version 2'])
      expect(meeting.body).toContain(`>${version}</a>`);
    expect(meeting.body).toContain('<strong>Referat, version 3</strong> (vises her)');
    expect(meeting.body).toContain('Rettelse: Beslutningen manglede ændringen af tidsplanen.');
    expect(meeting.body).toContain(
      `href="/api/meetings/${minutesMeetingId}/publications/minutes/3/document.pdf"`,
    );
    // The case page and search link here; the journal number leads back to the case's page.
    expect(meeting.body).toContain(`<article id="punkt-${openItemNumber}"`);
    expect(meeting.body).toContain(`href="/arkiv/sager/${caseNumber}"`);

    const agenda = await page(`/arkiv/moeder/${minutesMeetingId}?dokument=dagsorden`);
    expect(agenda.body).toContain('<h1>DAGSORDEN Chefforum');
    expect(agenda.body).not.toContain('Chefforum godkendte modellen');
    const firstMinutes = await page(`/arkiv/moeder/${minutesMeetingId}?dokument=referat&version=1`);
    expect(firstMinutes.body).toContain('Chefforum godkendte modellen.');
    expect(
      (await page(`/arkiv/moeder/${minutesMeetingId}?dokument=referat&version=9`)).status,
    ).toBe(404);
    expect((await page(`/arkiv/moeder/${minutesMeetingId}?dokument=bilag`)).status).toBe(404);
  });

  it('shows a case across meetings, headed by its latest public title', async () => {
    const found = await page(`/arkiv/sager/${caseNumber}`);
    expect(found.status).toBe(200);
    expect(found.body).toContain('<h1>Ny model for budgetopfølgning</h1>');
    expect(found.body).toMatch(
      /Chefforum 14\. juni 2017, punkt \d+: Status på budgetaftalen for 2017/u,
    );
    expect(found.body).toMatch(
      new RegExp(
        `href="/arkiv/moeder/${minutesMeetingId}#punkt-${openItemNumber}">Chefforum ${danishDate(minutesMeetingDate)}, punkt ${openItemNumber}: Ny model`,
        'u',
      ),
    );
    expect(found.body).toContain('Chefforum godkendte modellen med en ændring af tidsplanen.');
    expect(found.body).toContain('Referat godkendt');
    // Neither the draft's item nor the closed items carrying the number are there.
    expect(found.body).not.toContain('Status på budgetaftalen (30 min)');
    expect(found.body.match(/<li><h3>/gu)).toHaveLength(2);

    const slashed = await page(`/arkiv/sager/${encodeURIComponent('15/13392')}`);
    expect(slashed.status).toBe(200);
    expect(slashed.body).toContain('Sag 15/13392');
    const unknown = await page('/arkiv/sager/99.99.99-A00-1-99');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('<h1>Sagen findes ikke</h1>');
  });

  it('links each search hit to its item and its journal number to the case page', async () => {
    const hits = await page(`/arkiv/soeg?q=${encodeURIComponent('budgetopfølgning')}`);
    expect(hits.body).toContain(`href="/arkiv/moeder/${minutesMeetingId}#punkt-${openItemNumber}"`);
    expect(hits.body).toContain(`href="/arkiv/sager/${caseNumber}"`);
    expect(hits.body).toContain('<mark>');
    const closed = await page(`/arkiv/soeg?q=${encodeURIComponent('personalesag')}`);
    expect(closed.body).toContain('Ingen resultater.');
  });

  it('answers an internal forum, a draft and anything unknown with a Danish 404 page', async () => {
    for (const url of [
      `/arkiv/fora/${internalForumId}`,
      `/arkiv/moeder/${internalMeetingId}`,
      `/arkiv/moeder/${draftId}`,
      '/arkiv/moeder/424242',
      '/arkiv/fora/424242',
      '/arkiv/fora/abc',
      `/arkiv/fora/${chefforumId}?aar=tyve`,
    ]) {
      const answer = await page(url);
      expect(answer.status, url).toBe(404);
      expect(answer.type, url).toContain('text/html');
      expect(answer.body, url).toMatch(/<h1>(Mødet|Forummet|Siden) findes ikke<\/h1>/u);
      expect(answer.body, url).not.toContain(internalWord);
    }
  });

  it('shows a signed-in member the same public portal as everyone', async () => {
    const secretary = await signInAs(app, archive, {
      username: 'portalsekretaer',
      forumRoles: [
        { forumId: chefforumId, role: 'secretary' },
        { forumId: internalForumId, role: 'member' },
      ],
    });
    for (const url of ['/arkiv', `/arkiv/moeder/${minutesMeetingId}`, `/arkiv/sager/${caseNumber}`])
      expect((await page(url, secretary)).body, url).toBe((await page(url)).body);
    expect((await page(`/arkiv/moeder/${draftId}`, secretary)).status).toBe(404);
    expect((await page(`/arkiv/fora/${internalForumId}`, secretary)).status).toBe(404);
  });

  it('never shows a closed item, an internal forum or a script on any page it links', async () => {
    const seen = new Set<string>();
    const downloads = new Set<string>();
    const queue = ['/arkiv', `/arkiv/soeg?q=${encodeURIComponent('budget')}`];
    while (queue.length > 0 && seen.size < 300) {
      const url = queue.shift() ?? '';
      if (seen.has(url)) continue;
      seen.add(url);
      const answer = await page(url);
      expect(answer.status, url).toBe(200);
      expect(answer.body.toLowerCase(), url).not.toContain(closedWord);
      expect(answer.body.toLowerCase(), url).not.toContain(internalWord);
      expect(answer.body, url).not.toMatch(/<script/iu);
      for (const match of answer.body.matchAll(/href="(\/(?:arkiv|api\/meetings)[^"#]*)/gu)) {
        const link = (match[1] ?? '').replaceAll('&amp;', '&');
        if (link.startsWith('/api/')) downloads.add(link);
        else if (!seen.has(link)) queue.push(link);
      }
    }
    // The crawl reached every kind of portal page.
    const reached = [...seen].join('\n');
    for (const kind of ['/arkiv/fora/', '/arkiv/moeder/', '/arkiv/sager/', 'dokument=dagsorden'])
      expect(reached).toContain(kind);
    // Every document the portal links opens for the public, without the closed items either.
    expect(downloads.size).toBeGreaterThan(10);
    for (const url of downloads) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      const text = await readDocumentText(
        response.rawPayload,
        String(response.headers['content-type']),
      );
      expect(text, url).not.toBeNull();
      expect(text?.toLowerCase(), url).not.toContain(closedWord);
    }
  }, 60_000);
});

describe('the public portal in Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  beforeAll(async () => {
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    mkdirSync('/tmp/screens', { recursive: true });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['the front page', () => '/arkiv', null],
    [
      'a forum page',
      () => `/arkiv/fora/${chefforumId}?aar=${minutesMeetingDate.slice(0, 4)}`,
      'portal-forum',
    ],
    ['a meeting page', () => `/arkiv/moeder/${minutesMeetingId}`, 'portal-meeting'],
    ['a case page', () => `/arkiv/sager/${caseNumber}`, null],
    ['a search page', () => `/arkiv/soeg?q=${encodeURIComponent('budgetopfølgning')}`, null],
  ])(
    '%s has no serious or critical accessibility violations (axe)',
    async (_name, url, screenshot) => {
      const context = await browser.newContext({ locale: 'da-DK' });
      const tab = await context.newPage();
      const response = await tab.goto(`${baseUrl}${url()}`);
      expect(response?.status()).toBe(200);
      const results = await new AxeBuilder({ page: tab }).analyze();
      const severe = results.violations.filter((violation) =>
        ['serious', 'critical'].includes(violation.impact ?? ''),
      );
      expect(severe.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
      if (screenshot)
        await tab.screenshot({ path: `/tmp/screens/${screenshot}.png`, fullPage: true });
      await context.close();
    },
  );
});
