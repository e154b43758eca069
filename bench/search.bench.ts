import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { localAdministrator } from '../src/core/actor.ts';
import { parseSearchText } from '../src/search/search-query.ts';
import { buildMatchExpression } from '../src/search/sqlite-ranking.ts';
import { type Archive, openArchive } from '../src/services/archive.ts';
import { defaultPostgresStoreConcurrency, importPaths } from '../src/services/import-service.ts';
import { rawFtsIndexing, rawPostgresIndexing } from './raw-indexing.ts';
import {
  commonWordQueries,
  compoundPartQueries,
  phraseQueries,
  pickRareWords,
  twoWordQueries,
} from './search-queries.ts';
import type { BenchRow } from './table.ts';

const meetingCount = Number(process.env.REFERAT_BENCH_MEETINGS ?? 12_500);
const cacheDirectory = fileURLToPath(new URL('./.cache/', import.meta.url));
const archivePath = join(cacheDirectory, `minutes-${meetingCount}-seed-7.jsonl`);
const runsPerQuery = 5;
/** Items per second an import must reach, per engine (issue 14). */
const importTargets: Record<string, number> = { SQLite: 3000, PostgreSQL: 2000 };
/**
 * PostgreSQL's search p95 target (issue 14): 50 ms at 100,000 items, 100 ms at 1M. SQLite's
 * measure is its ratio to a raw FTS5 query (below).
 */
const p95TargetMs = meetingCount > 20_000 ? 100 : 50;
const p95Targets: Record<string, number> = { PostgreSQL: p95TargetMs };

/** The bench archive: `gen-minutes --meetings 12500 --seed 7` (~600 MB), made once and cached. */
export function ensureArchiveFile(): string {
  if (existsSync(archivePath)) return archivePath;
  mkdirSync(cacheDirectory, { recursive: true });
  process.stderr.write(`Laver ${meetingCount} møder med gen-minutes (ca. 1 min)…\n`);
  const generator = fileURLToPath(new URL('./tools/gen-minutes', import.meta.url));
  execFileSync(
    'python3',
    [generator, '--meetings', String(meetingCount), '--seed', '7', '--out', archivePath],
    {
      stdio: 'inherit',
    },
  );
  return archivePath;
}

export async function readFirstLines(path: string, count: number): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: createReadStream(path, 'utf8') });
  for await (const line of reader) {
    lines.push(line);
    if (lines.length >= count) break;
  }
  reader.close();
  return lines;
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

