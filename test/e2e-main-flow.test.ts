import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { findForumIdByReference } from '../src/services/auth/user-service.ts';
import { addItem, updateItem } from '../src/services/item-service.ts';
import {
  createMeeting,
  publishAgenda,
  startMeeting,
} from '../src/services/meeting-flow-service.ts';
import { type RunningApp, startAppServer, withoutStandingItems } from './support/app-server.ts';
import { makeScratchFolder, removeScratchFolders } from './support/archive-io.ts';
import { launchBrowser } from './support/browser.ts';
import {
  confirmIfAsked,
  csrfHeaders,
  meetingIdOf,
  severeViolations,
  signInAs,
  tabTo,
  waitForSaved,
} from './support/e2e-steps.ts';
import { addChefforumSecretary, type BrowserAccount } from './support/e2e-users.ts';

let browser: Browser;
let server: RunningApp;
let secretary: BrowserAccount;
const violations: string[] = [];

beforeAll(async () => {
  server = await startAppServer();
  await withoutStandingItems(server.archive);
  secretary = await addChefforumSecretary(server.archive);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeScratchFolders();
});

/** A new browser context, signed in as Chefforum's secretary, who runs the meeting cycle. */
async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  await signInAs(page, server.baseUrl, secretary.username, secretary.password);
  return { context, page };
}

/** The demo data's draft meeting, its workspace, and the list of all meetings (through the API). */
async function demoDraft(page: Page) {
  const meetings = await (await page.request.get(`${server.baseUrl}/api/meetings`)).json();
  const draft = meetings.find((meeting: { status: string }) => meeting.status === 'draft');
  const answer = await page.request.get(`${server.baseUrl}/api/meetings/${draft.id}/workspace`);
  return { meetings, draft, workspace: await answer.json() };
}

/** Checks the page with axe and collects what it finds; asserted once per test. */
async function checkAccessibility(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  violations.push(...(await severeViolations(page)));
}

