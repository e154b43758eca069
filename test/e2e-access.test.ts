import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { findForumIdByReference } from '../src/services/auth/user-service.ts';
import { createMeeting } from '../src/services/meeting-flow-service.ts';
import { listMeetings } from '../src/services/meeting-service.ts';
import { type RunningApp, startAppServer } from './support/app-server.ts';
import { removeScratchFolders } from './support/archive-io.ts';
import { launchBrowser } from './support/browser.ts';
import { confirmIfAsked, csrfHeaders, severeViolations, signInAs } from './support/e2e-steps.ts';
import {
  addBrowserAccount,
  addChefforumSecretary,
  addFirstAdministrator,
  type BrowserAccount,
} from './support/e2e-users.ts';

let browser: Browser;
let server: RunningApp;
let firstAdministrator: BrowserAccount;
let administrator: BrowserAccount;
let secretary: BrowserAccount;
let draftId: number;
let publishedId: number;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startAppServer();
  // The first start's administrator exists only while there are no other accounts.
  firstAdministrator = await addFirstAdministrator(server.archive);
  administrator = await addBrowserAccount(server.archive, {
    username: 'it-chef',
    name: 'Ida Administrator',
    isAdministrator: true,
  });
  secretary = await addChefforumSecretary(server.archive);
  const meetings = await listMeetings(server.archive, localAdministrator());
  draftId = meetingWith(meetings, (meeting) => meeting.status === 'draft');
  publishedId = meetingWith(meetings, (meeting) => meeting.date === '2018-10-11');
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeScratchFolders();
});

function meetingWith<T extends { id: number }>(list: T[], test: (meeting: T) => boolean): number {
  const found = list.find(test);
  if (!found) throw new Error('the demo data lacks a meeting the tests need');
  return found.id;
}

/** A fresh browser, not signed in: its own cookies, so each test is someone else. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'da-DK' });
  contexts.push(context);
  return context.newPage();
}

async function expectNoSevereViolations(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  expect(await severeViolations(page)).toEqual([]);
}

/** Changes the password on the change-password page the app forces a new account to. */
async function changeFirstPassword(page: Page, current: string, next: string): Promise<void> {
  await page.waitForURL(/\/skift-adgangskode/u);
  await page.getByLabel('Nuværende adgangskode').fill(current);
  await page.getByLabel('Ny adgangskode', { exact: true }).fill(next);
  await page.getByLabel('Gentag ny adgangskode').fill(next);
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/skift-adgangskode'));
}

const editActions = [
  'Udsend dagsorden',
  'Start mødet',
  'Udsend referat',
  'Godkend referat',
  'Tilføj punkt',
];

