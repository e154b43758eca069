import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { readWaitingAttachmentTexts } from '../src/services/attachment-text/attachment-text-reader.ts';
import { findForumIdByReference } from '../src/services/auth/user-service.ts';
import { addItem } from '../src/services/item-service.ts';
import { createMeeting, publishAgenda } from '../src/services/meeting-flow-service.ts';
import { getWorkspace } from '../src/services/workspace-service.ts';
import { severeViolations } from './support/e2e-steps.ts';
import { secretaryBrowser } from './support/secretary-browser.ts';

/**
 * "Offentligt bilag" in Chromium: the Chefforum secretary uploads a PDF Bilag to an item of a
 * draft agenda and marks it not public; the choice holds after a reload, and once the agenda
 * is out in the public forum, the public sees the Bilag's title, "Ikke offentligt" and no
 * link, and the file itself answers 404 to them.
 */
const setUp = localAdministrator('Browsertest');
const itemTitle = 'Budgetopfølgning, 1. kvartal';
const bilagTitle = 'Fortroligt budgetnotat';
const pdf = readFileSync(new URL('./fixtures/minutes/chefforum-2015-11-05.pdf', import.meta.url));

let meetingId: number;
let itemId: number;

const session = secretaryBrowser(async (server) => {
  const forumId = await findForumIdByReference(server.archive, 'Chefforum');
  meetingId = (await createMeeting(server.archive, setUp, { forumId, date: '2027-03-11' })).id;
  itemId = (await addItem(server.archive, setUp, meetingId, { title: itemTitle })).id;
});

function itemAddress(): string {
  return `${session.server.baseUrl}/moeder/${meetingId}/punkter/${itemId}`;
}

async function openItem(page: Page): Promise<void> {
  await page.goto(itemAddress());
  await page.getByRole('heading', { level: 1, name: itemTitle }).waitFor();
}

/** The Bilag as the store has it now. */
async function storedBilag() {
  const workspace = await getWorkspace(session.server.archive, setUp, meetingId);
  const bilag = workspace.items.find((item) => item.id === itemId)?.attachments[0];
  if (!bilag) throw new Error('the item has no Bilag');
  return bilag;
}

describe('"Offentligt bilag" in Chromium', () => {
  it('lets the secretary mark an uploaded Bilag not public, and the public never gets its file', async () => {
    const page = await session.page();
    await openItem(page);
    await page.getByLabel('Tilføj bilag').setInputFiles({
      name: `${bilagTitle}.pdf`,
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page.getByText('Bilaget er tilføjet.').waitFor();
    const bilagList = page.locator('.attachments .attachment-list');
    await bilagList.getByRole('link', { name: bilagTitle }).waitFor();
    // No text reader runs beside this server: the text waits to be read.
    await bilagList.getByText('Teksten læses til søgning …').waitFor();

    const isPublic = page.getByRole('checkbox', { name: `Offentligt bilag: ${bilagTitle}` });
    expect(await isPublic.isChecked()).toBe(true);
    expect(await bilagList.getByText('Ikke offentligt', { exact: true }).count()).toBe(0);
    await isPublic.uncheck();
    await page
      .getByRole('status')
      .filter({ hasText: `Bilaget "${bilagTitle}" er ikke offentligt.` })
      .waitFor();
    expect(await isPublic.isChecked()).toBe(false);
    expect((await storedBilag()).isPublic).toBe(false);

    // After a reload, and once the text is read, the choice stands and the status is gone.
    await readWaitingAttachmentTexts(session.server.archive);
    await page.reload();
    await bilagList.getByRole('link', { name: bilagTitle }).waitFor();
    expect(await isPublic.isChecked()).toBe(false);
    expect(await bilagList.getByText('Ikke offentligt', { exact: true }).isVisible()).toBe(true);
    expect(await bilagList.getByText('Teksten læses til søgning …').count()).toBe(0);
    expect(await severeViolations(page)).toEqual([]);

    // A failed save says why, in Danish, and the box goes back to what is stored.
    const accessRoute = '**/api/attachments/*/access';
    await page.route(accessRoute, (route) => route.fulfill({ status: 500, body: '' }));
    await isPublic.click();
    await page
      .getByRole('alert')
      .filter({
        hasText: `Bilaget "${bilagTitle}" kunne ikke gøres offentligt: Der skete en fejl på serveren. Prøv igen.`,
      })
      .waitFor();
    expect(await isPublic.isChecked()).toBe(false);
    expect((await storedBilag()).isPublic).toBe(false);
    await page.unroute(accessRoute);

    // The secretary still downloads it.
    const bilag = await storedBilag();
    expect(
      (await page.request.get(`${session.server.baseUrl}/api/attachments/${bilag.id}`)).status(),
    ).toBe(200);

    // The agenda goes out; the forum is public, so anyone may read it, but not this Bilag.
    await publishAgenda(session.server.archive, setUp, meetingId);
    const context = await session.browser.newContext({ locale: 'da-DK' });
    const reader = await context.newPage();
    await openItem(reader);
    const readerList = reader.locator('.attachment-list');
    await readerList.getByText(bilagTitle).waitFor();
    expect(await readerList.getByRole('link', { name: bilagTitle }).count()).toBe(0);
    expect(await readerList.getByText('Ikke offentligt', { exact: true }).isVisible()).toBe(true);
    expect(await reader.getByRole('checkbox').count()).toBe(0);
    expect(await severeViolations(reader)).toEqual([]);
    const download = await reader.request.get(
      `${session.server.baseUrl}/api/attachments/${bilag.id}`,
    );
    expect(download.status()).toBe(404);
    await context.close();
  });
});
