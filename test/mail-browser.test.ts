import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localAdministrator } from '../src/core/actor.ts';
import { getForums } from '../src/services/forum-service.ts';
import { createMeeting, publishAgenda } from '../src/services/meeting-flow-service.ts';
import { deliverDueEvents } from '../src/services/outbox/outbox-worker.ts';
import { severeViolations } from './support/e2e-steps.ts';
import { secretaryBrowser } from './support/secretary-browser.ts';

const screens = '/tmp/screens';
const fixture = secretaryBrowser();
let page: Page;

/**
 * Members' e-mail in Chromium, as Chefforum's secretary: addresses, a deputy and what a member
 * receives are set in the forum editor (a wrong address is caught before saving, in Danish);
 * after the agenda goes out, the meeting page lists each recipient under "Udsendelse pr.
 * e-mail" and says that, without a mail server, the messages were written as files.
 */
describe('members’ e-mail and the delivery panel, as the secretary', () => {
  it('sets members’ addresses, a deputy and what they receive, with problems caught first', async () => {
    page = await fixture.page();
    await page.goto(`${fixture.server.baseUrl}/fora`);
    await page.getByRole('button', { name: 'Rediger Chefforum' }).click();
    const editor = page.getByRole('region', { name: /^Chefforum/u });
    await editor.getByLabel('E-mail, medlem 1', { exact: true }).fill('direktoer@albertslund');
    await editor.getByLabel('Stedfortræder, medlem 1', { exact: true }).fill('Lise Lund');
    await editor.getByRole('button', { name: 'Gem forum' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er nogle problemer' });
    await summary.waitFor();
    const problems = await summary.getByRole('link').allTextContents();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /\(medlem 1\): skriv en gyldig e-mailadresse som navn@kommune\.dk, eller lad feltet stå tomt\.$/u,
    );
    expect(problems[1]).toMatch(/skriv stedfortræderens e-mailadresse/u);
    await summary.getByRole('link').first().click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');

    await editor.getByLabel('E-mail, medlem 1', { exact: true }).fill('direktoer@albertslund.dk');
    await editor
      .getByLabel('Stedfortræderens e-mail, medlem 1', { exact: true })
      .fill('lise.lund@albertslund.dk');
    await editor.getByLabel('E-mail, medlem 2', { exact: true }).fill('chef2@albertslund.dk');
    await editor
      .getByRole('group', { name: 'Får tilsendt, medlem 2' })
      .getByLabel('Referat')
      .uncheck();
    mkdirSync(screens, { recursive: true });
    await editor.screenshot({ path: `${screens}/forum-member-email.png` });
    expect(await severeViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Gem forum' }).click();
    const card = page.getByRole('region', { name: /^Chefforum/u });
    await card.getByText('direktoer@albertslund.dk (får dagsorden og referat)').waitFor();
    await card.getByText('chef2@albertslund.dk (får dagsorden)').waitFor();
    await card.getByText('stedfortræder: Lise Lund').waitFor();

    const seeder = localAdministrator('Browsertest');
    const forum = (await getForums(fixture.server.archive, seeder)).find(
      (entry) => entry.name === 'Chefforum',
    );
    expect(forum?.members[0]).toMatchObject({
      email: 'direktoer@albertslund.dk',
      deputy: { name: 'Lise Lund', email: 'lise.lund@albertslund.dk' },
      receives: { agenda: true, minutes: true },
    });
    expect(forum?.members[1]?.receives).toEqual({ agenda: true, minutes: false });
  });

  it('shows each recipient’s mail on the meeting page, and where the files went', async () => {
    const { archive } = fixture.server;
    const seeder = localAdministrator('Browsertest');
    const forum = (await getForums(archive, seeder)).find((entry) => entry.name === 'Chefforum');
    if (!forum) throw new Error('no Chefforum');
    const meeting = await createMeeting(archive, seeder, {
      forumId: forum.id,
      date: '2027-03-10',
      start: '13:00',
      location: 'Mødelokale 2',
    });
    await publishAgenda(archive, seeder, meeting.id);
    await page.goto(`${fixture.server.baseUrl}/moeder/${meeting.id}`);
    const panel = page.getByRole('region', { name: 'Udsendelse pr. e-mail' });
    await panel.getByText('Dagsorden: venter på at blive sendt.').waitFor();
    await deliverDueEvents(archive);
    await panel.getByRole('button', { name: 'Opdater' }).click();
    await panel.getByRole('table').waitFor();
    expect(
      await panel
        .getByText(/^E-mail er ikke sat op; beskederne er gemt som filer i .+\/outbox\.$/u)
        .count(),
    ).toBe(1);
    const rows = await panel
      .getByRole('row')
      .evaluateAll((elements) =>
        elements.slice(1).map((row) => row.textContent?.replace(/\s+/gu, ' ').trim() ?? ''),
      );
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatch(/Dagsorden, version 1 ?Sendt kl\. \d\d\.\d\d d\. /u);
    expect(rows.join('\n')).toContain('direktoer@albertslund.dk');
    expect(rows.join('\n')).toContain('chef2@albertslund.dk');
    await panel.screenshot({ path: `${screens}/mail-deliveries.png` });
    expect(await severeViolations(page)).toEqual([]);
  });
});
