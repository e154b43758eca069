import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  editCrashTrial,
  freshTrialArchive,
  importCrashTrial,
  prepareEditTrial,
  writeTrialArchive,
} from './support/crash-trials.ts';
import { findFreePort } from './support/free-port.ts';

const postgresUrl = process.env.REFERAT_TEST_POSTGRES_URL;
const engines: Array<[string, string | undefined]> = [['sqlite', undefined]];
if (postgresUrl) engines.push(['postgres', postgresUrl]);

/**
 * kill -9 in the middle of an import and of a burst of edits: two bounded trials per engine
 * here (the 20-trial runs are `npm run bench crash`). After each kill the archive passes its
 * checks, no meeting is half-imported, and every edit answered 2xx is stored.
 */
describe.each(engines)('a crash on %s', (_name, url) => {
  let folder: string;
  let source: Awaited<ReturnType<typeof writeTrialArchive>>;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'referat-crash-source-'));
    source = await writeTrialArchive(folder, 300);
  });
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('during an import leaves whole meetings and a sound index', async () => {
    const trial = await freshTrialArchive(url);
    try {
      // Killed once 120 of the 300 meetings are stored: in the middle of the work.
      const outcome = await importCrashTrial(trial, source, 120);
      expect(outcome.problems).toEqual([]);
      expect(outcome.done).toBeGreaterThanOrEqual(120);
      expect(outcome.done).toBeLessThan(300);
    } finally {
      await trial.remove();
    }
  }, 120_000);

  it('during a burst of edits keeps every edit answered 2xx', async () => {
    const trial = await freshTrialArchive(url);
    try {
      const prepared = await prepareEditTrial(trial, 40);
      const outcome = await editCrashTrial(trial, prepared, 1500, await findFreePort());
      expect(outcome.problems).toEqual([]);
      expect(outcome.done).toBeGreaterThan(0);
    } finally {
      await trial.remove();
    }
  }, 120_000);
});
