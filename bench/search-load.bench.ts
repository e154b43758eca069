import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '../test/support/free-port.ts';
import { ensureArchiveFile, readFirstLines } from './search.bench.ts';
import {
  commonWordQueries,
  compoundPartQueries,
  phraseQueries,
  pickRareWords,
  twoWordQueries,
} from './search-queries.ts';
import {
  connections,
  load,
  pickMeetingId,
  repositoryRoot,
  startServer,
  stopServer,
} from './server-process.ts';
import type { BenchRow } from './table.ts';

/**
 * Search under load (issue 14): 100 connections search the synthetic archive with the mixed
 * Danish queries for 10 s while one more connection asks GET /api/meetings/:id, first with
 * the searches in the main thread without the overload answer (as before this issue), then in
 * the worker threads with it (as `npm start` runs now). The archive is imported once with the CLI and kept in bench/.cache.
 */

const warmUpSeconds = 3;
const seconds = 10;
const meetingP99TargetMs = 20;
const meetingCount = Number(process.env.REFERAT_BENCH_MEETINGS ?? 12_500);

/** A data folder holding the archive, its forum public; imported once and kept. */
function ensureServerArchive(): string {
  const folder = fileURLToPath(new URL(`./.cache/http-archive-${meetingCount}/`, import.meta.url));
  if (existsSync(join(folder, 'ready'))) return folder;
  mkdirSync(folder, { recursive: true });
  const environment: NodeJS.ProcessEnv = { ...process.env, REFERAT_DATA_DIR: folder };
  delete environment.DATABASE_URL;
  const cli = join(repositoryRoot, 'bin/referat.js');
  process.stderr.write(`search-load: importerer ${meetingCount} møder til ${folder} …\n`);
  execFileSync(process.execPath, [cli, 'import', ensureArchiveFile(), '--no-bilagstekst'], {
    env: environment,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync(process.execPath, [cli, 'forum', 'set', 'Chefforum', '--visibility', 'public'], {
    env: environment,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync('touch', [join(folder, 'ready')]);
  return folder;
}

/** The mixed queries as search addresses, taken in turn. */
async function searchPaths(): Promise<string[]> {
  const rare = pickRareWords(await readFirstLines(ensureArchiveFile(), 2000));
  return [
    ...commonWordQueries,
    ...twoWordQueries,
    ...phraseQueries,
    ...compoundPartQueries,
    ...rare,
  ].map((query) => `/api/search?q=${encodeURIComponent(query)}`);
}

/** One configuration: the server with this many search threads, searched and asked at once. */
async function measure(folder: string, threads: number, paths: string[]): Promise<BenchRow[]> {
  const port = await findFreePort();
  // Before this issue there were neither search threads nor the overload answer.
  const child = await startServer('src/server/start.ts', folder, port, {
    REFERAT_SEARCH_THREADS: String(threads),
    ...(threads === 0 ? { REFERAT_MAX_EVENT_LOOP_DELAY_MS: '0' } : {}),
  });
  const label = threads === 0 ? 'main thread (before)' : `${threads} search threads`;
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    const meeting = await pickMeetingId(baseUrl);
    let next = 0;
    const searching = {
      requests: [
        {
          method: 'GET',
          setupRequest: (request: { path: string }) => ({
            ...request,
            path: paths[next++ % paths.length] ?? '/api/search?q=budget',
          }),
        },
      ],
    };
    await load(baseUrl, warmUpSeconds, searching);
    const [search, asked] = await Promise.all([
      load(baseUrl, seconds, searching),
      load(`${baseUrl}/api/meetings/${meeting.id}`, seconds, { connections: 1 }),
    ]);
    const failures = search.errors + search.timeouts + search.non2xx;
    return [
      {
        name: `HTTP search, ${connections} conn., ${label}`,
        value: search.requests.average,
        unit: `answers/s (${search.requests.total} in ${seconds} s)`,
        target: '–',
        isMet: true,
      },
      {
        name: `HTTP search p99, ${label}`,
        value: search.latency.p99,
        unit: 'ms',
        target: '–',
        isMet: true,
      },
      {
        name: `HTTP search errors + time-outs + non-2xx, ${label}`,
        value: failures,
        unit: `(${search.errors} errors, ${search.timeouts} time-outs, ${search.non2xx} non-2xx)`,
        target: '0',
        isMet: failures === 0,
      },
      {
        name: `GET /api/meetings/:id p99 while searching, ${label}`,
        value: asked.latency.p99,
        unit: `ms (p50 ${asked.latency.p50} ms, ${asked.requests.total} answers)`,
        target: threads === 0 ? '–' : `≤ ${meetingP99TargetMs}`,
        isMet: threads === 0 || asked.latency.p99 <= meetingP99TargetMs,
      },
    ];
  } finally {
    await stopServer(child);
  }
}

/** Search under load, before and after the search threads, on the same archive and machine. */
export async function benchSearchUnderLoad(): Promise<BenchRow[]> {
  const folder = ensureServerArchive();
  const paths = await searchPaths();
  const rows: BenchRow[] = [];
  for (const threads of [0, availableParallelism()])
    rows.push(...(await measure(folder, threads, paths)));
  return rows;
}