async function timeQueries(
  queries: readonly string[],
  run: (query: string) => Promise<unknown>,
): Promise<number[]> {
  for (const query of queries) await run(query);
  const times: number[] = [];
  for (let round = 0; round < runsPerQuery; round++) {
    for (const query of queries) {
      const started = performance.now();
      await run(query);
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** Imports the archive into a fresh database and returns items per second. */
async function importArchive(
  archive: Archive,
  path: string,
): Promise<{ items: number; perSecond: number }> {
  const started = performance.now();
  let lastReport = 0;
  const summary = await importPaths(archive, localAdministrator('Benchmark'), [path], {
    onProgress: (progress) => {
      if (performance.now() - lastReport < 10_000) return;
      lastReport = performance.now();
      process.stderr.write(`  … ${progress.items} punkter\n`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  return { items: summary.items, perSecond: summary.items / seconds };
}

async function benchEngine(
  label: string,
  archive: Archive,
  queries: string[],
  path: string,
  options: { skipImport?: boolean } = {},
): Promise<{ rows: BenchRow[]; times: number[]; importPerSecond?: number }> {
  const rows: BenchRow[] = [];
  let importPerSecond: number | undefined;
  if (!options.skipImport) {
    process.stderr.write(`${label}: importerer ${path}\n`);
    const imported = await importArchive(archive, path);
    importPerSecond = imported.perSecond;
    rows.push({
      name: `${label}: import`,
      value: imported.perSecond,
      unit: `items/s (${imported.items} items)`,
      // Issue 14's targets: 3,000 items/s on SQLite, 2,000 on PostgreSQL.
      target: `≥ ${importTargets[label] ?? 0}`,
      isMet: imported.perSecond >= (importTargets[label] ?? 0),
    });
  }
  const times = await timeQueries(queries, (query) =>
    archive.search.search(archive.database.db, { text: query, limit: 10 }),
  );
  const p95 = percentile(times, 0.95);
  rows.push(
    {
      name: `${label}: search p50`,
      value: percentile(times, 0.5),
      unit: 'ms',
      target: '–',
      isMet: true,
    },
    {
      name: `${label}: search p95`,
      value: p95,
      unit: `ms (${times.length} searches)`,
      target: p95Targets[label] === undefined ? '–' : `≤ ${p95Targets[label]}`,
      isMet: p95 <= (p95Targets[label] ?? Number.POSITIVE_INFINITY),
    },
  );
  return { times, rows, importPerSecond };
}

/** The same words as a bare FTS5 MATCH … ORDER BY bm25, without expansion, filters or snippets. */
async function rawFtsTimes(archive: Archive, queries: readonly string[]): Promise<number[]> {
  return timeQueries(queries, async (query) => {
    const parsed = parseSearchText(query);
    const expression = buildMatchExpression(
      {
        ...parsed,
        groups: parsed.terms.map((term) => ({ stem: term.stem, alternatives: [term.stem] })),
      },
      false,
    );
    await sql`select rowid from item_search where item_search match ${expression} order by bm25(item_search, 8.0, 1.0, 2.0) limit 10`.execute(
      archive.database.db,
    );
  });
}

/**
 * Which engines the search bench runs: `REFERAT_BENCH_ENGINES=postgres` (or `sqlite`) for one.
 * `REFERAT_BENCH_KEEP=1` keeps the PostgreSQL bench database and, when it is already filled,
 * searches it without importing again: the 1M-item archive takes long to import.
 */
const engines = (process.env.REFERAT_BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const keepsDatabase = process.env.REFERAT_BENCH_KEEP === '1';

/** Import speed and query latency on SQLite, beside a raw FTS5 query, and on PostgreSQL. */
export async function benchSearch(): Promise<BenchRow[]> {
  const path = ensureArchiveFile();
  const queries = [
    ...commonWordQueries,
    ...pickRareWords(await readFirstLines(path, 2000)),
    ...twoWordQueries,
    ...phraseQueries,
    ...compoundPartQueries,
  ];
  const rows: BenchRow[] = [];
  if (engines.includes('sqlite')) rows.push(...(await benchSqlite(queries, path)));
  if (engines.includes('postgres')) rows.push(...(await benchPostgres(queries, path)));
  return rows;
}

async function benchSqlite(queries: string[], path: string): Promise<BenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'referat-bench-search-'));
  const rows: BenchRow[] = [];
  try {
    const sqlite = await openArchive({ dataDirectory: folder });
    try {
      const result = await benchEngine('SQLite', sqlite, queries, path);
      rows.push(...result.rows);
      process.stderr.write('SQLite: rå FTS5-indeksering af samme arkiv\n');
      const rawIndexing = await rawFtsIndexing(path);
      const imported = result.importPerSecond ?? 0;
      rows.push(
        {
          name: 'SQLite: raw FTS5 indexing',
          value: rawIndexing.perSecond,
          unit: `items/s (${rawIndexing.items} items)`,
          target: '–',
          isMet: true,
        },
        {
          name: 'SQLite: raw FTS5 indexing ÷ import speed',
          value: rawIndexing.perSecond / imported,
          unit: '×',
          target: '≤ 1.2',
          isMet: rawIndexing.perSecond / imported <= 1.2,
        },
      );
      process.stderr.write('SQLite: rå FTS5-indeksering af teksten uden danske stammer\n');
      const unstemmed = await rawFtsIndexing(path, { isStemmed: false });
      rows.push({
        name: 'SQLite: raw FTS5 indexing of unstemmed text (FTS5 tokenizer only)',
        value: unstemmed.perSecond,
        unit: `items/s (${unstemmed.items} items)`,
        target: '–',
        isMet: true,
      });
      const raw = await rawFtsTimes(sqlite, queries);
      const ratio = percentile(result.times, 0.95) / percentile(raw, 0.95);
      const total =
        result.times.reduce((sum, time) => sum + time, 0) /
        raw.reduce((sum, time) => sum + time, 0);
      rows.push({
        name: 'SQLite: raw FTS5 MATCH p95',
        value: percentile(raw, 0.95),
        unit: 'ms',
        target: '–',
        isMet: true,
      });
      rows.push({
        name: 'SQLite: search ÷ raw FTS5 (p95)',
        value: ratio,
        unit: '×',
        target: '≤ 1.2',
        isMet: ratio <= 1.2,
      });
      rows.push({
        name: 'SQLite: search ÷ raw FTS5 (total)',
        value: total,
        unit: '×',
        target: '≤ 1.2',
        isMet: total <= 1.2,
      });
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return rows;
}

async function benchPostgres(queries: string[], path: string): Promise<BenchRow[]> {
  const adminUrl = process.env.REFERAT_TEST_POSTGRES_URL;
  if (!adminUrl) {
    return [
      {
        name: 'PostgreSQL',
        value: Number.NaN,
        unit: 'skipped: set REFERAT_TEST_POSTGRES_URL (scripts/start-test-postgres.sh)',
        target: '–',
        isMet: true,
      },
    ];
  }
  const name = `referat_bench_${meetingCount}`;
  const admin = await openBenchDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const archive = await openArchive({ databaseUrl: url.toString() });
  try {
    const isFilled = admin.isReused && (await countItems(archive)) > 0;
    if (isFilled) process.stderr.write(`PostgreSQL: søger i den gemte ${name}\n`);
    const result = await benchEngine('PostgreSQL', archive, queries, path, {
      skipImport: isFilled,
    });
    if (result.importPerSecond === undefined) return result.rows;
    process.stderr.write('PostgreSQL: rå tsvector-indeksering af samme arkiv\n');
    const raw = await rawPostgresIndexing(adminUrl, path, defaultPostgresStoreConcurrency);
    return [
      ...result.rows,
      {
        name: `PostgreSQL: raw tsvector indexing (${defaultPostgresStoreConcurrency} in flight)`,
        value: raw.perSecond,
        unit: `items/s (${raw.items} items)`,
        target: '–',
        isMet: true,
      },
      {
        name: 'PostgreSQL: raw tsvector indexing ÷ import speed',
        value: raw.perSecond / result.importPerSecond,
        unit: '×',
        target: '–',
        isMet: true,
      },
    ];
  } finally {
    await archive.close();
    await admin.close();
  }
}

async function countItems(archive: Archive): Promise<number> {
  const result = await sql<{ count: string | number }>`
    select count(*) as count from agenda_items`.execute(archive.database.db);
  return Number(result.rows[0]?.count ?? 0);
}

/** A fresh bench database, or with REFERAT_BENCH_KEEP the kept one; dropped after unless kept. */
async function openBenchDatabase(adminUrl: string, name: string) {
  const { openPostgres } = await import('../src/store/database.ts');
  const admin = await openPostgres(adminUrl);
  const found = await sql<{ count: string | number }>`
    select count(*) as count from pg_database where datname = ${name}`.execute(admin.db);
  const isReused = keepsDatabase && Number(found.rows[0]?.count ?? 0) > 0;
  if (!isReused) {
    await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
    await sql`create database ${sql.id(name)}`.execute(admin.db);
  }
  return {
    isReused,
    async close() {
      if (!keepsDatabase)
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin.db);
      await admin.close();
    },
  };
}
