import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSecurityTestApp, testSessionToken } from './security-test-app.ts';

let app: FastifyInstance;
let calls: string[];
const publish = '/api/meetings/1/publish-agenda';

beforeAll(async () => {
  ({ app, calls } = await buildSecurityTestApp({
    publicOrigins: ['https://referat.kommune.dk'],
    allowedHostNames: ['localhost', '127.0.0.1', '[::1]', 'referat.kommune.dk'],
  }));
});
afterAll(() => app.close());

describe('CSRF protection', () => {
  it('refuses a state-changing request from another site with 403 in Danish', async () => {
    const before = calls.length;
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      {},
      { origin: 'http://localhost.evil.example' },
      { origin: 'http://localhost:8080' },
      { 'x-csrf-token': 'gættet' },
      { 'x-csrf-token': testSessionToken },
      { origin: 'null', 'x-csrf-token': testSessionToken, 'x-test-session': 'yes' },
    ]) {
      const response = await app.inject({ method: 'POST', url: publish, headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json().error).toMatch(/afvist.*Referats egne sider/u);
    }
    const form = await app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      payload: '{"date":"2026-12-03"}',
    });
    expect(form.statusCode).toBe(403);
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const)
      expect((await app.inject({ method, url: publish })).statusCode).toBe(403);
    expect(calls.length).toBe(before);
  });

  it('lets through the session token, and a same-origin or public Origin', async () => {
    for (const headers of [
      { 'x-csrf-token': testSessionToken, 'x-test-session': 'yes' },
      { origin: 'http://localhost' },
      { origin: 'http://localhost:3000', host: 'localhost:3000' },
      { origin: 'http://127.0.0.1:41234', host: '127.0.0.1:41234' },
      { origin: 'https://referat.kommune.dk', host: '127.0.0.1:3000' },
    ]) {
      const response = await app.inject({ method: 'POST', url: publish, headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(200);
    }
  });

  it('does not check GET, HEAD or OPTIONS', async () => {
    const response = await app.inject({
      url: '/api/search?q=budget',
      headers: { origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('Host allow-list', () => {
  it('answers 421 in Danish to a host it does not have', async () => {
    for (const host of [
      'evil.example',
      'evil.test:3000',
      'localhost.evil.example',
      'a@localhost',
    ]) {
      const response = await app.inject({ url: '/api/search?q=a', headers: { host } });
      expect(response.statusCode, host).toBe(421);
      expect(response.json().error).toMatch(/Forkert adresse/u);
    }
  });

  it('answers loopback names at any port and the public host', async () => {
    for (const host of ['localhost:5173', '127.0.0.1:1', '[::1]:3000', 'referat.kommune.dk'])
      expect((await app.inject({ url: '/api/search?q=a', headers: { host } })).statusCode).toBe(
        200,
      );
  });
});

describe('security headers', () => {
  it('are on pages, JSON answers and refusals', async () => {
    const answers = await Promise.all([
      app.inject({ url: '/arkiv' }),
      app.inject({ url: '/api/search?q=a' }),
      app.inject({ url: '/api/search?q=a', headers: { host: 'evil.example' } }),
    ]);
    for (const response of answers) {
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/u);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
    // Every public origin is https here, so HSTS is sent and http subresources are upgraded.
    expect(answers[0]?.headers['strict-transport-security']).toMatch(/max-age=31536000/u);
    expect(answers[0]?.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('leave HSTS out when the site is not published over https', async () => {
    const { app: plain } = await buildSecurityTestApp();
    const response = await plain.inject({ url: '/arkiv' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    await plain.close();
  });
});

describe('hostile input', () => {
  const sameSite = { origin: 'http://localhost', 'content-type': 'application/json' };

  it('refuses NUL and lone surrogates in JSON, query and path with a Danish 400', async () => {
    const before = calls.length;
    const bodies = [
      '{"title":"Budget\\u0000","date":"2026-12-03"}',
      '{"title":"\\ud800","date":"2026-12-03"}',
      '{"title":"ok","date":"2026-12-03","deep":[[{"x":"\\udfff"}]]}',
      '{"\\u0000":"key","date":"2026-12-03"}',
    ];
    for (const payload of bodies) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/meetings',
        headers: sameSite,
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().error).toMatch(/tegn, der ikke er tilladt/u);
    }
    const query = await app.inject({ url: '/api/search?q=a%00b' });
    expect(query.statusCode).toBe(400);
    expect(query.json().error).toMatch(/^Ugyldig forespørgsel: q:/u);
    const path = await app.inject({
      method: 'POST',
      url: '/api/meetings/1%00/publish-agenda',
      headers: sameSite,
    });
    expect(path.statusCode).toBe(400);
    expect(calls.length).toBe(before);
  });

  it('refuses a file name with NUL or half a character', async () => {
    for (const fileName of ['a%00.pdf', '%ED%A0%80.pdf']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/items/1/attachments',
        headers: {
          origin: 'http://localhost',
          'content-type': 'application/pdf',
          'x-file-name': fileName,
        },
        payload: Buffer.from('%PDF-1.7'),
      });
      expect(response.statusCode, fileName).toBe(400);
      expect(response.json().error).toMatch(/filnavnet/u);
    }
  });

  it('refuses 2027-02-30, and accepts a real date', async () => {
    const send = (date: string) =>
      app.inject({ method: 'POST', url: '/api/meetings', headers: sameSite, payload: { date } });
    expect((await send('2027-02-30')).statusCode).toBe(400);
    expect((await send('2028-02-29')).statusCode).toBe(200);
  });

  it('accepts ordinary Danish text and emoji', async () => {
    const response = await app.inject({
      url: `/api/search?q=${encodeURIComponent('Ærø 😀')}`,
    });
    expect(response.json()).toEqual({ q: 'Ærø 😀' });
  });
});

describe('body limits', () => {
  it('names the JSON limit for a JSON body, and the Bilag limit for an upload', async () => {
    const json = await app.inject({
      method: 'POST',
      url: '/api/meetings',
      headers: { origin: 'http://localhost', 'content-type': 'application/json' },
      payload: JSON.stringify({ date: '2026-12-03', title: 'x'.repeat(3 * 1024 * 1024) }),
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

  it('refuses a cross-site body before it is read, with 403 rather than 413', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/items/1/attachments',
      headers: { origin: 'https://evil.example', 'content-type': 'application/pdf' },
      payload: Buffer.alloc(26 * 1024 * 1024),
    });
    expect(response.statusCode).toBe(403);
  });
});
