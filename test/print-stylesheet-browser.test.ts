import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { listMeetings } from '../src/services/meeting-service.ts';
import { type RunningApp, startAppServer } from './support/app-server.ts';
import { removeScratchFolders } from './support/archive-io.ts';
import { launchBrowser } from './support/browser.ts';
import { signInAs } from './support/e2e-steps.ts';
import { addChefforumSecretary } from './support/e2e-users.ts';

let browser: Browser;
let server: RunningApp;
let page: Page;
let draftId: number;

beforeAll(async () => {
  server = await startAppServer();
  const secretary = await addChefforumSecretary(server.archive);
  const meetings = await listMeetings(server.archive, localAdministrator());
  draftId = meetings.find((meeting) => meeting.status === 'draft')?.id ?? 0;
  if (!draftId) throw new Error('the demo data lacks a draft meeting');
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'da-DK' });
  page = await context.newPage();
  // Signed in as the secretary: the pages then carry the most buttons and forms to leave out.
  await signInAs(page, server.baseUrl, secretary.username, secretary.password);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeScratchFolders();
});

/** How the page would print: what is shown of it, and in which colours. */
interface PrintedPage {
  /** Visible buttons, navigation landmarks, forms other than the item's, and file fields. */
  shownControls: string[];
  /** Visible text whose colour is not black, or whose background is not white or none. */
  colouredText: string[];
  /** Links that add something after their text (an address, say). */
  linksWithAddedText: string[];
}

async function readPrintedPage(): Promise<PrintedPage> {
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.evaluate(() => {
      const isShown = (element: Element): boolean =>
        element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
      const describe = (element: Element): string =>
        `${element.tagName.toLowerCase()} ${(element.textContent ?? '').trim().slice(0, 40)}`;
      const controls = [
        ...document.querySelectorAll(
          'button, nav, header, footer, form:not(.item-form), input[type="file"], .button-link',
        ),
      ];
      const isPlain = (background: string): boolean =>
        ['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)', 'transparent'].includes(background);
      const texts = [...document.querySelectorAll('#root *')].filter(
        (element) =>
          isShown(element) &&
          [...element.childNodes].some(
            (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
          ),
      );
      return {
        shownControls: controls.filter(isShown).map(describe),
        colouredText: texts
          .filter((element) => {
            const style = getComputedStyle(element);
            return style.color !== 'rgb(0, 0, 0)' || !isPlain(style.backgroundColor);
          })
          .map((element) => `${describe(element)}: ${getComputedStyle(element).color}`),
        linksWithAddedText: [...document.querySelectorAll('a[href]')]
          .filter((link) => isShown(link))
          .filter((link) => !['none', 'normal'].includes(getComputedStyle(link, '::after').content))
          .map(describe),
      };
    });
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}

describe('printing', () => {
  it('prints the agenda black on white, without navigation, buttons or forms', async () => {
    await page.goto(`${server.baseUrl}/moeder/${draftId}/dagsorden`);
    await page.getByRole('button', { name: 'Tilføj punkt' }).waitFor();
    const printed = await readPrintedPage();
    expect(printed).toEqual({ shownControls: [], colouredText: [], linksWithAddedText: [] });
    await page.emulateMedia({ media: 'print' });
    // The agenda itself stays: its items as table rows that are not split across pages.
    expect(await page.locator('.agenda-table thead').isVisible()).toBe(true);
    const rows = page.locator('.agenda-row');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().evaluate((row) => getComputedStyle(row).breakInside)).toBe('avoid');
    expect(await page.getByRole('link', { name: 'Evt.' }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  }, 30_000);

  it("prints an item's texts, not the editor's boxes and buttons", async () => {
    await page.goto(`${server.baseUrl}/moeder/${draftId}/dagsorden`);
    await page.getByRole('link', { name: 'Status på budgetaftalen (30 min)' }).click();
    await page.getByLabel('Indstiller').waitFor();
    const printed = await readPrintedPage();
    expect(printed).toEqual({ shownControls: [], colouredText: [], linksWithAddedText: [] });
    await page.emulateMedia({ media: 'print' });
    const proposer = page.getByLabel('Indstiller');
    expect(await proposer.isVisible()).toBe(true);
    expect(await proposer.evaluate((input) => getComputedStyle(input).borderTopStyle)).toBe('none');
    // A multi-line text prints whole, not cut at the box's height on screen.
    const background = page.getByLabel('Anledning');
    expect(await background.evaluate((area) => area.scrollHeight <= area.clientHeight + 1)).toBe(
      true,
    );
    await page.emulateMedia({ media: 'screen' });
  }, 30_000);

  it('prints search results without the search form', async () => {
    await page.goto(`${server.baseUrl}/soeg?q=budget`);
    await page.locator('mark').first().waitFor();
    const printed = await readPrintedPage();
    expect(printed.shownControls).toEqual([]);
    expect(printed.linksWithAddedText).toEqual([]);
    // The hits' highlights are bold and underlined instead of yellow.
    expect(printed.colouredText).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const mark = page.locator('mark').first();
    expect(await mark.evaluate((element) => getComputedStyle(element).fontWeight)).toBe('700');
    const hits = page.locator('.search-results > li');
    expect(await hits.count()).toBeGreaterThan(0);
    expect(await hits.first().evaluate((hit) => getComputedStyle(hit).breakInside)).toBe('avoid');
    await page.emulateMedia({ media: 'screen' });
  }, 30_000);
});
