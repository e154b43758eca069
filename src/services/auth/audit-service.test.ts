import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInReader } from '../../../test/support/actors.ts';
import { testDatabases } from '../../../test/support/databases.ts';
import { localAdministrator } from '../../core/actor.ts';
import { appendAuditEntry } from '../../store/audit-store.ts';
import type { Archive } from '../archive.ts';
import { readAuditLog, readSinceTime } from './audit-service.ts';
import { openTestArchive } from './auth-test-support.ts';

describe('the time an audit query starts from', () => {
  it('reads a date as midnight in Copenhagen, winter and summer', () => {
    expect(readSinceTime('2026-12-01')).toBe('2026-11-30T23:00:00.000Z');
    expect(readSinceTime('2026-07-01')).toBe('2026-06-30T22:00:00.000Z');
  });

  it('reads an ISO time as written, and nothing else', () => {
    expect(readSinceTime('2026-12-01T10:30:00+01:00')).toBe('2026-12-01T09:30:00.000Z');
    expect(readSinceTime('2026-02-30')).toBeNull();
    expect(readSinceTime('i går')).toBeNull();
  });
});

describe.each(testDatabases())('reading the audit log on %s', (_name, open) => {
  let archive: Archive;

  beforeAll(async () => {
    archive = await openTestArchive(open);
    for (const action of ['sign_in', 'user.add', 'sign_out'])
      await appendAuditEntry(archive.database.db, {
        actorUserId: null,
        actorName: 'Test',
        address: null,
        action,
        outcome: 'ok',
      });
  });
  afterAll(async () => {
    await archive.close();
  });

  it('gives administrators the newest lines first, a page at a time', async () => {
    const lines = await readAuditLog(archive, localAdministrator(), { limit: 2 });
    expect(lines.map((line) => line.action)).toEqual(['sign_out', 'user.add']);
    const next = await readAuditLog(archive, localAdministrator(), { limit: 2, offset: 2 });
    expect(next.map((line) => line.action)).toEqual(['sign_in']);
    expect(await readAuditLog(archive, localAdministrator(), { since: '2999-01-01' })).toEqual([]);
  });

  it('refuses everyone else, and notes the refusal', async () => {
    await expect(readAuditLog(archive, signedInReader)).rejects.toMatchObject({ status: 403 });
    const [line] = await readAuditLog(archive, localAdministrator(), { limit: 1 });
    expect(line).toMatchObject({
      action: 'audit.read',
      outcome: 'refused',
      actorName: signedInReader.name,
    });
  });
});
