import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { type MeetingStatus, meetingStatusLabels } from '../src/core/meeting-lifecycle.ts';
import { findForumIdByReference } from '../src/services/auth/user-service.ts';
import { addItem } from '../src/services/item-service.ts';
import {
  createMeeting,
  publishAgenda,
  startMeeting,
} from '../src/services/meeting-flow-service.ts';
import { listMeetings } from '../src/services/meeting-service.ts';
import type { RunningApp } from './support/app-server.ts';
import { severeViolations } from './support/e2e-steps.ts';
import { secretaryBrowser } from './support/secretary-browser.ts';

/**
 * The case page (`/sager/:journalnummer`) in Chromium. The demo data's case
 * 00.30.14-S00-2-16 runs from the approved minutes of 14 June 2017 to the draft agenda; a
 * started meeting in between adds an open item and, after it, a closed one with the same
 * journal number. So the public sees two entries, headed by the open item (the closed one is
 * later but not theirs to see), and the secretary four, headed by the draft's item.
 */
const caseNumber = '00.30.14-S00-2-16';
const archivedTitle = 'Status på budgetaftalen for 2017';
const openTitle = 'Budgetaftalen 2027: status på udmøntningen';
const closedTitle = 'Budgetaftalen 2027: fortrolig forhandling';
const draftTitle = 'Status på budgetaftalen (30 min)';
const setUp = localAdministrator('Browsertest');

/** Each meeting's status by its date, as the services have it. */
let statusByDate: Map<string, MeetingStatus>;
/** Each entry's item by its title, as the store has it. */
let items: Map<string, { id: number; number: number; meetingId: number }>;

const app = secretaryBrowser(async (server: RunningApp) => {
  const forumId = await findForumIdByReference(server.archive, 'Chefforum');
  const meeting = await createMeeting(server.archive, setUp, { forumId, date: '2026-11-30' });
  await addItem(server.archive, setUp, meeting.id, { title: openTitle, caseNumber });
  await addItem(server.archive, setUp, meeting.id, {
    title: closedTitle,
    caseNumber,
    closed: true,
  });
  await publishAgenda(server.archive, setUp, meeting.id);
  await startMeeting(server.archive, setUp, meeting.id);
  const stored = await server.archive.database.db
    .selectFrom('agenda_items')
    .select(['id', 'title', 'number', 'meeting_id as meetingId'])
    .where('title', 'in', [archivedTitle, openTitle, closedTitle, draftTitle])
    .execute();
  items = new Map(stored.map(({ title, ...item }) => [title, item]));
  const meetings = await listMeetings(server.archive, setUp);
  statusByDate = new Map(meetings.map((listed) => [listed.date, listed.status as MeetingStatus]));
});

/** A browser of its own that nobody signed in to: the public. */
async function publicPage(): Promise<Page> {
  const context = await app.browser.newContext({ locale: 'da-DK' });
  return context.newPage();
}

async function openCasePage(page: Page): Promise<void> {
  await page.goto(`${app.server.baseUrl}/sager/${encodeURIComponent(caseNumber)}`);
  await page.locator('.timeline > li').first().waitFor();
}

/** Each entry as the page shows it: its date and forum, item link text and status label. */
async function readEntries(page: Page) {
  const entries = page.locator('.timeline > li');
  const read = [];
  for (let index = 0; index < (await entries.count()); index++) {
    const entry = entries.nth(index);
    read.push({
      date: (await entry.locator('time').getAttribute('datetime')) ?? '',
      link: (await entry.getByRole('link').first().textContent()) ?? '',
      status: ((await entry.locator('.status-badge').textContent()) ?? '').trim(),
    });
  }
  return read;
}

/** An entry's link, as the item page's heading also reads: "Punkt 4: Status på …". */
function linkText(title: string): string {
  return `Punkt ${items.get(title)?.number}: ${title}`;
}

/** The address of the item's own page. */
function itemPath(title: string): string {
  const item = items.get(title);
  return `/moeder/${item?.meetingId}/punkter/${item?.id}`;
}

function labelOn(date: string): string {
  const status = statusByDate.get(date);
  if (!status) throw new Error(`no meeting on ${date}`);
  return meetingStatusLabels[status];
}

describe('the case page', () => {
  it('shows the public the latest title it may see, each meeting’s state, and links to the items', async () => {
    const page = await publicPage();
    await openCasePage(page);
    await page.getByRole('heading', { level: 1, name: openTitle }).waitFor();
    expect(await page.getByText(`Sag ${caseNumber}`, { exact: true }).isVisible()).toBe(true);
    expect(await page.title()).toContain(openTitle);
    const entries = await readEntries(page);
    expect(entries).toEqual([
      { date: '2017-06-14', link: linkText(archivedTitle), status: labelOn('2017-06-14') },
      {
        date: '2026-11-30',
        link: linkText(openTitle),
        status: labelOn('2026-11-30'),
      },
    ]);
    expect(await page.content()).not.toContain('fortrolig');
    expect(await severeViolations(page)).toEqual([]);

    for (const href of await page
      .locator('.timeline a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')))
      expect(href).toMatch(/^\/moeder\/\d+(\/punkter\/\d+)?$/u);
    await page.getByRole('link', { name: linkText(archivedTitle) }).click();
    await page.waitForURL(`${app.server.baseUrl}${itemPath(archivedTitle)}`);
    await page.getByRole('heading', { level: 1, name: linkText(archivedTitle) }).waitFor();
    expect(await page.getByText(archivedTitle).first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('shows the secretary every entry, headed by the draft agenda’s item', async () => {
    const page = await app.page();
    await openCasePage(page);
    await page.getByRole('heading', { level: 1, name: draftTitle }).waitFor();
    mkdirSync('/tmp/screens', { recursive: true });
    await page.screenshot({ path: '/tmp/screens/case-page.png', fullPage: true });
    const entries = await readEntries(page);
    const draftDate = [...statusByDate].find(([, status]) => status === 'draft')?.[0] ?? '';
    expect(entries).toEqual([
      { date: '2017-06-14', link: linkText(archivedTitle), status: labelOn('2017-06-14') },
      {
        date: '2026-11-30',
        link: linkText(openTitle),
        status: labelOn('2026-11-30'),
      },
      {
        date: '2026-11-30',
        link: linkText(closedTitle),
        status: labelOn('2026-11-30'),
      },
      { date: draftDate, link: linkText(draftTitle), status: labelOn(draftDate) },
    ]);

    await page.getByRole('link', { name: linkText(closedTitle) }).click();
    await page.waitForURL(`${app.server.baseUrl}${itemPath(closedTitle)}`);
    await page.getByRole('heading', { level: 1, name: linkText(closedTitle) }).waitFor();
  });
});
