import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { isCommunicationItemTitle } from '../src/core/item-annotations.ts';
import { findForumIdByReference } from '../src/services/auth/user-service.ts';
import { addItem } from '../src/services/item-service.ts';
import { createMeeting, publishAgenda } from '../src/services/meeting-flow-service.ts';
import { getWorkspace } from '../src/services/workspace-service.ts';
import { makeScratchFolder } from './support/archive-io.ts';
import { csrfHeaders, severeViolations, waitForSaved } from './support/e2e-steps.ts';
import { secretaryBrowser } from './support/secretary-browser.ts';

const screenshotFolder = '/tmp/screens';
const setUp = localAdministrator('Browsertest');
const caseTitle = 'Ny sygefraværsstatistik';
const defaultGatheringTitle = 'Hvad skal kommunikeres ud til afdelingerne?';
const message = 'Sygefraværet vises nu kvartalsvis på enhedsniveau; tal med jeres ledere om det.';

let meetingId: number;
let gatheringTitle: string;

interface StoredItem {
  id: number;
  number: number;
  title: string;
  absent: Array<{ name: string }>;
  guests: Array<{ name: string; role: string | null }>;
  communication: string | null;
}

const session = secretaryBrowser(async (server) => {
  // The agenda as the secretary sent it out: a case, and the item that gathers the messages.
  const forumId = await findForumIdByReference(server.archive, 'Chefforum');
  meetingId = (await createMeeting(server.archive, setUp, { forumId, date: '2026-12-14' })).id;
  await addItem(server.archive, setUp, meetingId, {
    title: caseTitle,
    background: 'Chefforum får sygefraværet på enhedsniveau hvert kvartal.',
  });
  // Chefforum has the gathering item as a standing item; a forum without one adds it by hand.
  const created = await getWorkspace(server.archive, setUp, meetingId);
  gatheringTitle =
    created.items.find((item) => isCommunicationItemTitle(item.title))?.title ??
    (await addItem(server.archive, setUp, meetingId, { title: defaultGatheringTitle })).title;
  await publishAgenda(server.archive, setUp, meetingId);
});

/** The secretary in a browser that lets the page write and read the clipboard. */
function secretaryPage(): Promise<Page> {
  return session.page({ permissions: ['clipboard-read', 'clipboard-write'] });
}

/** The meeting's items as the API has them now. */
async function storedItems(page: Page): Promise<StoredItem[]> {
  const answer = await page.request.get(
    `${session.server.baseUrl}/api/meetings/${meetingId}/workspace`,
  );
  return ((await answer.json()) as { items: StoredItem[] }).items;
}

async function storedItem(page: Page, title: string): Promise<StoredItem> {
  const item = (await storedItems(page)).find((candidate) => candidate.title === title);
  if (!item) throw new Error(`no item "${title}"`);
  return item;
}

/** A lifecycle step through the API, as the buttons do, with the session's CSRF token. */
async function post(page: Page, step: string): Promise<void> {
  const answer = await page.request.post(
    `${session.server.baseUrl}/api/meetings/${meetingId}/${step}`,
    {
      headers: await csrfHeaders(page, session.server.baseUrl),
    },
  );
  expect(answer.status(), `${step}: ${await answer.text()}`).toBe(200);
}

