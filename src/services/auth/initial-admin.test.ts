import { readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/support/databases.ts';
import { listAuditEntries } from '../../store/audit-store.ts';
import type { Archive } from '../archive.ts';
import { openTestArchive, testClient } from './auth-test-support.ts';
import { createInitialAdministrator, initialPasswordFileName } from './initial-admin.ts';
import { resolveSession, signInWithPassword } from './session-service.ts';

describe.each(testDatabases())('the first administrator on %s', (_name, open) => {
  let archive: Archive;
  let folder: string;

  beforeEach(async () => {
    archive = await openTestArchive(open);
    folder = await mkdtemp(join(tmpdir(), 'referat-admin-'));
  });
  afterEach(async () => {
    await archive.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('is created once, with the password in a file only the owner can read', async () => {
    const created = await createInitialAdministrator(archive, join(folder, 'data'));
    if (!created) throw new Error('ingen administrator');
    expect(created.username).toBe('admin');
    expect(created.password).toMatch(/^[a-zA-Z2-9]{20}$/u);
    expect(created.file).toBe(join(folder, 'data', initialPasswordFileName));
    expect(readFileSync(created.file, 'utf8')).toBe(`${created.password}\n`);
    expect(statSync(created.file).mode & 0o777).toBe(0o600);
    expect(await createInitialAdministrator(archive, join(folder, 'data'))).toBeNull();
    expect(readFileSync(created.file, 'utf8')).toBe(`${created.password}\n`);
    const [line] = await listAuditEntries(archive.database.db);
    expect(line).toMatchObject({ action: 'user.add', actorName: 'Referat (første start)' });
  });

  it('signs in as an administrator who must change the password first', async () => {
    const created = await createInitialAdministrator(archive, folder);
    const started = await signInWithPassword(
      archive,
      { username: 'admin', password: created?.password ?? '' },
      testClient,
    );
    const session = await resolveSession(archive, started.token, testClient);
    expect(session?.mustChangePassword).toBe(true);
    expect(session?.actor.isAdministrator).toBe(true);
  });
});
