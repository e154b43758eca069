import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { severeViolations, tabTo } from './support/e2e-steps.ts';
import { secretaryBrowser } from './support/secretary-browser.ts';

const screenshots = new URL('../docs/screenshots/', import.meta.url);
const fixture = secretaryBrowser();
let page: Page;
let yearPlanPath = '';

/**
 * Planning ahead in Chromium, as Chefforum's secretary: a series of meetings is previewed and
 * created from the Årsplan page, the year shows at a glance (a meeting moved, one deleted),
 * the annual cycle puts its items on the right meetings, the årshjul takes the keyboard focus
 * entry by entry beside its text alternative, and a planned item is taken into an agenda from
 * "Fra punktbanken" with one click.
 */
describe('the Årsplan page, as the forum’s secretary', () => {
  it('previews a series of meetings and creates it', async () => {
    page = await fixture.page();
    await page.goto(`${fixture.server.baseUrl}/fora`);
    const chefforum = page.getByRole('region', { name: /^Chefforum/u });
    await chefforum.getByRole('link', { name: 'Årsplan, årshjul og punktbank' }).click();
    await page.waitForURL(/\/fora\/\d+\/aarsplan$/u);
    yearPlanPath = `${new URL(page.url()).pathname}/2027`;
    await page.goto(`${fixture.server.baseUrl}${yearPlanPath}`);
    await page.getByRole('heading', { level: 1, name: 'Årsplan 2027 for Chefforum' }).waitFor();

    const series = page.getByRole('region', { name: 'Opret mødeserie' });
    await series.getByLabel('Ugedag').selectOption({ label: 'Torsdag' });
    await series.getByLabel('Antal uger mellem møderne').fill('2');
    await series.getByLabel('Til og med').fill('2027-06-30');
    await series.getByLabel('Mødested').fill('Mødelokale 1');
    await series.getByLabel('Uger uden møder').fill('7, sommer');
    await series.getByRole('button', { name: 'Vis datoerne' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Der er et problem' });
    await summary.getByText('"sommer" er ikke et ugenummer eller et interval.').waitFor();
    await series.getByLabel('Uger uden møder').fill('7');
    await series.getByRole('button', { name: 'Vis datoerne' }).click();
    await series.getByRole('heading', { name: '12 nye møder' }).waitFor();
    expect(await series.locator('.series-dates li').first().textContent()).toBe(
      'Torsdag d. 7. januar 2027 (uge 1)',
    );
    await series.getByText('Springes over: Torsdag d. 18. februar 2027 (uge 7).').waitFor();
    await series.getByRole('button', { name: 'Opret de 12 møder' }).click();
    await page.getByText('12 møder er oprettet.').waitFor();

    const january = page.getByRole('listitem').filter({
      has: page.getByRole('heading', { name: 'Januar', level: 3 }),
    });
    await expect
      .poll(() => january.getByRole('link').allTextContents())
      .toEqual(['Torsdag d. 7. januar 2027', 'Torsdag d. 21. januar 2027']);
    expect(await january.textContent()).toContain('kl. 09:00, Mødelokale 1');
  }, 60_000);

  it('moves one meeting and deletes another from the year at a glance', async () => {
    await page.getByRole('button', { name: 'Flyt mødet Torsdag d. 21. januar 2027' }).click();
    const moveForm = page.locator('.year-meeting form');
    await moveForm.getByLabel('Dato').fill('2027-01-28');
    await moveForm.getByRole('button', { name: 'Flyt mødet' }).click();
    await page
      .getByText('Mødet Torsdag d. 21. januar 2027 er flyttet til Torsdag d. 28. januar 2027.')
      .waitFor();
    await page.getByRole('button', { name: 'Slet mødet Torsdag d. 24. juni 2027' }).click();
    await page
      .getByRole('dialog', { name: 'Slet mødet?' })
      .getByRole('button', { name: 'Slet mødet' })
      .click();
    await page.getByText('Mødet Torsdag d. 24. juni 2027 er slettet.').waitFor();
    // The year is read again after the deletion; the link goes when the new answer comes.
    const deleted = page.getByRole('link', { name: 'Torsdag d. 24. juni 2027' });
    await deleted.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await deleted.count()).toBe(0);
  }, 60_000);

  it('lays the annual cycle into the meetings and shows the årshjul, entry by entry', async () => {
    const cycle = page.getByRole('region', { name: 'Faste punkter i årshjulet' });
    await cycle.getByLabel('Titel på det faste punkt').fill('Sygefraværsstatistik');
    await cycle.getByLabel('Hvornår').selectOption({ label: 'Hvert kvartal' });
    await cycle.getByLabel('Tid i minutter').fill('15');
    await cycle.getByRole('button', { name: 'Tilføj fast punkt' }).click();
    await page.getByText('Sygefraværsstatistik er føjet til årshjulet.').waitFor();
    await cycle.getByRole('button', { name: 'Læg årshjulet ind i årets møder' }).click();
    await page
      .getByText(
        'Årshjulet gav 4 nye punkter i punktbanken. Venter på et møde: Sygefraværsstatistik (3. kvartal 2027), Sygefraværsstatistik (4. kvartal 2027).',
      )
      .waitFor();

    // Added after the cycle was laid in, the budget status stands as a recurring item alone.
    await cycle.getByLabel('Titel på det faste punkt').fill('Budgetstatus');
    await cycle.getByLabel('Hvornår').selectOption({ label: 'Bestemte måneder' });
    await cycle.getByRole('group', { name: 'Måneder' }).getByLabel('juni').check();
    await cycle.getByRole('group', { name: 'Måneder' }).getByLabel('september').check();
    await cycle.getByRole('button', { name: 'Tilføj fast punkt' }).click();
    await page.getByText('Budgetstatus er føjet til årshjulet.').waitFor();
    await cycle.getByText('Budgetstatus – i juni og september').waitFor();

    const wheel = page.getByRole('region', { name: 'Årshjul', exact: true });
    const picture = wheel.getByRole('img', { name: 'Årshjul 2027 for Chefforum' });
    await picture.waitFor();
    expect(await picture.getAttribute('aria-labelledby')).toBe(
      'aarshjul-titel aarshjul-beskrivelse',
    );
    const firstEntry = wheel.locator('g.entry').first();
    await tabTo(page, firstEntry);
    await wheel
      .getByText(
        'Valgt: Planlagt punkt – Sygefraværsstatistik: Fra årshjulet, planlagt til mødet 7. januar 2027',
      )
      .waitFor();
    await page.keyboard.press('Tab');
    await wheel
      .getByText(/^Valgt: Planlagt punkt – Sygefraværsstatistik: .* 1\. april 2027$/u)
      .waitFor();
    const list = wheel.getByRole('list', { name: 'Årshjulet som liste' });
    expect(await list.textContent()).toContain(
      'Planlagt punkt – Sygefraværsstatistik: Fra årshjulet, venter i punktbanken',
    );
    await expect
      .poll(() => list.textContent())
      .toContain('Fast punkt – Budgetstatus: september, i juni og september');
    expect(await severeViolations(page)).toEqual([]);
    mkdirSync(screenshots, { recursive: true });
    await page.keyboard.press('Shift+Tab');
    await wheel.screenshot({ path: new URL('aarshjul.png', screenshots).pathname });
  }, 60_000);

  it('takes a planned item into the agenda from “Fra punktbanken” with one click', async () => {
    const bank = page.getByRole('region', { name: 'Punktbank' });
    await bank.getByLabel('Titel på punktet').fill('Arbejdsmiljøstrategi');
    await bank.getByLabel('Til mødet').selectOption({ label: 'Torsdag d. 7. januar 2027' });
    await bank.getByLabel('Tid i minutter').fill('30');
    await bank.getByRole('button', { name: 'Læg i punktbanken' }).click();
    await page.getByText('Arbejdsmiljøstrategi er lagt i punktbanken.').waitFor();
    await page.getByRole('link', { name: 'Torsdag d. 7. januar 2027' }).click();
    await page.waitForURL(/\/moeder\/\d+$/u);

    const offered = page.getByRole('region', { name: 'Fra punktbanken' });
    await offered
      .getByRole('button', { name: 'Tag ind på dagsordenen: Arbejdsmiljøstrategi' })
      .waitFor();
    expect(await offered.getByRole('button').count()).toBe(2);
    await offered
      .getByRole('button', { name: 'Tag ind på dagsordenen: Arbejdsmiljøstrategi' })
      .click();
    await page.getByRole('link', { name: 'Arbejdsmiljøstrategi' }).waitFor();
    const titles = await page.locator('.agenda-row .agenda-title a').allTextContents();
    expect(titles.at(-2)).toBe('Arbejdsmiljøstrategi');
    expect(titles.at(-1)).toBe('Evt.');
    await expect.poll(() => offered.getByRole('button').count()).toBe(1);
    await page.getByText('Arbejdsmiljøstrategi er taget ind fra punktbanken før Evt.').waitFor({
      state: 'attached',
    });
    expect(await severeViolations(page)).toEqual([]);
  }, 60_000);

  it('keeps the Årsplan page axe-clean with everything on it', async () => {
    await page.goto(`${fixture.server.baseUrl}${yearPlanPath}`);
    await page
      .getByRole('region', { name: 'Punktbank' })
      .getByText('Taget ind på en dagsorden (1)')
      .waitFor();
    expect(await severeViolations(page)).toEqual([]);
  }, 60_000);
});
