import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { deliverDueEvents } from '../src/services/outbox/outbox-worker.ts';
import { openPostgres } from '../src/store/database.ts';
import {
  type SignedInHeaders,
  signInAs,
  signInWithPassword,
  testAccountPassword,
} from './support/signed-in.ts';

const postgresUrl = process.env.REFERAT_TEST_POSTGRES_URL;

/**
 * Three instances on one PostgreSQL (issue 14), each with its own pool, app and outbox worker,
 * as three processes behind a proxy would be: they migrate at once without harm, share
 * sessions, and under concurrent edits, publications and searches lose no update, answer each
 * conflict with 409 and handle each outbox event once.
 */
describe.skipIf(!postgresUrl)('three instances on one PostgreSQL', () => {
  const databaseName = `referat_multi_${randomBytes(4).toString('hex')}`;
  const instances: Array<{ archive: Archive; app: FastifyInstance }> = [];
  /** Every outbox delivery the test consumer got, from any instance: event id per delivery. */
  const handled: number[] = [];
  let headers: SignedInHeaders;
  let meetingId: number;
  const itemIds: number[] = [];
  /** How many migrations each instance applied when the three started at once. */
  let appliedByInstance: number[] = [];

  beforeAll(async () => {
    const admin = await openPostgres(postgresUrl ?? '');
    await sql`create database ${sql.id(databaseName)}`.execute(admin.db);
    await admin.close();
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${databaseName}`;
    // All three start at once: the migrations run once, under the migrator's lock.
    const archives = await Promise.all(
      [1, 2, 3].map(async () => openArchiveOn(await openPostgres(url.toString()))),
    );
    appliedByInstance = archives.map((archive) => archive.migrated.applied.length);
    for (const archive of archives) {
      archive.outbox.register({
        name: 'test-counter',
        handles: (type) => type === 'agenda.published' || type === 'item.saved',
        handle: async (delivery) => {
          handled.push(delivery.eventId);
        },
      });
      instances.push({ archive, app: await buildApp({ archive }) });
    }
  }, 60_000);

  afterAll(async () => {
    for (const { app, archive } of instances) {
      await app.close();
      await archive.close();
    }
    const admin = await openPostgres(postgresUrl ?? '');
    await sql`drop database if exists ${sql.id(databaseName)} with (force)`.execute(admin.db);
    await admin.close();
  });

  const instance = (index: number) => {
    const found = instances[index % instances.length];
    if (!found) throw new Error('no instance');
    return found;
  };
  const call = (index: number, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    instance(index).app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  it('migrated once, and a session made on one instance works on the others', async () => {
    const applied = await instance(0)
      .archive.database.db.selectFrom('kysely_migration' as never)
      .select(sql<number>`count(*)`.as('count'))
      .executeTakeFirstOrThrow();
    // Each migration ran once: by one instance, the others found it done.
    expect(Number((applied as { count: number }).count)).toBe(
      appliedByInstance.reduce((sum, count) => sum + count, 0),
    );
    expect(appliedByInstance.filter((count) => count > 0)).toHaveLength(1);
    headers = await signInAs(instance(0).app, instance(0).archive, {
      username: 'sekretariatet',
      isAdministrator: true,
    });
    for (const index of [1, 2]) {
      const session = await call(index, 'GET', '/api/session');
      expect(session.json().user?.username).toBe('sekretariatet');
    }
    // Signing in again elsewhere works too (the attempt counter is in the database as well).
    await signInWithPassword(instance(2).app, 'sekretariatet', testAccountPassword);
  });

  it('loses no update under concurrent edits, and answers every conflict with 409', async () => {
    const forum = await call(0, 'POST', '/api/forums', {
      name: 'Chefforum',
      abbreviation: 'CF',
      visibility: 'public',
    });
    expect(forum.statusCode).toBe(201);
    const meeting = await call(1, 'POST', '/api/meetings', {
      forumId: forum.json().id,
      date: '2027-09-02',
    });
    expect(meeting.statusCode).toBe(201);
    meetingId = meeting.json().id;
    for (let index = 0; index < 6; index++) {
      const item = await call(index, 'POST', `/api/meetings/${meetingId}/items`, {
        title: `Punkt fra instans ${index % 3}`,
      });
      expect(item.statusCode).toBe(201);
      itemIds.push(item.json().id);
    }
    // Rounds: all three instances save the same item with the same version at once.
    const itemId = itemIds[0] ?? 0;
    for (let round = 0; round < 10; round++) {
      const current = await call(round, 'GET', `/api/meetings/${meetingId}/workspace`);
      const version = current
        .json()
        .items.find((item: { id: number }) => item.id === itemId).version;
      const answers = await Promise.all(
        [0, 1, 2].map((index) =>
          call(index, 'PATCH', `/api/items/${itemId}`, {
            version,
            background: `Runde ${round}, instans ${index}`,
          }),
        ),
      );
      const statuses = answers.map((answer) => answer.statusCode).sort();
      expect(statuses).toEqual([200, 409, 409]);
      const winner = answers.findIndex((answer) => answer.statusCode === 200);
      const stored = await call(round + 1, 'GET', `/api/meetings/${meetingId}/workspace`);
      const saved = stored.json().items.find((item: { id: number }) => item.id === itemId);
      expect(saved.background).toBe(`Runde ${round}, instans ${winner}`);
      expect(saved.version).toBe(version + 1);
    }
    // Different items at once: every save lands.
    const workspace = (await call(0, 'GET', `/api/meetings/${meetingId}/workspace`)).json();
    const others = itemIds.slice(1);
    const saves = await Promise.all(
      others.map((id, index) =>
        call(index, 'PATCH', `/api/items/${id}`, {
          version: workspace.items.find((item: { id: number }) => item.id === id).version,
          background: `Ladestandere ved rådhus nummer ${index}`,
        }),
      ),
    );
    expect(saves.map((answer) => answer.statusCode)).toEqual(others.map(() => 200));
    const after = (await call(2, 'GET', `/api/meetings/${meetingId}/workspace`)).json();
    for (const [index, id] of others.entries())
      expect(after.items.find((item: { id: number }) => item.id === id).background).toBe(
        `Ladestandere ved rådhus nummer ${index}`,
      );
  });

  it('numbers publications made at once on three instances one after another, and searches agree', async () => {
    const answers = await Promise.all(
      [0, 1, 2].map((index) => call(index, 'POST', `/api/meetings/${meetingId}/publish-agenda`)),
    );
    // Publishing again sends a new version: the three are serialized by the meeting's row lock.
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    expect(answers.map((answer) => answer.json().number).sort()).toEqual([1, 2, 3]);
    const publications = (await call(1, 'GET', `/api/meetings/${meetingId}/publications`)).json();
    expect(publications.map((publication: { number: number }) => publication.number)).toEqual([
      1, 2, 3,
    ]);
    const searches = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((index) => call(index, 'GET', '/api/search?q=ladestandere')),
    );
    for (const search of searches) {
      expect(search.statusCode).toBe(200);
      expect(search.json()).toHaveLength(5);
    }
  });

  it('delivers each outbox event once, with every instance’s worker running', async () => {
    const events = await instance(0)
      .archive.database.db.selectFrom('outbox_deliveries')
      .select('event_id')
      .where('consumer', '=', 'test-counter')
      .execute();
    expect(events.length).toBeGreaterThan(10);
    for (let pass = 0; pass < 3; pass++)
      await Promise.all(
        instances.map(({ archive }) => deliverDueEvents(archive, { batchSize: 3 })),
      );
    expect([...handled].sort((a, b) => a - b)).toEqual(
      events.map((event) => event.event_id).sort((a, b) => a - b),
    );
    expect(new Set(handled).size).toBe(handled.length);
  });
});
