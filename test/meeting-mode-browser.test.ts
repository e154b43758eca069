import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { uploadAttachment } from '../src/services/attachment-service.ts';
import { findForumIdByReference } from '../src/services/auth/user-service.ts';
import { addItem } from '../src/services/item-service.ts';
import {
  approveMinutes,
  createMeeting,
  publishAgenda,
  startMeeting,
} from '../src/services/meeting-flow-service.ts';
import { listMeetings } from '../src/services/meeting-service.ts';
import { getWorkspace } from '../src/services/workspace-service.ts';
import { type RunningApp, withoutStandingItems } from './support/app-server.ts';
import { severeViolations } from './support/e2e-steps.ts';
import { secretaryBrowser } from './support/secretary-browser.ts';

const screenshotFolder = '/tmp/screens';
const docx = readFileSync(new URL('./fixtures/minutes/chefforum-2015-11-05.docx', import.meta.url));
const setUp = localAdministrator('Browsertest');

let meetingId: number;
let itemId: number;

/**
 * A started Chefforum meeting with one prepared case: Anledning, Indstilling with two
 * at-points, and a Bilag. Started through the services, as "Start mødet" does, so the test
 * follows the lifecycle wherever it leads.
 */
async function startedMeeting(archive: RunningApp['archive']): Promise<void> {
  const forumId = await findForumIdByReference(archive, 'Chefforum');
  meetingId = (await createMeeting(archive, setUp, { forumId, date: '2026-12-14' })).id;
  const item = await addItem(archive, setUp, meetingId, {
    title: 'Ny sygefraværsstatistik',
    background: 'Chefforum får sygefraværet på enhedsniveau hvert kvartal.',
    recommendation: {
      proposer: 'Kommunaldirektøren',
      points: ['at statistikken tages til efterretning', 'at fraværet følges i enhederne'],
    },
  });
  itemId = item.id;
  await uploadAttachment(archive, setUp, itemId, {
    bytes: docx,
    fileName: 'Sygefravær 3. kvartal.docx',
    title: 'Sygefravær 3. kvartal',
  });
  await publishAgenda(archive, setUp, meetingId);
  await startMeeting(archive, setUp, meetingId);
}

const session = secretaryBrowser(async (server) => {
  await withoutStandingItems(server.archive);
  await startedMeeting(server.archive);
});

/** The item as the API has it now. */
async function storedItem(page: Page) {
  const answer = await page.request.get(
    `${session.server.baseUrl}/api/meetings/${meetingId}/workspace`,
  );
  const workspace = (await answer.json()) as {
    items: Array<{ id: number; decision: string | null; absent: Array<{ name: string }> }>;
  };
  const item = workspace.items.find((candidate) => candidate.id === itemId);
  if (!item) throw new Error('the item is gone');
  return item;
}

