import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { getMeetingFollowups } from '../src/services/followup-tracking-service.ts';
import { getForums } from '../src/services/forum-service.ts';
import { deliverDueEvents } from '../src/services/outbox/outbox-worker.ts';
import { severeViolations } from './support/e2e-steps.ts';
import { publishDecidedMeeting } from './support/followup-meeting.ts';
import { secretaryBrowser } from './support/secretary-browser.ts';

const screens = '/tmp/screens';
const seeder = localAdministrator('Browsertest');
let meetingId = 0;

/** Published minutes of the demo Chefforum whose decision holds a task and a return. */
const fixture = secretaryBrowser(async (server) => {
  const forum = (await getForums(server.archive, seeder)).find(
    (entry) => entry.name === 'Chefforum',
  );
  if (!forum) throw new Error('the demo has no Chefforum');
  ({ meetingId } = await publishDecidedMeeting(server.archive, seeder, forum.id, '2027-03-03', [
    {
      title: 'Sygefravær og rekruttering',
      caseNumber: '81.04.00-A00-1-27',
      decision:
        'Lene Brandt udarbejder et notat om sygefraværet senest d. 17. marts. Pia Lund kommer tilbage med en plan for rekruttering ultimo april.',
    },
  ]));
  // The worker finds the follow-ups in the published decisions.
  await deliverDueEvents(server.archive);
});
let page: Page;

/**
 * Follow-ups in Chromium, as Chefforum's secretary: the suggestions found in the minutes'
 * decisions are on the meeting page under "Opfølgning"; one is edited and confirmed
 * ("Ret og bekræft"), the other rejected ("Afvis"), each announced; the confirmed one shows on
 * the follow-up page and on its case's page. Accessible by axe's serious rules.
 */
describe('follow-ups on the meeting page, as the secretary', () => {
  it('edits and confirms one suggestion and rejects the other', async () => {
    page = await fixture.page();
    page.setDefaultTimeout(8000);
    await page.goto(`${fixture.server.baseUrl}/moeder/${meetingId}`);
    const panel = page.getByRole('region', { name: 'Opfølgning' });
    await panel.getByRole('heading', { name: 'Forslag fundet i beslutningerne (2)' }).waitFor();
    const task = panel.getByRole('article', {
      name: 'Lene Brandt udarbejder et notat om sygefraværet senest d. 17. marts',
    });
    expect(await task.getByText('Lene Brandt', { exact: true }).count()).toBe(1);
    await task.getByRole('button', { name: /^Ret: Lene Brandt/u }).click();
    await task.getByLabel('Titel').fill('');
    await task.getByRole('button', { name: 'Ret og bekræft' }).click();
    const summary = task.getByRole('alert').filter({ hasText: 'Der er et problem' });
    await summary.waitFor();
    await summary.getByRole('link', { name: 'Skriv en titel.' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/-titel$/u);
    await task.getByLabel('Titel').fill('Notat om sygefravær');
    await task.getByLabel('Ansvarlig').selectOption({ label: 'Lene Brandt' });
    await task.getByLabel('Frist til').fill('2027-03-19');
    mkdirSync(screens, { recursive: true });
    await panel.screenshot({ path: `${screens}/followup-edit.png` });
    await task.getByRole('button', { name: 'Ret og bekræft' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: 'Opfølgningen "Notat om sygefravær" er rettet og bekræftet.' })
      .waitFor();
    const confirmed = panel.getByRole('list', { name: /^Bekræftede opfølgninger/u });
    const card = confirmed.getByRole('article', { name: 'Notat om sygefravær' });
    await card.waitFor();
    expect(await card.getByText('19. marts 2027').count()).toBe(1);
    // One confirmed, one still suggested: the panel as the README shows it.
    await panel.screenshot({ path: `${screens}/opfoelgning.png` });
    const returning = panel.getByRole('article', { name: /^Pia Lund kommer tilbage/u });
    await returning.getByRole('button', { name: /^Afvis/u }).click();
    await panel.getByRole('status').filter({ hasText: 'er afvist.' }).waitFor();
    await panel.getByText('Der er ingen forslag, der venter.').waitFor();
    await panel.getByText('1 afvist forslag').waitFor();
    expect(await severeViolations(page)).toEqual([]);

    const stored = await getMeetingFollowups(fixture.server.archive, seeder, meetingId);
    expect(stored.confirmed.map((entry) => [entry.title, entry.owner, entry.due])).toEqual([
      [
        'Notat om sygefravær',
        { name: 'Lene Brandt', kind: 'member' },
        { from: '2027-03-17', to: '2027-03-19' },
      ],
    ]);
    expect(stored.rejected.map((entry) => entry.text)).toEqual([
      'Pia Lund kommer tilbage med en plan for rekruttering ultimo april.',
    ]);
  });

  it('closes it with a note from the keyboard, and lists it on the follow-up and case pages', async () => {
    const panel = page.getByRole('region', { name: 'Opfølgning' });
    const card = panel.getByRole('article', { name: 'Notat om sygefravær' });
    await card.getByText('Status, noter og rettelser').click();
    await card.getByLabel('Note').fill('Notatet er sendt til direktionen.');
    // The status comes just before the note in the tab order.
    await card.getByLabel('Note').press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await card.getByLabel('Status').selectOption({ label: 'Udført' });
    await card.getByRole('button', { name: 'Gem status og note' }).press('Enter');
    await panel.getByRole('status').filter({ hasText: 'Opfølgningens status er gemt.' }).waitFor();
    await card.getByText('Status: Udført. Notatet er sendt til direktionen.').waitFor();

    await page.getByRole('link', { name: 'Mine opfølgninger' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine opfølgninger' }).waitFor();
    await page.getByLabel('Vis').selectOption({ label: 'Alle i Chefforum' });
    await page.getByRole('heading', { level: 1, name: 'Opfølgninger i Chefforum' }).waitFor();
    await page.getByRole('radio', { name: 'Alle' }).check();
    await page.getByRole('heading', { level: 2, name: '1 opfølgning' }).waitFor();
    expect(page.url()).toMatch(/\/opfoelgning\?forum=\d+&status=all$/u);
    const listed = page.getByRole('article', { name: 'Notat om sygefravær' });
    await listed.waitFor();
    expect(await listed.getByText('Udført', { exact: true }).count()).toBe(1);
    expect(await severeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${screens}/opfoelgning-side.png`, fullPage: true });

    await page.goto(`${fixture.server.baseUrl}/sager/81.04.00-A00-1-27`);
    const ofCase = page.getByRole('region', { name: 'Opfølgninger' });
    await ofCase.getByRole('article', { name: 'Notat om sygefravær' }).waitFor();
  });
});
