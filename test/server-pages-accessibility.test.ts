import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { loadDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { openSqliteFile } from '../src/store/database.ts';
import { launchBrowser } from './support/browser.ts';

let browser: Browser;
let archive: Archive;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;

beforeAll(async () => {
  archive = await openArchiveOn(await openSqliteFile(':memory:'));
  await loadDemoDataIfEmpty(archive, new Date('2026-11-23T10:00:00Z'));
  app = await buildApp({ archive });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await archive?.close();
});

describe('the server-rendered pages in Chromium', () => {
  it.each([
    '/api/docs',
    '/arkiv',
    '/arkiv/soeg?q=hvad+besluttede+vi+om+sygefrav%C3%A6r',
    '/arkiv/moeder/1',
    '/arkiv/moeder/3',
    '/arkiv/moeder/3?dokument=referat&version=1',
    '/arkiv/fora/1',
    '/arkiv/fora/1?aar=2015',
    '/arkiv/sager/00.30.14-S00-2-16',
    '/arkiv/sager/15%2F13392',
  ])('%s has no serious or critical accessibility violations (axe)', async (path) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    const results = await new AxeBuilder({ page }).analyze();
    const severe = results.violations.filter((violation) =>
      ['serious', 'critical'].includes(violation.impact ?? ''),
    );
    expect(severe.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await context.close();
  });

  it('lets a keyboard user search from the front page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/arkiv`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let step = 0; step < 10; step++) {
      if (await page.locator('#q').evaluate((input) => input === input.ownerDocument.activeElement))
        break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('Aula');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/soeg\?q=Aula/u);
    await expect(page.locator('mark').first().textContent()).resolves.toMatch(/aula/iu);
    await context.close();
  });
});
