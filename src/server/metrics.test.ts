import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { createEmptyItem } from '../core/meeting.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { storeMeeting } from '../services/import-service.ts';
import { openSqliteFile } from '../store/database.ts';
import { buildApp } from './app.ts';

/** Prometheus metrics: latency by route, searches, queues, the archive's size; not for all. */
describe('GET /metrics', () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchiveOn(await openSqliteFile(':memory:'));
    await storeMeeting(archive, testAdministrator, {
      forum: 'Chefforum',
      kind: 'minutes',
      date: '2017-06-14',
      items: [createEmptyItem(1, 'Budget'), createEmptyItem(2, 'Eventuelt')],
    });
  });
  afterAll(async () => {
    await archive?.close();
  });

  it('counts requests by route and searches, and reads the queues from the database', async () => {
    const app = await buildApp({ archive });
    await app.inject({ url: '/api/health' });
    await app.inject({ url: '/api/search?q=budget' });
    await app.inject({ url: '/api/search?q=' });
    const answer = await app.inject({ url: '/metrics' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/plain/u);
    const text = answer.body;
    expect(text).toMatch(
      /referat_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_code="200"\} 1/u,
    );
    expect(text).toMatch(/referat_searches_total\{route="\/api\/search",outcome="ok"\} 1/u);
    expect(text).toMatch(/referat_searches_total\{route="\/api\/search",outcome="error"\} 1/u);
    expect(text).toMatch(/^referat_items 2$/mu);
    expect(text).toMatch(/^referat_meetings 1$/mu);
    expect(text).toMatch(/^referat_attachment_texts_waiting 0$/mu);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    await app.close();
  });

  it('answers 404 through a proxy, and asks for the token when one is set', async () => {
    const app = await buildApp({ archive });
    const proxied = await app.inject({
      url: '/metrics',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(proxied.statusCode).toBe(404);
    expect(proxied.body).not.toContain('referat_');
    await app.close();
    process.env.REFERAT_METRICS_TOKEN = 'hemmelig-måler';
    try {
      const guarded = await buildApp({ archive });
      expect((await guarded.inject({ url: '/metrics' })).statusCode).toBe(404);
      const wrong = await guarded.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer forkert' },
      });
      expect(wrong.statusCode).toBe(404);
      const right = await guarded.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer hemmelig-måler' },
      });
      expect(right.statusCode).toBe(200);
      await guarded.close();
    } finally {
      delete process.env.REFERAT_METRICS_TOKEN;
    }
  });
});
