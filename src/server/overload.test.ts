import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { openSqliteFile } from '../store/database.ts';
import { buildApp } from './app.ts';
import { overloadLimitsFromEnvironment } from './overload.ts';

/** Under overload: 503 with Retry-After in Danish at once, liveness and readiness still answer. */
describe('overload protection', () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchiveOn(await openSqliteFile(':memory:'));
  });
  afterAll(async () => {
    await archive?.close();
  });

  it('reads its limit from the environment, in Danish when it is wrong', () => {
    expect(overloadLimitsFromEnvironment({})).toEqual({
      maxEventLoopDelayMs: 1000,
      maxEventLoopUtilization: 0,
    });
    expect(overloadLimitsFromEnvironment({ REFERAT_MAX_EVENT_LOOP_DELAY_MS: '0' })).toBeNull();
    expect(() =>
      overloadLimitsFromEnvironment({ REFERAT_MAX_EVENT_LOOP_DELAY_MS: 'snart' }),
    ).toThrow(/^REFERAT_MAX_EVENT_LOOP_DELAY_MS skal være et antal millisekunder/u);
  });

  it('answers 503 while the event loop lags, and serves again after', async () => {
    const app = await buildApp({
      archive,
      overload: { maxEventLoopDelayMs: 100, maxEventLoopUtilization: 0.999 },
    });
    await app.ready();
    expect((await app.inject({ url: '/api/forums' })).statusCode).toBe(200);
    // Keep the event loop lagging (200 ms blocks) until a sample has seen it.
    const until = Date.now() + 2300;
    while (Date.now() < until) {
      const block = Date.now() + 200;
      while (Date.now() < block) {}
      await new Promise((resolve) => setImmediate(resolve));
    }
    const refused = await app.inject({ url: '/api/forums' });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.json()).toEqual({
      error: 'Serveren har travlt lige nu. Prøv igen om et øjeblik.',
    });
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/ready' })).statusCode).toBe(200);
    await sleep(2500);
    expect((await app.inject({ url: '/api/forums' })).statusCode).toBe(200);
    await app.close();
  });
});
