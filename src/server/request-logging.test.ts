import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { openSqliteFile } from '../store/database.ts';
import { buildApp } from './app.ts';
import { redactUrl } from './request-logging.ts';

/** JSON log lines with a request id, which the answer carries back; no secrets logged. */
describe('request logging', () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchiveOn(await openSqliteFile(':memory:'));
  });
  afterAll(async () => {
    await archive?.close();
  });

  it('logs JSON with the request id, the proxy’s when it is sane', async () => {
    const lines: string[] = [];
    const app = await buildApp({
      archive,
      isLogging: true,
      logStream: { write: (line) => lines.push(line) },
    });
    const given = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'proxy-42' } });
    expect(given.headers['x-request-id']).toBe('proxy-42');
    const made = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'bad id\n' } });
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/u);
    await app.inject({ url: '/mine/hemmelig-token-123/kalender.ics' });
    await app.close();
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const ids = new Set(entries.map((entry) => entry.reqId));
    expect(ids).toContain('proxy-42');
    expect(ids).toContain(made.headers['x-request-id']);
    const completed = entries.find(
      (entry) => entry.reqId === 'proxy-42' && entry.msg === 'request completed',
    );
    expect(completed).toMatchObject({ level: 30, res: { statusCode: 200 } });
    expect(lines.join('\n')).not.toContain('hemmelig-token-123');
    expect(lines.join('\n')).toContain('/mine/[skjult]/kalender.ics');
  });

  it('redacts calendar tokens and sign-in codes in addresses', () => {
    expect(redactUrl('/mine/abc/kalender.ics')).toBe('/mine/[skjult]/kalender.ics');
    expect(redactUrl('/api/auth/oidc/callback?code=xyz&state=s1&iss=a')).toBe(
      '/api/auth/oidc/callback?code=[skjult]&state=[skjult]&iss=a',
    );
    expect(redactUrl('/api/search?q=budget')).toBe('/api/search?q=budget');
  });
});
