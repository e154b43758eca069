import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { openSqliteFile } from '../store/database.ts';
import { buildApp } from './app.ts';
import { appDistFolder } from './app-assets.ts';

/** The built app as the server hands it out: the front page, page addresses and the favicon. */
describe('the app page and its files', () => {
  let archive: Archive;
  let app: FastifyInstance;
  // The test run's global set-up builds the app, so app/dist holds the page the server sends.
  const builtPage = readFileSync(`${appDistFolder}index.html`, 'utf8');

  beforeAll(async () => {
    archive = await openArchiveOn(await openSqliteFile(':memory:'));
    app = await buildApp({ archive });
  });
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  it('answers / with the app whatever the Accept header says, as curl and browsers ask', async () => {
    const accepts: Array<string | undefined> = [
      '*/*',
      'text/plain',
      undefined,
      'application/json',
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    ];
    for (const accept of accepts) {
      const response = await app.inject({
        url: '/',
        headers: accept === undefined ? {} : { accept },
      });
      expect(response.statusCode, `Accept: ${accept}`).toBe(200);
      expect(response.headers['content-type'], `Accept: ${accept}`).toBe(
        'text/html; charset=utf-8',
      );
      expect(response.body).toBe(builtPage);
      expect(response.body).toContain('<div id="root"></div>');
    }
    const head = await app.inject({ method: 'HEAD', url: '/', headers: { accept: '*/*' } });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it("answers the app's own addresses with the app for a browser, curl or a reload", async () => {
    for (const accept of ['text/html', '*/*', undefined]) {
      const response = await app.inject({
        url: '/moeder/12/dagsorden?fra=liste',
        headers: accept === undefined ? {} : { accept },
      });
      expect(response.statusCode, `Accept: ${accept}`).toBe(200);
      expect(response.body).toBe(builtPage);
    }
  });

  it('keeps the JSON 404 for unknown API and asset addresses, and for non-HTML requests', async () => {
    const cases: Array<[string, string | undefined]> = [
      ['/api/nope', '*/*'],
      ['/api/nope', 'text/html'],
      ['/api/nope', undefined],
      ['/api/meetings/1/nope', 'application/json'],
      ['/assets/missing.js', '*/*'],
      ['/billede.png', 'image/avif,image/webp,image/*'],
    ];
    for (const [url, accept] of cases) {
      const response = await app.inject({ url, headers: accept === undefined ? {} : { accept } });
      expect(response.statusCode, `${url} (${accept})`).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/u);
      expect(response.json(), url).toEqual({ error: 'Siden findes ikke.' });
    }
    const post = await app.inject({
      method: 'POST',
      url: '/',
      headers: { accept: 'text/html', origin: 'http://localhost' },
    });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toEqual({ error: 'Siden findes ikke.' });
  });

  it('serves the favicon that the page links to', async () => {
    expect(builtPage).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
    const response = await app.inject({ url: '/favicon.svg' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/svg+xml');
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    expect(response.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/u);
    expect(response.body).toBe(
      readFileSync(new URL('../../app/public/favicon.svg', import.meta.url), 'utf8'),
    );
  });
});
