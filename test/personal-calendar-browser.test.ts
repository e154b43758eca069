import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { severeViolations } from './support/e2e-steps.ts';
import { secretaryBrowser } from './support/secretary-browser.ts';

/**
 * "Din kalender" (`/min-kalender`) in Chromium, as the Chefforum secretary: reached from the
 * header, an address made and shown once, copied, replaced and deleted, each confirmed and
 * announced, and the addresses working (or not) for a calendar program without a session.
 */
const app = secretaryBrowser();

/** The address in the read-only field. */
function shownAddress(page: Page): Promise<string> {
  return page.getByRole('textbox', { name: 'Kalenderadresse' }).inputValue();
}

/** Fetches an address as a calendar program does: no cookie. */
async function statusOf(url: string): Promise<number> {
  return (await fetch(url)).status;
}

/** Confirms the open dialog with its confirming button. */
async function confirm(page: Page, label: string): Promise<void> {
  const dialog = page.locator('dialog[open]');
  await dialog.getByRole('button', { name: label }).click();
  await dialog.waitFor({ state: 'detached' }).catch(() => undefined);
}

describe('Din kalender', () => {
  it('gives the signed-in user a personal address, shown once, to replace or delete', async () => {
    const page = await app.page({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByRole('link', { name: 'Din kalender' }).click();
    await page.getByRole('heading', { level: 1, name: 'Din kalender' }).waitFor();
    await page.getByText('Du har ingen kalenderadresse.').waitFor();
    expect(await severeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Lav kalenderadresse' }).click();
    const heading = page.getByRole('heading', { name: 'Din nye kalenderadresse' });
    await heading.waitFor();
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    const first = await shownAddress(page);
    expect(first).toMatch(/\/mine\/[\w-]{43}\/kalender\.ics$/u);
    const webcal = await page
      .getByRole('link', { name: 'Åbn i kalenderprogrammet' })
      .getAttribute('href');
    expect(webcal).toBe(first.replace(/^https?:/u, 'webcal:'));
    await page.getByText('Din kalenderadresse er lavet.', { exact: true }).waitFor();
    expect(await statusOf(first)).toBe(200);
    expect(await severeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Kopiér', exact: true }).click();
    await page.getByText('Adressen er kopieret.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

    await page.getByRole('button', { name: 'Lav en ny adresse' }).click();
    await page.getByRole('heading', { name: 'Lav en ny adresse?' }).waitFor();
    expect(await severeViolations(page)).toEqual([]);
    await confirm(page, 'Lav en ny adresse');
    await expect.poll(() => shownAddress(page)).not.toBe(first);
    const second = await shownAddress(page);
    await page
      .getByText('Din nye kalenderadresse er lavet. Den gamle virker ikke længere.')
      .waitFor();
    expect(await statusOf(first)).toBe(404);
    expect(await statusOf(second)).toBe(200);

    await page.getByRole('button', { name: 'Slet adressen' }).click();
    await confirm(page, 'Slet adressen');
    await page.getByText('Adressen er slettet. Den virker ikke længere.').waitFor();
    await page.getByRole('button', { name: 'Lav kalenderadresse' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Kalenderadresse' }).count()).toBe(0);
    expect(await statusOf(second)).toBe(404);
    await page.context().close();
  }, 60_000);
});
