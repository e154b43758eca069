import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  editCrashTrial,
  freshTrialArchive,
  importCrashTrial,
  prepareEditTrial,
  writeTrialArchive,
} from '../test/support/crash-trials.ts';
import { findFreePort } from '../test/support/free-port.ts';
import type { BenchRow } from './table.ts';

/**
 * `npm run bench crash`: kill -9 during an import and during a burst of edits, 20 trials each
 * (REFERAT_CRASH_TRIALS) on SQLite and, with REFERAT_TEST_POSTGRES_URL, on PostgreSQL. A trial
 * passes when the archive passes its checks afterwards, no meeting is half-imported and every
 * edit answered 2xx is stored. The kill comes at a different moment each trial.
 */
const trials = Number(process.env.REFERAT_CRASH_TRIALS ?? 20);

export async function benchCrash(): Promise<BenchRow[]> {
  const folder = await mkdtemp(join(tmpdir(), 'referat-crash-bench-'));
  const rows: BenchRow[] = [];
  try {
    const source = await writeTrialArchive(folder, 400);
    const engines: Array<[string, string | undefined]> = [['SQLite', undefined]];
    const postgresUrl = process.env.REFERAT_TEST_POSTGRES_URL;
    if (postgresUrl) engines.push(['PostgreSQL', postgresUrl]);
    for (const [label, url] of engines) {
      rows.push(
        await runTrials(`kill -9 during import, ${label}`, 'meetings stored', async (index) => {
          const trial = await freshTrialArchive(url);
          try {
            // Kills spread from the 10th to the 390th of the 400 meetings.
            return await importCrashTrial(trial, source, 10 + Math.floor((380 * index) / trials));
          } finally {
            await trial.remove();
          }
        }),
      );
      rows.push(
        await runTrials(`kill -9 during edits, ${label}`, 'edits answered 2xx', async (index) => {
          const trial = await freshTrialArchive(url);
          try {
            const prepared = await prepareEditTrial(trial, 40);
            return await editCrashTrial(
              trial,
              prepared,
              700 + ((index * 211) % 2000),
              await findFreePort(),
            );
          } finally {
            await trial.remove();
          }
        }),
      );
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return rows;
}

async function runTrials(
  name: string,
  doneLabel: string,
  trial: (index: number) => Promise<{ problems: string[]; done: number }>,
): Promise<BenchRow> {
  let passed = 0;
  let done = 0;
  for (let index = 0; index < trials; index++) {
    const outcome = await trial(index);
    done += outcome.done;
    if (outcome.problems.length === 0) passed++;
    else process.stderr.write(`${name}, trial ${index + 1}: ${outcome.problems.join('; ')}\n`);
  }
  return {
    name,
    value: passed,
    unit: `of ${trials} trials passed (${done} ${doneLabel} in all)`,
    target: `${trials}`,
    isMet: passed === trials,
  };
}
