import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { crossSiteMessage } from '../src/server/security/csrf-protection.ts';
import { wrongHostMessage } from '../src/server/security/host-allow-list.ts';
import { type Archive, openArchive } from '../src/services/archive.ts';
import { loadDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { makeScratchFolder, removeScratchFolders } from './support/archive-io.ts';
import { launchBrowser } from './support/browser.ts';

/** What the server saw of one request: its answer, and whether it got past the CSRF check. */
interface SeenRequest {
  method: string;
  url: string;
  host: string;
  origin: string | undefined;
  status: number;
  passedCsrfCheck: boolean;
}

let archive: Archive;
let app: FastifyInstance;
let appUrl: string;
let attacker: Server;
let attackerUrl: string;
let browser: Browser;
let draftId: number;
let publishedId: number;
const seen: SeenRequest[] = [];

beforeAll(async () => {
  archive = await openArchive({ dataDirectory: makeScratchFolder('referat-security-') });
  await loadDemoDataIfEmpty(archive, new Date('2026-11-23T10:00:00Z'));
  app = await buildApp({ archive });
  // Added after the app's own hooks, this preParsing hook runs only when the CSRF check (also
  // preParsing) let the request through.
  const passed = new WeakSet<object>();
  app.addHook('preParsing', async (request) => {
    passed.add(request);
  });
  app.addHook('onResponse', async (request, reply) => {
    seen.push({
      method: request.method,
      url: request.url,
      host: request.headers.host ?? '',
      origin: request.headers.origin,
      status: reply.statusCode,
      passedCsrfCheck: passed.has(request),
    });
  });
  appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  draftId = await meetingIdWithStatus('draft');
  publishedId = await meetingIdWithStatus('minutes_approved');
  attacker = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(attackerPage(`${appUrl}/api/meetings/${draftId}/publish-agenda`));
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://attacker.test:${(attacker.address() as AddressInfo).port}`;
  browser = await launchBrowser([
    // Two names an attacker controls, both resolving to this machine.
    '--host-resolver-rules=MAP evil.test 127.0.0.1, MAP attacker.test 127.0.0.1',
  ]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await app?.close();
  await archive?.close();
  removeScratchFolders();
});

/** A page on another site that tries to publish an agenda three ways, then gives up. */
function attackerPage(target: string): string {
  return `<!doctype html><html lang="en"><title>Vind en iPad</title>
<form method="post" action="${target}" enctype="text/plain"><input name="x" value="y"></form>
<script>
(async () => {
  await fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors' }).catch(() => {});
  await fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', body: '{}' }).catch(() => {});
  document.forms[0].submit();
})();
</script></html>`;
}

async function meetingIdWithStatus(status: string): Promise<number> {
  const row = await archive.database.db
    .selectFrom('meetings')
    .select('id')
    .where('status', '=', status)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function statusOf(id: number): Promise<string> {
  const row = await archive.database.db
    .selectFrom('meetings')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.status;
}

/** Opens a page and collects what the console says about the Content-Security-Policy. */
async function openCollectingViolations(
  url: string,
): Promise<{ page: Page; status: number | undefined; violations: string[] }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/u.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(error.message));
  const answer = await page.goto(url);
  return { page, status: answer?.status(), violations };
}

describe('an attacker’s page in Chromium', () => {
  it('cannot publish an agenda by a form post or a no-cors fetch, with or without a body', async () => {
    const page = await browser.newPage();
    await page.goto(`${attackerUrl}/`);
    const target = `/api/meetings/${draftId}/publish-agenda`;
    await expect
      .poll(() => seen.filter((request) => request.url === target).length, { timeout: 15_000 })
      .toBe(3);
    const attempts = seen.filter((request) => request.url === target);
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({ method: 'POST', status: 403, passedCsrfCheck: false });
      expect(attempt.origin).toBe(attackerUrl);
    }
    // The form post navigated the page to the server's answer.
    await page.waitForURL(`${appUrl}${target}`);
    expect(JSON.parse((await page.textContent('body')) ?? '{}')).toEqual({
      error: crossSiteMessage,
    });
    expect(await statusOf(draftId)).toBe('draft');
    await page.close();
  });

  it('cannot read the API through a DNS-rebinding host name', async () => {
    const page = await browser.newPage();
    const port = new URL(appUrl).port;
    const answer = await page.goto(`http://evil.test:${port}/api/meetings`);
    expect(answer?.status()).toBe(421);
    expect(await answer?.json()).toEqual({ error: wrongHostMessage });
    expect(seen.at(-1)).toMatchObject({ host: `evil.test:${port}`, status: 421 });
    await page.close();
  });
});

describe('Referat’s own pages under the security headers', () => {
  it('load the app, the archive and the API reference without CSP violations', async () => {
    const home = await openCollectingViolations(`${appUrl}/`);
    await home.page.locator('#root > *').first().waitFor();
    await home.page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(home.violations).toEqual([]);
    await home.page.close();
    for (const path of ['/arkiv', `/arkiv/moeder/${publishedId}`, '/api/docs']) {
      const page = await openCollectingViolations(`${appUrl}${path}`);
      expect(page.status, path).toBe(200);
      await page.page.getByRole('heading', { level: 1 }).first().waitFor();
      // The inline <style> still applies: the navigation is laid out as flex.
      const display = await page.page
        .locator('.site-nav')
        .first()
        .evaluate((element) => getComputedStyle(element).display);
      expect(display, path).toBe('flex');
      expect(page.violations, path).toEqual([]);
      await page.page.close();
    }
  });

  it('let the app’s own POST through the CSRF check', async () => {
    const { page } = await openCollectingViolations(`${appUrl}/`);
    const target = `/api/meetings/${draftId}/start`;
    await page.evaluate(
      (url) => fetch(url, { method: 'POST' }).then((answer) => answer.status),
      target,
    );
    const attempt = seen.find((request) => request.url === target);
    expect(attempt?.origin).toBe(appUrl);
    expect(attempt?.passedCsrfCheck).toBe(true);
    await page.close();
  });
});