describe('an anonymous visitor', () => {
  it('reads the public archive with no way to change it', async () => {
    const page = await newPage();
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: 'Chefforum' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Nyt møde' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Log ind' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Log ud' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    const listed = await (await page.request.get(`${server.baseUrl}/api/meetings`)).json();
    expect(listed.map((meeting: { status: string }) => meeting.status)).not.toContain('draft');

    await page.goto(`${server.baseUrl}/moeder/${publishedId}`);
    await page.getByRole('heading', { name: 'Dokumenter' }).waitFor();
    for (const name of editActions)
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await page.getByRole('heading', { name: 'Handlinger' }).count()).toBe(0);
    expect(await page.getByText('Ret dato, tid og sted').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Mødetilstand' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Flyt|^Slet/u }).count()).toBe(0);
    await expectNoSevereViolations(page);
    const pdf = await page
      .getByRole('link', { name: 'Hent referatet som PDF' })
      .getAttribute('href');
    const document = await page.request.get(new URL(pdf ?? '', server.baseUrl).toString());
    expect(document.headers()['content-type']).toBe('application/pdf');

    await page.getByRole('table').getByRole('link').nth(1).click();
    await page.waitForURL(/\/punkter\/\d+$/u);
    await page.getByRole('heading', { level: 1, name: /^Punkt 2/u }).waitFor();
    expect(await page.getByRole('button', { name: 'Gem punkt' }).count()).toBe(0);
    expect(await page.getByRole('textbox').count()).toBe(0);
    await expectNoSevereViolations(page);

    await page.goto(`${server.baseUrl}/fora`);
    await page.getByText('Offentligt:').waitFor();
    expect(await page.getByRole('button', { name: 'Rediger Chefforum' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Nyt forum' }).count()).toBe(0);

    await page.goto(`${server.baseUrl}/soeg?q=budget`);
    await expect.poll(() => page.locator('mark').count()).toBeGreaterThan(0);
    await page.goto(`${server.baseUrl}/sager/${encodeURIComponent('00.30.14-S00-2-16')}`);
    await page.getByRole('link', { name: 'Gå til mødet' }).first().waitFor();
  }, 60_000);

  it('gets the sign-in page for meeting mode, and a way to sign in for a draft', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/moeder/${publishedId}/moede`);
    await page.waitForURL(/\/log-ind\?tilbage=%2Fmoeder%2F\d+%2Fmoede$/u);
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();

    await page.goto(`${server.baseUrl}/moeder/${draftId}`);
    const alert = page.getByRole('alert');
    await alert.getByText('Mødet findes ikke.').waitFor();
    await alert.getByRole('link', { name: 'Log ind' }).click();
    await page.waitForURL(/\/log-ind\?tilbage=%2Fmoeder%2F\d+$/u);
    await page.getByLabel('Brugernavn').fill(secretary.username);
    await page.getByLabel('Adgangskode', { exact: true }).fill(secretary.password);
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.waitForURL(new RegExp(`/moeder/${draftId}$`, 'u'));
    await page.getByRole('button', { name: 'Udsend dagsorden' }).waitFor();
  }, 60_000);
});

describe('signing in', () => {
  it('says in Danish what is wrong, with focus on the summary', async () => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/log-ind`);
    await expectNoSevereViolations(page);
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Skriv dit brugernavn.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    await summary.getByRole('link', { name: 'Skriv dit brugernavn.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('brugernavn');

    await page.getByLabel('Brugernavn').fill(secretary.username);
    await page.getByLabel('Adgangskode', { exact: true }).fill('forkert-adgangskode');
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await summary.getByText('Forkert brugernavn eller adgangskode.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/log-ind');
    expect(await page.getByLabel('Adgangskode', { exact: true }).inputValue()).toBe('');
    await expectNoSevereViolations(page);
  }, 60_000);

  it('shows the message a failed single sign-on comes back with', async () => {
    const page = await newPage();
    await page.goto(
      `${server.baseUrl}/log-ind?fejl=${encodeURIComponent('Log-ind-tjenesten svarer ikke.')}`,
    );
    await page.getByRole('alert').getByText('Log-ind-tjenesten svarer ikke.').waitFor();
  }, 30_000);

  it('makes the first administrator choose a password before anything else', async () => {
    const page = await newPage();
    await signInAs(page, server.baseUrl, firstAdministrator.username, firstAdministrator.password);
    await page.waitForURL(/\/skift-adgangskode$/u);
    await expectNoSevereViolations(page);
    await page.goto(`${server.baseUrl}/fora`);
    await page.waitForURL(/\/skift-adgangskode\?tilbage=%2Ffora$/u);

    await page.getByLabel('Nuværende adgangskode').fill(firstAdministrator.password);
    await page.getByLabel('Ny adgangskode', { exact: true }).fill('for-kort');
    await page.getByLabel('Gentag ny adgangskode').fill('for-kort');
    await page.getByRole('button', { name: 'Skift adgangskode' }).click();
    await page
      .getByRole('alert')
      .getByText('Den nye adgangskode skal være mindst 12 tegn.')
      .waitFor();
    await expectNoSevereViolations(page);

    const newPassword = 'admin-vælger-sin-egen-kode';
    await changeFirstPassword(page, firstAdministrator.password, newPassword);
    await page.waitForURL(/\/fora$/u);
    await page.getByRole('link', { name: 'Administration' }).waitFor();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.getByRole('link', { name: 'Log ind' }).waitFor();
    await signInAs(page, server.baseUrl, firstAdministrator.username, newPassword);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('link', { name: 'Administration' }).waitFor();
  }, 60_000);

  it('sends a write whose session has ended to the sign-in page, and back', async () => {
    const page = await newPage();
    await signInAs(page, server.baseUrl, secretary.username, secretary.password);
    await page.goto(`${server.baseUrl}/moeder/${draftId}`);
    await page.getByRole('button', { name: 'Udsend dagsorden' }).waitFor();
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Udsend dagsorden' }).click();
    await confirmIfAsked(page);
    await page.waitForURL(/\/log-ind\?tilbage=%2Fmoeder%2F\d+&fejl=/u);
    await page
      .getByRole('alert')
      .getByText(/Du er ikke logget ind længere/u)
      .waitFor();
    await page.getByLabel('Brugernavn').fill(secretary.username);
    await page.getByLabel('Adgangskode', { exact: true }).fill(secretary.password);
    await page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await page.waitForURL(new RegExp(`/moeder/${draftId}$`, 'u'));
  }, 60_000);
});

describe('the administration', () => {
  it('creates a secretary who publishes an agenda, and a member who cannot', async () => {
    const forumId = await findForumIdByReference(server.archive, 'Chefforum');
    const meeting = await createMeeting(server.archive, localAdministrator(), {
      forumId,
      date: '2027-03-01',
    });
    const page = await newPage();
    await signInAs(page, server.baseUrl, administrator.username, administrator.password);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brugere' }).waitFor();
    await page.getByRole('cell', { name: 'Chefforum: Sekretær' }).first().waitFor();
    await expectNoSevereViolations(page);

    const karin = await createUser(page, 'karin.sekretaer', 'Karin Sekretær', 'Sekretær');
    await expectNoSevereViolations(page);
    const mads = await createUser(page, 'mads.medlem', 'Mads Medlem', 'Medlem');

    await page.getByRole('button', { name: 'Rediger Mads Medlem' }).click();
    const editor = page.getByRole('region', { name: /^Rediger Mads Medlem/u });
    await editor.getByLabel('Navn', { exact: true }).fill('Mads Holm Medlem');
    await editor.getByRole('button', { name: 'Gem bruger' }).click();
    await page.getByText('Mads Holm Medlem er gemt.').waitFor();
    await expectNoSevereViolations(page);
    await page.getByRole('button', { name: 'Rediger Mads Holm Medlem' }).click();
    await page.getByRole('button', { name: 'Nulstil adgangskode' }).click();
    await page.getByRole('button', { name: 'Bekræft ny adgangskode' }).click();
    const reset = page.getByRole('region', { name: 'Adgangskode til Mads Holm Medlem' });
    const resetPassword = (await reset.locator('code').textContent()) ?? '';
    expect(resetPassword).not.toBe(mads);

    const secretaryPage = await newPage();
    await signInAs(secretaryPage, server.baseUrl, 'karin.sekretaer', karin);
    await changeFirstPassword(secretaryPage, karin, 'karins-egen-lange-kode');
    await secretaryPage.goto(`${server.baseUrl}/moeder/${meeting.id}`);
    await secretaryPage.getByRole('button', { name: 'Udsend dagsorden' }).click();
    await confirmIfAsked(secretaryPage);
    await secretaryPage.getByText(/Dagsordenen er udsendt som version 1/u).waitFor();

    const memberPage = await newPage();
    await signInAs(memberPage, server.baseUrl, 'mads.medlem', resetPassword);
    await changeFirstPassword(memberPage, resetPassword, 'mads-egen-lange-kode');
    await memberPage.goto(`${server.baseUrl}/moeder/${meeting.id}`);
    await memberPage.getByRole('heading', { name: 'Dokumenter' }).waitFor();
    for (const name of editActions)
      expect(await memberPage.getByRole('button', { name }).count(), name).toBe(0);
    const refused = await memberPage.request.post(
      `${server.baseUrl}/api/meetings/${meeting.id}/start`,
      { headers: await csrfHeaders(memberPage, server.baseUrl) },
    );
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toMatch(/sekretær/u);
  }, 120_000);

  it('shows the audit log, newest first, from a chosen day', async () => {
    const page = await newPage();
    await signInAs(page, server.baseUrl, administrator.username, administrator.password);
    await page.goto(`${server.baseUrl}/administration/log`);
    await page.getByRole('heading', { level: 1, name: 'Revisionslog' }).waitFor();
    await page
      .getByRole('cell', { name: /^Log ind/u })
      .first()
      .waitFor();
    await expectNoSevereViolations(page);
    await page.getByLabel('Fra og med dato').fill('2099-01-01');
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await page.waitForURL(/\/administration\/log\?fra=2099-01-01$/u);
    await page.getByText('Der er ingen linjer i loggen.').waitFor();
  }, 60_000);

  it('is refused to those who are not administrators', async () => {
    const page = await newPage();
    await signInAs(page, server.baseUrl, secretary.username, secretary.password);
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/administration/brugere`);
    await page.getByRole('heading', { level: 1, name: 'Ingen adgang' }).waitFor();
  }, 60_000);
});

/** Creates an account on the users page and returns the password shown once. */
async function createUser(page: Page, username: string, name: string, role: string) {
  const form = page.getByRole('region', { name: 'Opret bruger' });
  await form.getByLabel('Brugernavn').fill(username);
  await form.getByLabel('Navn', { exact: true }).fill(name);
  await form.getByLabel('Chefforum').selectOption({ label: role });
  await form.getByRole('button', { name: 'Opret bruger' }).click();
  const shown = page.getByRole('region', { name: `Adgangskode til ${name}` });
  await shown.getByText('Brugeren skal skifte den ved første log ind.').waitFor();
  await shown.getByRole('button', { name: 'Kopiér adgangskoden' }).waitFor();
  const password = (await shown.locator('code').textContent()) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(12);
  return password;
}
