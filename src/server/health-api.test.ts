import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchProvider } from '../search/index.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { OutboxRegistry } from '../services/outbox/outbox-registry.ts';
import { openSqliteFile } from '../store/database.ts';
import { buildApp } from './app.ts';

/** Liveness and readiness, as a load balancer asks them. */
describe('GET /api/health and /api/ready', () => {
  let archive: Archive;
  beforeAll(async () => {
    archive = await openArchiveOn(await openSqliteFile(':memory:'));
  });
  afterAll(async () => {
    await archive?.close();
  });

  it('answers ready when the database answers and has every migration', async () => {
    const app = await buildApp({ archive });
    const health = await app.inject({ url: '/api/health' });
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: 'ok', pendingMigrations: [] });
    await app.close();
  });

  it('answers 503 with the missing migrations while another instance upgrades', async () => {
    const database = await openSqliteFile(':memory:');
    const unmigrated: Archive = {
      database,
      search: createSearchProvider('sqlite'),
      outbox: new OutboxRegistry(),
      close: () => database.close(),
    };
    const app = await buildApp({ archive: unmigrated });
    const ready = await app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['retry-after']).toBe('5');
    const body = ready.json();
    expect(body.status).toBe('not_ready');
    expect(body.pendingMigrations).toContain('0013-attachment-text');
    expect(body.error).toMatch(/^Databasen mangler \d+ migrering/u);
    // Liveness asks nothing of the database.
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    await database.close();
    const down = await app.inject({ url: '/api/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ database: 'unreachable', error: 'Databasen svarer ikke.' });
    await app.close();
  });
});
