import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { findForumIdByReference } from '../src/services/auth/user-service.ts';
import { addItem, updateItem } from '../src/services/item-service.ts';
import {
  createMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
} from '../src/services/meeting-flow-service.ts';
import { listMeetings } from '../src/services/meeting-service.ts';
import { getWorkspace } from '../src/services/workspace-service.ts';
import { severeViolations } from './support/e2e-steps.ts';
import { secretaryBrowser } from './support/secretary-browser.ts';

const screenshotFolder = '/tmp/screens';
const setUp = localAdministrator('Browsertest');

const session = secretaryBrowser(async (server) => {
  forumId = await findForumIdByReference(server.archive, 'Chefforum');
});
let forumId: number;

/** A meeting that has been held: one item decided, one not. */
async function heldMeeting(date: string): Promise<number> {
  const meetingId = (await createMeeting(session.server.archive, setUp, { forumId, date })).id;
  const decided = await addItem(session.server.archive, setUp, meetingId, { title: 'Budget 2027' });
  await addItem(session.server.archive, setUp, meetingId, { title: 'Ny sundhedspolitik' });
  await publishAgenda(session.server.archive, setUp, meetingId);
  await startMeeting(session.server.archive, setUp, meetingId);
  const item = (await getWorkspace(session.server.archive, setUp, meetingId)).items.find(
    (entry) => entry.id === decided.id,
  );
  if (!item) throw new Error('no item');
  await updateItem(session.server.archive, setUp, item.id, item.version, {
    decision: 'Chefforum godkendte indstillingen.',
  });
  await finishMeeting(session.server.archive, setUp, meetingId);
  return meetingId;
}