describe('the main flow in Chromium', () => {
  it('creates a meeting, writes an item, publishes, decides, publishes minutes and finds the decision', async () => {
    const { context, page } = await newPage();
    await page.goto(server.baseUrl);
    await checkAccessibility(page);
    await page.getByLabel('Forum', { exact: true }).selectOption({ label: 'Chefforum' });
    await page.getByLabel('Dato').fill('2026-12-21');
    await page.getByLabel('Starttidspunkt').fill('09:00');
    await page.getByLabel('Mødested').fill('Byrådssalen');
    await page.getByRole('button', { name: 'Opret møde' }).click();
    await page.waitForURL(/\/moeder\/\d+$/u);
    const meetingId = meetingIdOf(page);
    await expect
      .poll(() => page.getByText('Godkendelse af dagsorden og referat').count())
      .toBeGreaterThan(0);
    await checkAccessibility(page);

    await page.getByLabel('Titel på punktet').fill('Ny sygefraværsstatistik');
    await page.getByLabel('Formål').selectOption({ label: 'Beslutte' });
    await page.getByLabel('Tid i minutter').fill('30');
    await page.getByRole('button', { name: 'Tilføj punkt' }).click();
    await page.getByRole('link', { name: 'Ny sygefraværsstatistik' }).click();
    await page.waitForURL(/\/punkter\/\d+$/u);
    await page.getByLabel('Journalnummer').fill('81.00.00-A00-1-26');
    await page
      .getByLabel('Anledning')
      .fill('Chefforum får sygefraværet på enhedsniveau hvert kvartal.');
    await page
      .getByLabel('Sagsfremstilling')
      .fill('Fraværet er faldet.\n\n| Enhed | Fravær |\n|---|---|\n| Skoler | 4,1 % |');
    await page.getByRole('tab', { name: 'Forhåndsvisning af Sagsfremstilling' }).click();
    await expect.poll(() => page.locator('table td').first().textContent()).toBe('Skoler');
    await checkAccessibility(page);
    await page.getByRole('tab', { name: 'Skriv Sagsfremstilling' }).click();
    await page.getByLabel('Indstiller').fill('Kommunaldirektøren');
    await page.getByRole('button', { name: 'Tilføj at-punkt' }).click();
    await page.getByLabel('At-punkt 1').fill('at statistikken tages til efterretning');
    await page.getByRole('button', { name: 'Gem punkt' }).click();
    await page.getByText('Punktet er gemt.').waitFor();

    await page.goto(`${server.baseUrl}/moeder/${meetingId}`);
    await page.getByRole('button', { name: 'Udsend dagsorden' }).click();
    await confirmIfAsked(page);
    await expect.poll(() => page.getByText('Dagsorden udsendt').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Start mødet' }).click();
    await confirmIfAsked(page);
    await page.waitForURL(/\/moede$/u);
    await checkAccessibility(page);

    await page
      .getByRole('group', { name: 'Standardformuleringer til punkt 2' })
      .getByRole('button', { name: 'Chefforum godkendte indstillingen.' })
      .click();
    const decision = page.getByLabel('Beslutning til punkt 2');
    await decision.press('End');
    await decision.pressSequentially(' Fraværet følges kvartalsvis i enhederne.');
    await waitForSaved(page);
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Beslutning til punkt 2').inputValue())
      .toBe('Chefforum godkendte indstillingen. Fraværet følges kvartalsvis i enhederne.');
    await page.getByRole('button', { name: 'Afslut mødet' }).click();
    await page.getByRole('button', { name: 'Udsend referat' }).click();
    await confirmIfAsked(page);
    await expect.poll(() => page.getByText('Referat udsendt').count()).toBeGreaterThan(0);

    await page.goto(`${server.baseUrl}/moeder/${meetingId}`);
    // The link opens the PDF inline (Chromium's viewer); fetch what it points at, as a save does.
    const href = await page
      .getByRole('link', { name: /Hent referatet som PDF/u })
      .getAttribute('href');
    const response = await page.request.get(new URL(href ?? '', server.baseUrl).toString());
    expect(response.headers()['content-type']).toBe('application/pdf');
    const pdfPath = join(makeScratchFolder('referat-e2e-'), 'referat.pdf');
    writeFileSync(pdfPath, await response.body());
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Fraværet følges kvartalsvis i enhederne.');
    expect(text).toContain('REFERAT Chefforum d. 21-12-2026');

    await page.goto(`${server.baseUrl}/soeg`);
    await page.getByLabel('Søgeord').fill('kvartalsvis enhederne');
    await page.getByRole('button', { name: 'Søg', exact: true }).click();
    await expect
      .poll(() => page.getByRole('link', { name: /Ny sygefraværsstatistik/u }).count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);
    await checkAccessibility(page);
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);

  it('works by keyboard alone: create, add and move items, write, publish, decide, publish minutes', async () => {
    const { context, page } = await newPage();
    const press = (key: string) => page.keyboard.press(key);
    await page.goto(server.baseUrl);
    await tabTo(page, page.getByLabel('Dato'));
    await page.keyboard.type('01112027');
    await tabTo(page, page.getByRole('button', { name: 'Opret møde' }));
    await press('Enter');
    await page.waitForURL(/\/moeder\/\d+$/u);
    const meetingId = meetingIdOf(page);
    for (const title of ['Kørselsordning', 'Budgetopfølgning']) {
      await tabTo(page, page.getByLabel('Titel på punktet'));
      await page.keyboard.type(title);
      await tabTo(page, page.getByRole('button', { name: 'Tilføj punkt' }));
      await press('Enter');
      await page.getByRole('link', { name: title }).waitFor();
    }
    await tabTo(page, page.getByRole('button', { name: 'Flyt op: Budgetopfølgning' }));
    await press('Enter');
    await page.getByText('Budgetopfølgning er flyttet til punkt 2.').waitFor();
    const order = await page.request.get(`${server.baseUrl}/api/meetings/${meetingId}/workspace`);
    expect((await order.json()).items.map((item: { title: string }) => item.title)).toEqual([
      'Godkendelse af dagsorden og referat',
      'Budgetopfølgning',
      'Kørselsordning',
      'Evt.',
    ]);

    await tabTo(page, page.getByRole('link', { name: 'Kørselsordning' }));
    await press('Enter');
    await page.waitForURL(/\/punkter\/\d+$/u);
    await tabTo(page, page.getByLabel('Anledning'));
    await page.keyboard.type('Ny kørselsordning for hjemmeplejen.');
    await tabTo(page, page.getByRole('button', { name: 'Gem punkt' }));
    await press('Enter');
    await page.getByText('Punktet er gemt.').waitFor();
    await tabTo(page, page.getByRole('link', { name: /^Tilbage til/u }));
    await press('Enter');
    await page.waitForURL(/\/moeder\/\d+$/u);

    await tabTo(page, page.getByRole('button', { name: 'Udsend dagsorden' }));
    await press('Enter');
    await confirmIfAsked(page);
    await tabTo(page, page.getByRole('button', { name: 'Start mødet' }));
    await press('Enter');
    await confirmIfAsked(page);
    await page.waitForURL(/\/moede$/u);
    await tabTo(page, page.getByLabel('Beslutning til punkt 3'));
    await page.keyboard.type('Chefforum godkendte kørselsordningen.');
    await waitForSaved(page);
    await tabTo(page, page.getByRole('button', { name: 'Afslut mødet' }));
    await press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Udsend referat' }));
    await press('Enter');
    await confirmIfAsked(page);
    await expect.poll(() => page.getByText('Referat udsendt').count()).toBeGreaterThan(0);
    const meeting = await page.request.get(`${server.baseUrl}/api/meetings/${meetingId}`);
    expect(await meeting.json()).toMatchObject({
      status: 'minutes_published',
      items: [
        {},
        {},
        { title: 'Kørselsordning', decision: 'Chefforum godkendte kørselsordningen.' },
        {},
      ],
    });
    await tabTo(page, page.getByRole('link', { name: 'Søg i arkivet' }));
    await press('Enter');
    await tabTo(page, page.getByLabel('Søgeord'));
    await page.keyboard.type('kørselsordningen');
    await press('Enter');
    await page
      .getByRole('link', { name: /Kørselsordning/u })
      .first()
      .waitFor();
    await context.close();
  }, 120_000);

  it('shows both versions when someone else saved first, and keeps mine on request', async () => {
    const { context, page } = await newPage();
    const { draft, workspace } = await demoDraft(page);
    const item = workspace.items[1];
    await page.goto(`${server.baseUrl}/moeder/${draft.id}/punkter/${item.id}`);
    await page.getByLabel('Anledning').fill('Min version af anledningen.');
    const other = await page.request.patch(`${server.baseUrl}/api/items/${item.id}`, {
      data: { version: item.version, background: 'Den andens version.' },
      headers: await csrfHeaders(page, server.baseUrl),
    });
    expect(other.status()).toBe(200);
    await page.getByRole('button', { name: 'Gem punkt' }).click();
    await page.getByText('Den andens version.').first().waitFor();
    await checkAccessibility(page);
    await page.getByRole('button', { name: 'Behold mine' }).click();
    await expect
      .poll(async () => {
        const saved = await page.request.get(
          `${server.baseUrl}/api/meetings/${draft.id}/workspace`,
        );
        return (await saved.json()).items[1].background;
      })
      .toBe('Min version af anledningen.');
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);

  it('has no serious or critical axe violations on the other pages', async () => {
    const { context, page } = await newPage();
    const { draft, workspace, meetings } = await demoDraft(page);
    const archived = meetings.find((meeting: { date: string }) => meeting.date === '2018-10-11');
    for (const path of [
      '/fora',
      `/moeder/${draft.id}/dagsorden`,
      `/moeder/${draft.id}/punkter/${workspace.items[0].id}`,
      `/moeder/${archived.id}`,
      `/moeder/${archived.id}/moede`,
      '/soeg?q=budget',
      `/sager/${encodeURIComponent('00.30.14-S00-2-16')}`,
      '/findes-ikke',
    ]) {
      await page.goto(`${server.baseUrl}${path}`);
      await checkAccessibility(page);
    }
    await page.goto(`${server.baseUrl}/moeder/${draft.id}`);
    await page.getByText('Ret dato, tid og sted').click();
    await page.getByLabel('Mødested').fill('Byrådssalen');
    await page.getByRole('button', { name: 'Gem ændringerne' }).click();
    await page.getByText('Mødets dato, tid og sted er gemt.').waitFor();
    await checkAccessibility(page);
    const moved = await page.request.get(`${server.baseUrl}/api/meetings/${draft.id}`);
    expect((await moved.json()).location).toBe('Byrådssalen');
    await page.goto(`${server.baseUrl}/fora`);
    await page.getByRole('button', { name: 'Rediger Chefforum' }).click();
    expect(await page.getByRole('radio', { name: /^Offentligt/u }).isChecked()).toBe(true);
    await checkAccessibility(page);
    expect(violations).toEqual([]);
    await context.close();
  }, 120_000);

  it('keeps every keystroke of a decision through a dropped connection and a closed page', async () => {
    const { context, page } = await newPage();
    // A meeting under way, with a decision already begun on item 2.
    const setUp = localAdministrator('Browsertest');
    const forumId = await findForumIdByReference(server.archive, 'Chefforum');
    const archived = await createMeeting(server.archive, setUp, { forumId, date: '2027-03-04' });
    const item = await addItem(server.archive, setUp, archived.id, { title: 'Kørselsordning' });
    await publishAgenda(server.archive, setUp, archived.id);
    await startMeeting(server.archive, setUp, archived.id);
    await updateItem(server.archive, setUp, item.id, item.version, {
      decision: 'Chefforum drøftede sagen.',
    });
    expect(item.number).toBe(2);
    await page.goto(`${server.baseUrl}/moeder/${archived.id}/moede`);
    const field = page.getByLabel('Beslutning til punkt 2');
    const before = await field.inputValue();
    await context.setOffline(true);
    await field.press('Control+End');
    await field.pressSequentially(' Tilføjet uden net.');
    await expect
      .poll(() => page.locator('output').first().textContent(), { timeout: 10_000 })
      .toMatch(/^Beslutningen kunne ikke gemmes: serveren kan ikke nås lige nu\./u);
    await page.close();
    await context.setOffline(false);
    const reopened = await context.newPage();
    await reopened.goto(`${server.baseUrl}/moeder/${archived.id}/moede`);
    await expect
      .poll(
        async () => {
          const meeting = await reopened.request.get(
            `${server.baseUrl}/api/meetings/${archived.id}`,
          );
          return (await meeting.json()).items[1].decision;
        },
        { timeout: 10_000 },
      )
      .toBe(`${before} Tilføjet uden net.`);
    await context.close();
  }, 60_000);

  it('reorders items by drag and drop', async () => {
    const { context, page } = await newPage();
    const [forum] = await (await page.request.get(`${server.baseUrl}/api/forums`)).json();
    const headers = await csrfHeaders(page, server.baseUrl);
    const created = await page.request.post(`${server.baseUrl}/api/meetings`, {
      data: { forumId: forum.id, date: '2027-02-01' },
      headers,
    });
    const meetingId = (await created.json()).id;
    for (const title of ['Første sag', 'Anden sag'])
      await page.request.post(`${server.baseUrl}/api/meetings/${meetingId}/items`, {
        data: { title },
        headers,
      });
    await page.goto(`${server.baseUrl}/moeder/${meetingId}/dagsorden`);
    const row = (title: string) =>
      page.locator('tr', { has: page.getByRole('link', { name: title }) });
    await row('Anden sag').dragTo(row('Første sag'));
    await expect
      .poll(async () => {
        const workspace = await page.request.get(
          `${server.baseUrl}/api/meetings/${meetingId}/workspace`,
        );
        return (await workspace.json()).items.map((item: { title: string }) => item.title);
      })
      .toEqual(['Godkendelse af dagsorden og referat', 'Anden sag', 'Første sag', 'Evt.']);
    await context.close();
  }, 60_000);

  it('asks before leaving an item with unsaved changes', async () => {
    const { context, page } = await newPage();
    const { draft, workspace } = await demoDraft(page);
    await page.goto(`${server.baseUrl}/moeder/${draft.id}/punkter/${workspace.items[1].id}`);
    await page.getByLabel('Anledning').fill('Ikke gemt endnu.');
    const questions: string[] = [];
    page.once('dialog', async (dialog) => {
      questions.push(dialog.message());
      await dialog.dismiss();
    });
    await page.getByRole('link', { name: /^Tilbage til/u }).click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toMatch(/ikke er gemt/u);
    expect(page.url()).toMatch(/\/punkter\/\d+$/u);
    expect(await page.getByLabel('Anledning').inputValue()).toBe('Ikke gemt endnu.');
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('link', { name: /^Tilbage til/u }).click();
    await page.waitForURL(/\/moeder\/\d+$/u);
    await context.close();
  }, 60_000);
});
