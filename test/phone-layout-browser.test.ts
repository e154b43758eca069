import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { listMeetings } from '../src/services/meeting-service.ts';
import { type RunningApp, startAppServer } from './support/app-server.ts';
import { removeScratchFolders } from './support/archive-io.ts';
import { launchBrowser } from './support/browser.ts';
import { signInAs } from './support/e2e-steps.ts';
import { addChefforumSecretary, type BrowserAccount } from './support/e2e-users.ts';

/** An iPhone 12–15's viewport in CSS pixels: the narrow screen the app must fit. */
const phone = { width: 390, height: 844 };
const screenshotFolder = '/tmp/screens';

let browser: Browser;
let server: RunningApp;
let secretary: BrowserAccount;
let page: Page;
let draftId: number;
let publishedId: number;

beforeAll(async () => {
  server = await startAppServer();
  secretary = await addChefforumSecretary(server.archive);
  const meetings = await listMeetings(server.archive, localAdministrator());
  draftId = meetings.find((meeting) => meeting.status === 'draft')?.id ?? 0;
  publishedId = meetings.find((meeting) => meeting.date === '2018-10-11')?.id ?? 0;
  if (!draftId || !publishedId) throw new Error('the demo data lacks a meeting the test needs');
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'da-DK', viewport: phone });
  page = await context.newPage();
  await signInAs(page, server.baseUrl, secretary.username, secretary.password);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeScratchFolders();
});

/** Opens a page of the app and waits until it has drawn its content. */
async function open(path: string, ready: Locator): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  await ready.first().waitFor();
}

/** The page's width beyond the viewport: what a phone user would have to scroll sideways. */
function pageWidth(): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Fails unless every element is shown and lies wholly inside the viewport's width. */
async function expectInsideViewport(elements: Locator, what: string): Promise<number> {
  const count = await elements.count();
  for (let index = 0; index < count; index++) {
    const element = elements.nth(index);
    const name = `${what} ${index + 1}: ${((await element.textContent()) ?? '').trim()}`;
    expect(await element.isVisible(), name).toBe(true);
    const box = await element.boundingBox();
    expect(box, name).not.toBeNull();
    expect(box?.x ?? -1, name).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(phone.width);
  }
  return count;
}

