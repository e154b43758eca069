import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which .ci/run installs; Playwright never downloads a browser here. */
export const chromiumPath = process.env.REFERAT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium with the flags this machine's closed network needs, and any more a
 * test asks for (host resolver rules, say).
 */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}