describe('meeting mode in Chromium', () => {
  it('shows what the item is decided from, writes a phrase where the caret is, saves and keeps a history', async () => {
    const page = await session.page();
    await page.goto(`${session.server.baseUrl}/moeder/${meetingId}/moede`);
    const item = page.getByRole('region', { name: '2. Ny sygefraværsstatistik' });
    await item.waitFor();

    // Anledning, Indstilling and Bilag sit beside the decision, collapsed until opened.
    const point = item.getByText('at fraværet følges i enhederne');
    expect(await point.isVisible()).toBe(false);
    for (const summary of ['Anledning', 'Indstilling', 'Bilag (1)'])
      expect(await item.locator('summary', { hasText: summary }).count()).toBe(1);
    await item.locator('summary', { hasText: 'Indstilling' }).click();
    await point.waitFor();
    expect(await item.getByText('Kommunaldirektøren indstiller,').isVisible()).toBe(true);
    expect(await item.locator('.recommendation-view li').allTextContents()).toEqual([
      'at statistikken tages til efterretning',
      'at fraværet følges i enhederne',
    ]);
    await item.locator('summary', { hasText: 'Bilag' }).click();
    const attachment = item.getByRole('link', { name: 'Sygefravær 3. kvartal' });
    expect(await attachment.getAttribute('href')).toMatch(/^\/api\/attachments\/\d+$/u);

    // A phrase goes into the field, and the caret after it: typing goes on from there.
    const phrase = 'Chefforum godkendte indstillingen.';
    await item
      .getByRole('group', { name: 'Standardformuleringer til punkt 2' })
      .getByRole('button', { name: phrase })
      .click();
    const field = page.getByLabel('Beslutning til punkt 2');
    await expect.poll(() => field.inputValue()).toBe(phrase);
    const focus = await field.evaluate((element) => {
      const textarea = element as HTMLTextAreaElement;
      return {
        isFocused: element === document.activeElement,
        caret: [textarea.selectionStart, textarea.selectionEnd],
      };
    });
    expect(focus).toEqual({ isFocused: true, caret: [phrase.length, phrase.length] });
    await page.keyboard.type(' Fraværet følges kvartalsvis.');
    const decision = `${phrase} Fraværet følges kvartalsvis.`;
    expect(await field.inputValue()).toBe(decision);

    // The status line is a sentence with the time of the save.
    const status = page.locator('output.save-status');
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/^Beslutningen er gemt kl\. \d{2}:\d{2}\.$/u);
    expect((await storedItem(page)).decision).toBe(decision);

    mkdirSync(screenshotFolder, { recursive: true });
    // From the top, so the sticky status line sits where it belongs in the full-page picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${screenshotFolder}/meeting-mode.png`, fullPage: true });
    expect(await severeViolations(page)).toEqual([]);

    // The item page's history names who changed the decision, and when.
    await page.goto(`${session.server.baseUrl}/moeder/${meetingId}/punkter/${itemId}`);
    const history = page.locator('details.item-history');
    await history.locator('summary', { hasText: 'Historik' }).click();
    const lines = history.locator('li');
    await lines.first().waitFor();
    expect(await lines.first().textContent()).toMatch(
      /^\d{1,2}\. \p{L}+ \d{4} kl\. \d{2}:\d{2} · Sanne Sekretær · ændrede Beslutning$/u,
    );
    expect(await lines.last().textContent()).toMatch(/ · Browsertest · oprettede punktet$/u);
    await history.screenshot({ path: `${screenshotFolder}/item-history.png` });
    expect(await severeViolations(page)).toEqual([]);
  }, 120_000);

  it('lists absentees in the forum order, whether ticked for one item or the whole meeting', async () => {
    const page = await session.page();
    await page.goto(`${session.server.baseUrl}/moeder/${meetingId}/moede`);
    const item = page.getByRole('region', { name: '2. Ny sygefraværsstatistik' });
    await item.waitFor();
    // For one item: the app sends the list in member order.
    await item.locator('summary', { hasText: 'Fraværende ved punkt 2' }).click();
    const absences = item.getByRole('group', { name: 'Fraværende ved punkt 2' });
    expect(await absences.locator('label').allTextContents()).toEqual([
      'Anne Kjær (Kommunaldirektør)',
      'Mads Holm (Direktør for Børn, Sundhed & Velfærd)',
      'Lene Brandt (Chef for Økonomi & Stab)',
      'Søren Dahl (Chef for Skoler & Uddannelser)',
      'Pia Lund (Chef for Borgere & Arbejdsmarked)',
    ]);
    for (const name of ['Pia Lund', 'Mads Holm']) {
      await absences.getByLabel(name).check();
      await expect.poll(() => absences.getByLabel(name).isDisabled()).toBe(false);
    }
    await expect
      .poll(async () => (await storedItem(page)).absent.map((person) => person.name))
      .toEqual(['Mads Holm', 'Pia Lund']);

    // For the whole meeting: the server puts each one in at their place.
    const wholeMeeting = page.getByRole('group', { name: 'Fraværende på hele mødet' });
    for (const name of ['Søren Dahl', 'Anne Kjær']) {
      await wholeMeeting.getByLabel(name).check();
      await expect.poll(() => wholeMeeting.getByLabel(name).isDisabled()).toBe(false);
    }
    await expect
      .poll(async () => (await storedItem(page)).absent.map((person) => person.name))
      .toEqual(['Anne Kjær', 'Mads Holm', 'Søren Dahl', 'Pia Lund']);
    const checked = wholeMeeting.locator('input:checked');
    expect(await checked.count()).toBe(2);
  }, 60_000);

  it('says the approved minutes are locked and shows the decisions read-only', async () => {
    // An archive meeting: approved here unless the archive already counts it as approved.
    const meetings = await listMeetings(session.server.archive, setUp);
    const archived = meetings.find((meeting) => meeting.date === '2018-10-11');
    if (!archived) throw new Error('the demo data lacks the meeting of 11 October 2018');
    if (
      (await getWorkspace(session.server.archive, setUp, archived.id)).status !== 'minutes_approved'
    )
      await approveMinutes(session.server.archive, setUp, archived.id);

    const page = await session.page();
    await page.goto(`${session.server.baseUrl}/moeder/${archived.id}/moede`);
    const status = page.locator('output.save-status');
    await expect
      .poll(() => status.textContent())
      .toBe('Referatet er godkendt og låst; beslutningerne kan ikke længere ændres.');
    const field = page.getByLabel('Beslutning til punkt 2');
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const before = await field.inputValue();
    await field.click();
    await page.keyboard.type('Forsøg på ændring');
    expect(await field.inputValue()).toBe(before);
    expect(await page.getByRole('group', { name: /^Standardformuleringer/u }).count()).toBe(0);
  }, 60_000);
});
