import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../../test/support/actors.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { makeItem, makeMeeting } from '../../../test/support/meeting-factory.ts';
import type { ClaimedDelivery } from '../../store/outbox-store.ts';
import { type Archive, openArchiveOn } from '../archive.ts';
import { storeMeeting } from '../import-service.ts';
import { backOffMs, deliverDueEvents } from './outbox-worker.ts';

/** The outbox on every backend: each event reaches each consumer once, failures are retried. */
describe.each(testDatabases())('the outbox worker on %s', (_name, openDatabase) => {
  let archive: Archive;
  const seen: string[] = [];
  let failuresLeft = 1;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    archive.outbox.register({
      name: 'test-consumer',
      handles: (type) => type === 'meeting.imported',
      async handle(delivery: ClaimedDelivery) {
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('SMTP-serveren svarer ikke');
        }
        seen.push(`${delivery.event.type}:${delivery.event.meetingId}`);
      },
      maxAttempts: 3,
    });
  });
  afterAll(async () => {
    await archive?.close();
  });

  it('delivers once, retries a failure after its back-off, and never twice', async () => {
    const { meetingId } = await storeMeeting(
      archive,
      testAdministrator,
      makeMeeting([makeItem(1)], { date: '2020-01-02' }),
    );
    const now = new Date();
    expect(await deliverDueEvents(archive, { now })).toBe(0);
    expect(seen).toEqual([]);
    // Not yet due: the back-off after the first failure has not passed.
    expect(await deliverDueEvents(archive, { now: new Date(now.getTime() + 1000) })).toBe(0);
    const later = new Date(now.getTime() + backOffMs(1) + 1000);
    // Two workers at once (two instances): the claim is exclusive.
    const [first, second] = await Promise.all([
      deliverDueEvents(archive, { now: later }),
      deliverDueEvents(archive, { now: later }),
    ]);
    expect(first + second).toBe(1);
    expect(seen).toEqual([`meeting.imported:${meetingId}`]);
    expect(await deliverDueEvents(archive, { now: new Date(later.getTime() + 3_600_000) })).toBe(0);
    expect(seen).toHaveLength(1);
  });

  it('gives up after the consumer’s attempts and keeps the error', async () => {
    failuresLeft = 10;
    await storeMeeting(
      archive,
      testAdministrator,
      makeMeeting([makeItem(1)], { date: '2020-02-03' }),
    );
    let now = Date.now();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await deliverDueEvents(archive, { now: new Date(now) });
      now += backOffMs(attempt) + 1000;
    }
    const row = await archive.database.db
      .selectFrom('outbox_deliveries')
      .selectAll()
      .where('status', '=', 'failed')
      .executeTakeFirst();
    expect(row).toMatchObject({ attempts: 3, last_error: 'SMTP-serveren svarer ikke' });
    expect(seen).toHaveLength(1);
  });

  it('backs off 30 s, doubling, at most an hour', () => {
    expect([1, 2, 3, 20].map(backOffMs)).toEqual([30_000, 60_000, 120_000, 3_600_000]);
  });
});