describe('the meeting cycle in Chromium', () => {
  it('asks before the minutes go out and names the items without a Beslutning', async () => {
    const meetingId = await heldMeeting('2026-12-10');
    const page = await session.page();
    await page.goto(`${session.server.baseUrl}/moeder/${meetingId}`);
    await page.getByText('Afholdt', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Udsend referat' }).click();
    const dialog = page.getByRole('dialog', { name: 'Udsend referat?' });
    await dialog.waitFor();
    expect(await dialog.getByText('Referatet udsendes som version 1.').count()).toBe(1);
    // Item 1 and the new items have no Beslutning; "Evt." may stay empty.
    const missing = await dialog.locator('li').allTextContents();
    expect(missing.some((text) => /^Punkt \d+: Ny sundhedspolitik$/u.test(text))).toBe(true);
    expect(missing.some((text) => text.includes('Budget 2027'))).toBe(false);
    expect(missing.some((text) => text.includes('Evt.'))).toBe(false);
    expect(await severeViolations(page)).toEqual([]);
    mkdirSync(screenshotFolder, { recursive: true });
    await page.screenshot({ path: `${screenshotFolder}/confirm-minutes.png` });

    // Cancelling sends nothing; confirming sends version 1.
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect((await getWorkspace(session.server.archive, setUp, meetingId)).status).toBe('held');
    await page.getByRole('button', { name: 'Udsend referat' }).click();
    await dialog.getByRole('button', { name: 'Udsend referatet alligevel' }).click();
    await page.getByText('Referatet er udsendt som version 1.').waitFor();
    expect((await getWorkspace(session.server.archive, setUp, meetingId)).status).toBe(
      'minutes_published',
    );
  });

  it('approves the previous minutes from item 1, announces it, and then offers it no more', async () => {
    const previousId = await heldMeeting('2027-02-04');
    await publishMinutes(session.server.archive, setUp, previousId);
    const meetingId = (
      await createMeeting(session.server.archive, setUp, { forumId, date: '2027-02-18' })
    ).id;
    await publishAgenda(session.server.archive, setUp, meetingId);
    await startMeeting(session.server.archive, setUp, meetingId);
    const page = await session.page();
    await page.goto(`${session.server.baseUrl}/moeder/${meetingId}`);
    const approve = page.getByRole('button', { name: 'Godkend referatet fra forrige møde' });
    await approve.click();
    const status = page.getByRole('status').filter({ hasText: 'Referatet fra mødet' });
    await status.waitFor();
    expect(await status.textContent()).toBe(
      'Referatet fra mødet d. 4. februar 2027 er godkendt og låst.',
    );
    await expect.poll(() => approve.count()).toBe(0);
    expect((await getWorkspace(session.server.archive, setUp, previousId)).status).toBe(
      'minutes_approved',
    );
  });

  it('starts a meeting "I gang" after asking when it is not today, and finishes it "Afholdt"', async () => {
    const meetingId = (
      await createMeeting(session.server.archive, setUp, { forumId, date: '2027-01-14' })
    ).id;
    await publishAgenda(session.server.archive, setUp, meetingId);
    const page = await session.page();
    await page.goto(`${session.server.baseUrl}/moeder/${meetingId}`);
    await page.getByRole('button', { name: 'Start mødet' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start mødet i dag?' });
    await dialog.getByText('Mødet er planlagt til d. 14. januar 2027, ikke i dag.').waitFor();
    await dialog.getByRole('button', { name: 'Start mødet alligevel' }).click();
    await page.waitForURL(/\/moede$/u);
    await page.getByText('I gang', { exact: true }).first().waitFor();
    await page.goto(`${session.server.baseUrl}/moeder/${meetingId}`);
    await page.getByRole('button', { name: 'Afslut mødet' }).click();
    await page.getByText('Mødet er afsluttet. Referatet kan nu udsendes.').waitFor();
    await page.getByText('Afholdt', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Udsend referat' }).count()).toBe(1);
  });

  it('opens an archive meeting from a search hit read-only, with its imported version and a visible correction', async () => {
    const page = await session.page();
    await page.goto(`${session.server.baseUrl}/soeg?q=${encodeURIComponent('aula forældreintra')}`);
    await page
      .getByRole('link', { name: /Aula - nyt forældreintra/u })
      .first()
      .click();
    await page.waitForURL(/\/moeder\/\d+\/punkter\/\d+$/u);
    // Read-only: no saving, no steps of the cycle, only a correction with a reason.
    expect(await page.getByRole('button', { name: /^Gem/u }).count()).toBe(0);
    const archived = (await listMeetings(session.server.archive, setUp)).find(
      (meeting) => meeting.date === '2018-10-11',
    );
    if (!archived) throw new Error('no archive meeting');
    await page.goto(`${session.server.baseUrl}/moeder/${archived.id}`);
    await page.getByText('Arkiveret', { exact: true }).waitFor();
    for (const step of ['Udsend referat', 'Godkend referat', 'Start mødet'])
      expect(await page.getByRole('button', { name: step }).count()).toBe(0);
    expect(
      await page.getByRole('link', { name: 'Skriv beslutninger i mødetilstand' }).count(),
    ).toBe(0);
    const versions = page.locator('.publication-list');
    await versions.getByText(/importeret fra arkivet/u).waitFor();
    expect(await page.getByText('Hverken dagsorden eller referat er udsendt endnu.').count()).toBe(
      0,
    );

    // A correction (made as the item page's correction does) is a new version with its reason.
    const workspace = await getWorkspace(session.server.archive, setUp, archived.id);
    const item = workspace.items[2];
    if (!item) throw new Error('no item');
    await updateItem(
      session.server.archive,
      setUp,
      item.id,
      item.version,
      { decision: 'Chefforum tog orienteringen om Aula til efterretning.' },
      { isCorrection: true, reason: 'Beslutningen manglede i det importerede referat' },
    );
    await page.reload();
    await versions.getByText('Referat, version 2').waitFor();
    expect(await versions.locator('.publication-reason').textContent()).toBe(
      'Rettelse: Beslutningen manglede i det importerede referat',
    );
    await versions.locator('li').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshotFolder}/corrected-version.png`, fullPage: true });
  });
});
