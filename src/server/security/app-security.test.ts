import { readdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import { type Archive, openArchiveOn } from '../../services/archive.ts';
import { buildApp } from '../app.ts';
import { appDistFolder } from '../app-assets.ts';

/** The hardening as the real app has it: registered by buildApp, before every route. */
describe('the security of the whole app', () => {
  let archive: Archive;
  let app: FastifyInstance;
  const sameSite = { origin: 'http://localhost', 'content-type': 'application/json' };

  beforeAll(async () => {
    const [, openDatabase] = testDatabases()[0] ?? [];
    if (!openDatabase) throw new Error('no test database');
    archive = await openArchiveOn(await openDatabase());
    app = await buildApp({ archive });
  });
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  it('sends the security headers on a page, a JSON answer, the API reference and /assets', async () => {
    const script = readdirSync(`${appDistFolder}assets`).find((name) => name.endsWith('.js'));
    const urls = ['/arkiv', '/api/meetings', '/api/docs', `/assets/${script}`];
    for (const url of urls) {
      const response = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-security-policy'], url).toMatch(
        /script-src 'self';.*frame-ancestors 'none'/u,
      );
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['referrer-policy'], url).toBe('same-origin');
      expect(response.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('answers another Host with 421, and a cross-site POST with 403', async () => {
    const rebound = await app.inject({ url: '/api/meetings', headers: { host: 'evil.test:3000' } });
    expect(rebound.statusCode).toBe(421);
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/meetings/1/publish-agenda',
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error).toMatch(/Referats egne sider/u);
  });

  it('refuses NUL, half characters and impossible dates in Danish', async () => {
    const nul = await app.inject({
      method: 'POST',
      url: '/api/forums',
      headers: sameSite,
      payload: '{"name":"Udvalg\\u0000"}',
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error).toBe(
      'Ugyldig forespørgsel: name: indeholder et tegn, der ikke er tilladt (et nultegn eller et halvt tegn).',
    );
    const surrogate = await app.inject({
      method: 'POST',
      url: '/api/forums',
      headers: sameSite,
      payload: '{"name":"\\ud800"}',
    });
    expect(surrogate.statusCode).toBe(400);
    const date = await app.inject({ url: '/api/search?q=budget&from=2027-02-30' });
    expect(date.statusCode).toBe(400);
    expect(date.json().error).toBe(
      'Ugyldig forespørgsel: from: skal være en gyldig dato som 2026-12-03',
    );
  });

  it('names the real limit of a JSON body and of a Bilag', async () => {
    const json = await app.inject({
      method: 'POST',
      url: '/api/forums',
      headers: sameSite,
      payload: JSON.stringify({ name: 'x'.repeat(3 * 1024 * 1024) }),
    });
    expect(json.statusCode).toBe(413);
    expect(json.json().error).toBe('Forespørgslen er for stor: højst 2 MB.');
    const upload = await app.inject({
      method: 'POST',
      url: '/api/items/1/attachments',
      headers: { origin: 'http://localhost', 'content-type': 'application/pdf' },
      payload: Buffer.alloc(26 * 1024 * 1024),
    });
    expect(upload.statusCode).toBe(413);
    expect(upload.json().error).toBe('Filen er for stor: et bilag må højst fylde 25 MB.');
  });
});
