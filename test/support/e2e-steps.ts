import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Serious and critical axe violations on the page as it is now, as readable lines. */
export async function severeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${page.url()} ${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')})`,
    );
}

/**
 * Moves focus with Tab (and no mouse) until the locator has it, as a keyboard user does;
 * fails when it is not reachable within `limit` presses.
 */
export async function tabTo(page: Page, target: Locator, limit = 120): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error('tabTo: the target is not on the page');
  for (let press = 0; press < limit; press++) {
    if (await handle.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`tabTo: not reached with ${limit} presses of Tab`);
}

/** Waits until meeting mode's save status (one `<output>` for the page) says it is saved. */
export async function waitForSaved(page: Page): Promise<void> {
  await expect
    .poll(async () => page.locator('output').first().textContent(), { timeout: 10_000 })
    .toMatch(/^Beslutning(en|erne) er gemt kl\. \d{2}:\d{2}\.$/u);
}

/** The id in a /moeder/:id… address. */
export function meetingIdOf(page: Page): number {
  const match = /\/moeder\/(\d+)/u.exec(page.url());
  if (!match) throw new Error(`no meeting id in ${page.url()}`);
  return Number(match[1]);
}

/**
 * Signs in through the sign-in page, as a user does, and waits until the app has left it
 * (for the page the user came from, or the change-password page a new account must visit).
 */
export async function signInAs(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/log-ind`);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/log-ind');
}

/**
 * The header a write through `page.request` needs besides the session cookie the page's
 * context shares: the session's CSRF token (a browser's fetch sends its Origin instead).
 */
export async function csrfHeaders(page: Page, baseUrl: string): Promise<Record<string, string>> {
  const answer = await page.request.get(`${baseUrl}/api/session`);
  const session = (await answer.json()) as { csrfToken: string | null };
  if (!session.csrfToken) throw new Error('csrfHeaders: nobody is signed in');
  return { 'x-csrf-token': session.csrfToken };
}

/**
 * Answers the confirmation a step that cannot be undone asks ("Udsend dagsorden?", "Start
 * mødet i dag?"), if it asks: by Enter, as the dialog puts the focus on its confirming button.
 * Starting a meeting asks only on another day than planned, so the dialog may not come.
 */
export async function confirmIfAsked(page: Page, timeout = 2_000): Promise<void> {
  const dialog = page.locator('dialog[open]');
  try {
    await dialog.waitFor({ timeout });
  } catch {
    return;
  }
  await expect
    .poll(() => dialog.evaluate((element) => element.contains(document.activeElement)))
    .toBe(true);
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
}