describe('attendance and "Kommunikeres ud" through the meeting cycle, in Chromium', () => {
  it('records an afbud before the start, plans and adds presenters, gathers the messages and prints them', async () => {
    const page = await secretaryPage();

    // Before the meeting: Søren Dahl has sent his apologies.
    await page.goto(`${session.server.baseUrl}/moeder/${meetingId}`);
    const apologies = page.getByRole('region', { name: 'Afbud' });
    await apologies.waitFor();
    expect(await apologies.getByRole('status').textContent()).toBe('Ingen har meldt afbud.');
    const group = apologies.getByRole('group', { name: 'Medlemmer, der har meldt afbud' });
    await group.getByLabel('Søren Dahl').check();
    await expect
      .poll(() => apologies.getByRole('status').textContent())
      .toBe('Afbud fra Søren Dahl (Chef for Skoler & Uddannelser).');
    for (const item of await storedItems(page))
      expect(item.absent.map((person) => person.name)).toEqual(['Søren Dahl']);
    expect(await severeViolations(page)).toEqual([]);
    mkdirSync(screenshotFolder, { recursive: true });
    await apologies.screenshot({ path: `${screenshotFolder}/meeting-apologies.png` });

    // The agenda plans a guest for the case, in the item editor.
    const planned = await storedItem(page, caseTitle);
    await page.goto(`${session.server.baseUrl}/moeder/${meetingId}/punkter/${planned.id}`);
    const guests = page.getByRole('group', { name: /^Gæster og oplægsholdere/u });
    await guests.waitFor();
    expect(await guests.getByText('Ingen gæster eller oplægsholdere.').count()).toBe(1);
    await guests.getByLabel('Navn på gæst').fill('Mette Berg');
    await guests.getByLabel(/^Rolle for gæst/u).fill('økonomikonsulent');
    await guests.getByLabel(/^Rolle for gæst/u).press('Enter');
    await guests
      .getByRole('listitem')
      .filter({ hasText: 'Mette Berg (økonomikonsulent)' })
      .waitFor();
    // Enter added the guest; the item itself is saved with "Gem punkt".
    expect((await storedItem(page, caseTitle)).guests).toEqual([]);
    await guests.screenshot({ path: `${screenshotFolder}/item-editor-guests.png` });
    expect(await severeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Gem punkt' }).click();
    await page.getByText('Punktet er gemt.').waitFor();
    expect((await storedItem(page, caseTitle)).guests).toEqual([
      { name: 'Mette Berg', role: 'økonomikonsulent' },
    ]);

    // The meeting starts: the afbud is already ticked in meeting mode.
    await page.goto(`${session.server.baseUrl}/moeder/${meetingId}`);
    await page.getByRole('button', { name: 'Start mødet' }).click();
    // A meeting started on another day than planned is confirmed first.
    const confirm = page.getByRole('button', { name: 'Start mødet alligevel' });
    await Promise.race([page.waitForURL(/\/moede$/u), confirm.waitFor()]);
    if (!page.url().endsWith('/moede')) {
      await confirm.click();
      await page.waitForURL(/\/moede$/u);
    }
    const wholeMeeting = page.getByRole('group', { name: 'Fraværende på hele mødet' });
    await wholeMeeting.waitFor();
    expect(await wholeMeeting.getByLabel('Søren Dahl').isChecked()).toBe(true);
    expect(await wholeMeeting.locator('input:checked').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Afbud' }).count()).toBe(0);

    // A presenter joins the case, saved at once.
    const number = planned.number;
    const caseItem = page.getByRole('region', { name: `${number}. ${caseTitle}` });
    const caseGuests = caseItem.getByRole('group', {
      name: `Gæster og oplægsholdere ved punkt ${number} (1)`,
    });
    expect(await caseGuests.locator('li').allTextContents()).toEqual([
      'Mette Berg (økonomikonsulent)Fjern Mette Berg (økonomikonsulent)',
    ]);
    await caseGuests.getByLabel(`Navn på gæst ved punkt ${number}`).fill('Jens Hansen');
    await caseGuests
      .getByLabel(`Rolle for gæst ved punkt ${number} (valgfri)`)
      .fill('oplægsholder');
    await caseGuests.getByRole('button', { name: `Tilføj gæst ved punkt ${number}` }).click();
    await expect
      .poll(() => caseItem.getByText('Jens Hansen (oplægsholder) er tilføjet og gemt.').count())
      .toBe(1);
    expect((await storedItem(page, caseTitle)).guests).toEqual([
      { name: 'Mette Berg', role: 'økonomikonsulent' },
      { name: 'Jens Hansen', role: 'oplægsholder' },
    ]);

    // A decision, then "Kommunikeres ud" with a message, saved as it is typed.
    await caseItem
      .getByRole('group', { name: `Standardformuleringer til punkt ${number}` })
      .getByRole('button', { name: 'Chefforum godkendte indstillingen.' })
      .click();
    await waitForSaved(page);
    const box = caseItem.getByLabel(`Kommunikeres ud fra punkt ${number}`);
    await box.check();
    const field = caseItem.getByLabel(`Besked til afdelingerne fra punkt ${number}`);
    await field.pressSequentially(message);
    await expect
      .poll(() => caseItem.locator('.item-communication [role="status"]').textContent(), {
        timeout: 10_000,
      })
      .toMatch(/^Beskeden er gemt kl\. \d{2}:\d{2}\.$/u);
    expect((await storedItem(page, caseTitle)).communication).toBe(message);
    expect(await caseItem.getByText(`${message.length} af 2000 tegn`).count()).toBe(1);

    // Evt. is ticked and unticked again: no message is kept.
    const evt = await storedItem(page, 'Evt.');
    const evtItem = page.getByRole('region', { name: `${evt.number}. Evt.` });
    await evtItem.getByLabel(`Kommunikeres ud fra punkt ${evt.number}`).check();
    await evtItem
      .getByLabel(`Besked til afdelingerne fra punkt ${evt.number}`)
      .fill('Kun et udkast.');
    await evtItem.getByLabel(`Besked til afdelingerne fra punkt ${evt.number}`).blur();
    await expect
      .poll(async () => (await storedItem(page, 'Evt.')).communication)
      .toBe('Kun et udkast.');
    await evtItem.getByLabel(`Kommunikeres ud fra punkt ${evt.number}`).uncheck();
    await expect
      .poll(() => evtItem.locator('.item-communication [role="status"]').textContent())
      .toMatch(/^Punktet skal ikke kommunikeres ud; beskeden er fjernet kl\. \d{2}:\d{2}\.$/u);
    expect((await storedItem(page, 'Evt.')).communication).toBeNull();

    // The gathering item lists the message and copies the text for the departments.
    const gathering = await storedItem(page, gatheringTitle);
    const gatheringItem = page.getByRole('region', {
      name: `${gathering.number}. ${gatheringTitle}`,
    });
    const gathered = gatheringItem.getByRole('region', {
      name: 'Kommunikeres ud til afdelingerne',
    });
    expect(await gathered.locator('li').allTextContents()).toEqual([
      `Punkt ${number} – ${caseTitle}: ${message}`,
    ]);
    expect(await gatheringItem.getByLabel(/^Kommunikeres ud fra punkt/u).count()).toBe(0);
    await gathered.getByRole('button', { name: 'Kopiér tekst til afdelingerne' }).click();
    await expect
      .poll(() => gathered.getByRole('status').textContent())
      .toBe('Teksten er kopieret.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `Fra Chefforum d. 14. december 2026:\nPunkt ${number} – ${caseTitle}: ${message}`,
    );

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({
      path: `${screenshotFolder}/meeting-mode-communication.png`,
      fullPage: true,
    });
    expect(await severeViolations(page)).toEqual([]);

    // After a reload the box is still ticked with the message: it was saved, not only shown.
    await page.reload();
    await expect
      .poll(() => page.getByLabel(`Besked til afdelingerne fra punkt ${number}`).inputValue())
      .toBe(message);

    // The meeting ends and the minutes go out: the document prints presenter and message.
    await post(page, 'finish');
    await post(page, 'publish-minutes');
    const pdf = await page.request.get(
      `${session.server.baseUrl}/api/meetings/${meetingId}/document.pdf?kind=minutes`,
    );
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const pdfPath = join(makeScratchFolder('referat-attendance-'), 'referat.pdf');
    writeFileSync(pdfPath, await pdf.body());
    // Without -layout, so a long line that wraps is one run of words with single spaces.
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(
      /\s+/gu,
      ' ',
    );
    expect(text).toContain('Deltagere under punktet');
    expect(text).toContain('Mette Berg (økonomikonsulent)');
    expect(text).toContain('Jens Hansen (oplægsholder)');
    expect(text).toContain('Kommunikeres ud');
    expect(text).toContain(message);
    expect(text).toContain('Søren Dahl');
    expect(text).not.toContain('Kun et udkast.');

    // Approved minutes: meeting mode shows the message and the guests, but nothing to change.
    await post(page, 'approve-minutes');
    await page.reload();
    const lockedItem = page.getByRole('region', { name: `${number}. ${caseTitle}` });
    await lockedItem.waitFor();
    await lockedItem.getByText(message).waitFor();
    expect(await lockedItem.getByLabel(/^Kommunikeres ud fra punkt/u).count()).toBe(0);
    expect(await lockedItem.getByRole('button', { name: /^Tilføj gæst/u }).count()).toBe(0);
    expect(await lockedItem.getByRole('button', { name: /^Fjern/u }).count()).toBe(0);
    expect(await lockedItem.getByRole('listitem').allTextContents()).toEqual(
      expect.arrayContaining(['Mette Berg (økonomikonsulent)', 'Jens Hansen (oplægsholder)']),
    );
  }, 180_000);
});
