import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { createForum } from '../src/services/forum-service.ts';
import { type RunningApp, startAppServer } from './support/app-server.ts';
import { removeScratchFolders } from './support/archive-io.ts';
import { launchBrowser } from './support/browser.ts';
import { meetingIdOf, severeViolations, signInAs } from './support/e2e-steps.ts';
import { addBrowserAccount, type BrowserAccount } from './support/e2e-users.ts';

let browser: Browser;
let server: RunningApp;
let secretary: BrowserAccount;
let context: BrowserContext;
let page: Page;

/**
 * A forum's own way of working, in Chromium, as its secretary: a new forum starts with
 * Orientering, Drøftelse and Beslutning; the secretary adds "Afdække" and a standing item, a
 * new agenda gets the standing item between item 1 and Evt., and a new item takes "Afdække".
 * The demo's Chefforum (public, with the purposes of domain theory) is there to be read only.
 */
beforeAll(async () => {
  server = await startAppServer();
  await createForum(server.archive, localAdministrator('Browsertest'), {
    name: 'Direktionen',
    abbreviation: 'DIR',
  });
  secretary = await addBrowserAccount(server.archive, {
    username: 'direktionssekretaer',
    name: 'Dorte Sekretær',
    forum: { name: 'Direktionen', role: 'secretary' },
  });
  browser = await launchBrowser();
  context = await browser.newContext({ locale: 'da-DK' });
  page = await context.newPage();
  await signInAs(page, server.baseUrl, secretary.username, secretary.password);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeScratchFolders();
});

/** The id of the element that has the keyboard focus. */
function focusedId(): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** The agenda's rows as number, title, purpose and time, as the table shows them. */
async function agendaRows(): Promise<string[][]> {
  return page
    .locator('.agenda-row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        ['.agenda-number', '.agenda-title a', '.agenda-purpose', '.agenda-minutes'].map(
          (cell) => row.querySelector(cell)?.textContent?.replace('⠿', '').trim() ?? '',
        ),
      ),
    );
}

describe('a forum’s purposes and standing items, as its secretary', () => {
  it('edits the purposes and standing items, with problems listed before saving', async () => {
    await page.goto(`${server.baseUrl}/fora`);
    const chefforum = page.getByRole('region', { name: /^Chefforum/u });
    await chefforum.getByText('Undersøge muligheder').waitFor();
    // Chefforum's way of working is there to read, not to edit, for Direktionen's secretary.
    expect(await page.getByRole('button', { name: 'Rediger Chefforum' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Rediger Direktionen' }).click();
    const editor = page.getByRole('region', { name: /^Direktionen/u });
    expect(
      await Promise.all(
        [1, 2, 3].map((number) =>
          editor.getByLabel(`Formål ${number}`, { exact: true }).inputValue(),
        ),
      ),
    ).toEqual(['Orientering', 'Drøftelse', 'Beslutning']);

    await editor.getByRole('button', { name: 'Tilføj formål' }).click();
    const fourth = editor.getByLabel('Formål 4', { exact: true });
    expect(await fourth.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type('orientering');
    await editor.getByRole('button', { name: 'Tilføj fast punkt' }).click();
    await editor.getByRole('button', { name: 'Gem forum' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er nogle problemer' });
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await summary.getByRole('listitem').allTextContents()).toEqual([
      'Formålet "orientering" står to gange. Ret eller fjern det ene.',
      'Skriv en titel på fast punkt 1, eller fjern det.',
    ]);
    // The problem's link takes the user to its field.
    await summary.getByRole('link', { name: /står to gange/u }).click();
    expect(await fourth.evaluate((element) => element === document.activeElement)).toBe(true);
    await fourth.fill('Afdække');

    // Moved up by keyboard, the focus stays on the moved purpose's button.
    await editor.getByRole('button', { name: 'Flyt formålet Afdække op' }).click();
    expect(await editor.getByLabel('Formål 3', { exact: true }).inputValue()).toBe('Afdække');
    expect(await focusedId()).toBe(
      await editor.getByRole('button', { name: 'Flyt formålet Afdække op' }).getAttribute('id'),
    );
    await editor.getByText('"Afdække" er flyttet til plads 3 af 4.').waitFor();

    await editor.getByLabel('Titel, fast punkt 1').fill('Aktuelle emner');
    const minutes = editor.getByLabel('Tid i minutter, fast punkt 1');
    expect(await minutes.getAttribute('min')).toBe('5');
    expect(await minutes.getAttribute('step')).toBe('5');
    await minutes.fill('30');
    const purpose = editor.getByLabel('Formål, fast punkt 1');
    expect(await purpose.locator('option').allTextContents()).toEqual([
      'Ikke valgt',
      'Orientering',
      'Drøftelse',
      'Afdække',
      'Beslutning',
    ]);
    await purpose.selectOption({ label: 'Drøftelse' });
    expect(await severeViolations(page)).toEqual([]);

    await editor.getByRole('button', { name: 'Gem forum' }).click();
    await page.getByText('Direktionen er gemt.').waitFor();
    await editor.getByText('Aktuelle emner (30 min, Drøftelse)').waitFor();
    const forums = await (await page.request.get(`${server.baseUrl}/api/forums`)).json();
    expect(forums.find((forum: { name: string }) => forum.name === 'Direktionen')).toMatchObject({
      purposes: ['Orientering', 'Drøftelse', 'Afdække', 'Beslutning'],
      standingItems: [{ title: 'Aktuelle emner', durationMinutes: 30, purpose: 'Drøftelse' }],
    });
  }, 60_000);

  it('puts the standing item on a new agenda and lets an item take the new purpose', async () => {
    await page.goto(server.baseUrl);
    await page.getByLabel('Forum', { exact: true }).selectOption({ label: 'Direktionen' });
    await page.getByLabel('Dato').fill('2027-03-01');
    await page.getByLabel('Starttidspunkt').fill('09:00');
    await page.getByRole('button', { name: 'Opret møde' }).click();
    await page.waitForURL(/\/moeder\/\d+$/u);
    await page.locator('.agenda-row').first().waitFor();
    expect(await agendaRows()).toEqual([
      ['1.', 'Godkendelse af dagsorden og referat', '–', '–'],
      ['2.', 'Aktuelle emner', 'Drøftelse', '30 min'],
      ['3.', 'Evt.', '–', '–'],
    ]);

    await page.getByLabel('Titel på punktet').fill('Ny sundhedspolitik');
    const purpose = page.getByLabel('Formål', { exact: true });
    await expect
      .poll(() => purpose.locator('option').allTextContents())
      .toEqual(['Ikke valgt', 'Orientering', 'Drøftelse', 'Afdække', 'Beslutning']);
    await purpose.selectOption({ label: 'Afdække' });
    await page.getByLabel('Tid i minutter').fill('20');
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.getByRole('link', { name: 'Ny sundhedspolitik' }).waitFor();
    await expect.poll(agendaRows).toEqual([
      ['1.', 'Godkendelse af dagsorden og referat', '–', '–'],
      ['2.', 'Aktuelle emner', 'Drøftelse', '30 min'],
      ['3.', 'Ny sundhedspolitik', 'Afdække', '20 min'],
      ['4.', 'Evt.', '–', '–'],
    ]);
    const workspace = await page.request.get(
      `${server.baseUrl}/api/meetings/${meetingIdOf(page)}/workspace`,
    );
    expect((await workspace.json()).items[2]).toMatchObject({
      title: 'Ny sundhedspolitik',
      purpose: 'Afdække',
      durationMinutes: 20,
    });
  }, 60_000);
});
