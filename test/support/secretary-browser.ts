import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningApp, startAppServer } from './app-server.ts';
import { removeScratchFolders } from './archive-io.ts';
import { launchBrowser } from './browser.ts';
import { signInAs } from './e2e-steps.ts';
import { addChefforumSecretary, type BrowserAccount } from './e2e-users.ts';

/** The demo app, Chromium and the Chefforum secretary, as a browser test's fixture. */
export interface SecretaryBrowser {
  server: RunningApp;
  secretary: BrowserAccount;
  browser: Browser;
  /** A new browser context signed in as the secretary (Danish, desktop-sized). */
  page(options?: { permissions?: string[] }): Promise<Page>;
}

/**
 * Starts the demo app and Chromium before the file's tests and closes both after them, with
 * the Chefforum secretary signed in on demand. `prepare` runs once the server is up, before
 * the browser starts (a test's meetings are made through the services there). Call at the top
 * of a test file; the fields are there once the tests run.
 */
export function secretaryBrowser(
  prepare?: (server: RunningApp, secretary: BrowserAccount) => Promise<void>,
): SecretaryBrowser {
  const contexts: BrowserContext[] = [];
  const fixture = {} as SecretaryBrowser;
  beforeAll(async () => {
    fixture.server = await startAppServer();
    fixture.secretary = await addChefforumSecretary(fixture.server.archive);
    await prepare?.(fixture.server, fixture.secretary);
    fixture.browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await fixture.browser?.close();
    await fixture.server?.close();
    removeScratchFolders();
  });
  fixture.page = async (options = {}) => {
    const context = await fixture.browser.newContext({
      locale: 'da-DK',
      viewport: { width: 1280, height: 900 },
    });
    if (options.permissions)
      await context.grantPermissions(options.permissions, { origin: fixture.server.baseUrl });
    contexts.push(context);
    const page = await context.newPage();
    const { username, password } = fixture.secretary;
    await signInAs(page, fixture.server.baseUrl, username, password);
    return page;
  };
  return fixture;
}