describe('the app on a 390 px phone, as a forum secretary', () => {
  it('lists the meetings without sideways scrolling', async () => {
    await open('/', page.getByRole('heading', { name: 'Chefforum' }));
    expect(await pageWidth()).toBeLessThanOrEqual(phone.width);
    const links = page.locator('.meeting-list a');
    expect(await expectInsideViewport(links, 'meeting link')).toBe(4);
    expect(await expectInsideViewport(page.locator('.meeting-list .status-badge'), 'state')).toBe(
      4,
    );
    await expectInsideViewport(page.getByRole('button', { name: 'Opret møde' }), 'button');
  }, 30_000);

  it('shows the agenda as cards with every action within reach', async () => {
    await open(`/moeder/${draftId}/dagsorden`, page.getByRole('heading', { name: 'Tilføj punkt' }));
    // A second movable item, added on the phone, so that Op and Ned both have work to do.
    await page.getByLabel('Titel på punktet').fill('Orientering om den nye rådhusparkering');
    await page.getByLabel('Tid i minutter').fill('15');
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    const rows = page.locator('.agenda-row');
    await expect.poll(() => rows.count()).toBe(4);
    expect(await pageWidth()).toBeLessThanOrEqual(phone.width);

    // Cards: the header row is out of sight (left for screen readers), and each card names
    // its values itself.
    const header = await page.locator('.agenda-table thead').boundingBox();
    expect(header?.height ?? 0).toBeLessThanOrEqual(1);
    const secondRow = rows.nth(1);
    const label = await secondRow
      .locator('.agenda-time')
      .evaluate((cell) => getComputedStyle(cell, '::before').content);
    expect(label).toBe('"Kl. "');
    await expectInsideViewport(rows, 'card');
    await expectInsideViewport(page.locator('.agenda-row a'), 'item link');

    const actions = page.locator('.agenda-actions button, .agenda-actions a');
    // Two movable items with Op, Ned and Slet each.
    expect(await expectInsideViewport(actions, 'agenda action')).toBe(6);
    await expectInsideViewport(page.getByRole('button', { name: 'Tilføj punkt' }), 'button');

    mkdirSync(screenshotFolder, { recursive: true });
    await page.screenshot({ path: `${screenshotFolder}/agenda-390.png`, fullPage: true });

    // The actions work on the phone: move an item down, and the delete confirmation fits too.
    await page.getByRole('button', { name: 'Flyt ned: Status på budgetaftalen (30 min)' }).click();
    await expect
      .poll(() => rows.nth(1).locator('.agenda-title a').textContent())
      .toBe('Orientering om den nye rådhusparkering');
    await page
      .getByRole('button', { name: 'Slet punkt: Status på budgetaftalen (30 min)' })
      .click();
    const confirmation = page.getByRole('button', {
      name: 'Bekræft sletning af Status på budgetaftalen (30 min)',
    });
    await expectInsideViewport(confirmation, 'confirmation');
    await expectInsideViewport(page.getByRole('button', { name: 'Annullér' }), 'cancel');
    expect(await pageWidth()).toBeLessThanOrEqual(phone.width);
    await page.getByRole('button', { name: 'Annullér' }).click();
  }, 60_000);

  it('fits the meeting page, with its actions and agenda', async () => {
    await open(`/moeder/${draftId}`, page.getByRole('button', { name: 'Udsend dagsorden' }));
    expect(await pageWidth()).toBeLessThanOrEqual(phone.width);
    await expectInsideViewport(page.getByRole('button', { name: 'Udsend dagsorden' }), 'button');
    await expectInsideViewport(page.locator('.agenda-actions button'), 'agenda action');
    await expectInsideViewport(page.locator('.document-links a'), 'document link');
  }, 30_000);

  it('fits the long minutes of a held meeting, decisions and all', async () => {
    await open(`/moeder/${publishedId}/dagsorden`, page.locator('.agenda-row'));
    expect(await pageWidth()).toBeLessThanOrEqual(phone.width);
    expect(await expectInsideViewport(page.locator('.agenda-row'), 'card')).toBe(8);
  }, 30_000);

  it('fits the item editor: its check box, a real proposer and minutes in fives', async () => {
    await open(`/moeder/${draftId}/dagsorden`, page.locator('.agenda-row'));
    await page.getByRole('link', { name: 'Status på budgetaftalen (30 min)' }).click();
    await page.getByLabel('Indstiller').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(phone.width);
    await expectInsideViewport(page.getByLabel('Lukket punkt'), 'check box');
    const box = await page.getByLabel('Lukket punkt').boundingBox();
    // The box keeps its size beside its label.
    expect(box?.width).toBeGreaterThanOrEqual(16);

    const proposer = page.getByLabel('Indstiller');
    await proposer.fill('Afdelingschef for Økonomi og Stab');
    await expectInsideViewport(proposer, 'proposer');
    // The whole name is seen: the field scrolls nothing out of sight.
    const isTruncated = await proposer.evaluate(
      (input) => (input as HTMLInputElement).scrollWidth > (input as HTMLInputElement).clientWidth,
    );
    expect(isTruncated).toBe(false);

    const minutes = page.getByLabel('Tid i minutter');
    for (const [value, isValid] of [
      ['5', true],
      ['10', true],
      ['15', true],
      ['45', true],
      ['7', false],
    ] as const) {
      await minutes.fill(value);
      expect(
        await minutes.evaluate((input) => (input as HTMLInputElement).validity.valid),
        value,
      ).toBe(isValid);
    }
  }, 30_000);

  it('fits the search page with its filters and check box', async () => {
    await open('/soeg?q=budget', page.locator('mark'));
    expect(await pageWidth()).toBeLessThanOrEqual(phone.width);
    await expectInsideViewport(page.locator('.search-form input[type="checkbox"]'), 'check box');
    await expectInsideViewport(page.locator('.search-results a'), 'hit');
  }, 30_000);
});
