import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findFreePort } from '../test/support/free-port.ts';
import { benchSearchUnderLoad } from './search-load.bench.ts';
import {
  connections,
  load,
  pickMeetingId,
  repositoryRoot,
  startServer,
  stopServer,
} from './server-process.ts';
import type { BenchRow } from './table.ts';

const warmUpSeconds = 3;
const seconds = 10;
const p99TargetMs = 20;
const javaScriptTargetKb = 200;

/**
 * Requests per second, latency and errors of GET /api/meetings/:id under 100 connections, with
 * the server started from `entry` in a child process.
 */
export async function benchMeetingRoute(entry = 'src/server/start.ts'): Promise<BenchRow[]> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'referat-bench-http-'));
  let child: ChildProcess | undefined;
  try {
    const port = await findFreePort();
    child = await startServer(entry, dataDirectory, port);
    const baseUrl = `http://127.0.0.1:${port}`;
    const meeting = await pickMeetingId(baseUrl);
    const url = `${baseUrl}/api/meetings/${meeting.id}`;
    const sample = await fetch(url);
    const size = (await sample.arrayBuffer()).byteLength;
    if (!sample.ok) throw new Error(`GET ${url} answered ${sample.status}`);
    process.stderr.write(
      `http: GET /api/meetings/${meeting.id} (${meeting.itemCount} items, ${size} bytes), ` +
        `${connections} connections: ${warmUpSeconds} s warm-up, ${seconds} s measured\n`,
    );
    await load(url, warmUpSeconds);
    const result = await load(url, seconds);
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server stopped during the run (${child.exitCode ?? child.signalCode})`);
    const failures = result.errors + result.non2xx;
    const route = `GET /api/meetings/:id (${connections} conn.)`;
    return [
      {
        name: `HTTP ${route}`,
        value: result.requests.average,
        unit: `requests/s (${result.requests.total} in ${seconds} s, ${size} bytes each)`,
        target: '–',
        isMet: true,
      },
      {
        name: `HTTP ${route} p50`,
        value: result.latency.p50,
        unit: 'ms',
        target: '–',
        isMet: true,
      },
      {
        name: `HTTP ${route} p99`,
        value: result.latency.p99,
        unit: 'ms',
        target: `≤ ${p99TargetMs}`,
        isMet: result.latency.p99 <= p99TargetMs,
      },
      {
        name: `HTTP ${route} errors + non-2xx`,
        value: failures,
        unit: `answers (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)`,
        target: '0',
        isMet: failures === 0,
      },
    ];
  } finally {
    if (child) await stopServer(child);
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

/** Builds app/ with Vite when app/dist is missing; returns why not when it cannot. */
async function ensureAppBuilt(): Promise<string | null> {
  const distFolder = join(repositoryRoot, 'app/dist');
  if (existsSync(distFolder)) return null;
  const configFile = join(repositoryRoot, 'app/vite.config.ts');
  if (!existsSync(configFile)) return 'not measured: no app/vite.config.ts yet';
  process.stderr.write('http: bygger app/ med Vite (app/dist mangler)…\n');
  try {
    const { build } = await import('vite');
    await build({ configFile, logLevel: 'warn' });
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `not measured: the Vite build failed: ${message.split('\n')[0]}`;
  }
}

/** The app's JavaScript as sent compressed: the sum of gzip sizes of app/dist/assets/*.js. */
async function benchAppJavaScript(): Promise<BenchRow> {
  const name = 'App JavaScript, gzip (app/dist/assets/*.js)';
  const target = `≤ ${javaScriptTargetKb}`;
  const problem = await ensureAppBuilt();
  const assets = join(repositoryRoot, 'app/dist/assets');
  const files = existsSync(assets)
    ? readdirSync(assets).filter((file) => file.endsWith('.js'))
    : [];
  if (problem || files.length === 0) {
    const unit = problem ?? 'not measured: no .js files in app/dist/assets';
    return { name, value: Number.NaN, unit, target, isMet: false };
  }
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(join(assets, file))).byteLength;
  const kilobytes = bytes / 1000;
  return {
    name,
    value: kilobytes,
    unit: `kB (${files.length} files, gzip level 6)`,
    target,
    isMet: kilobytes <= javaScriptTargetKb,
  };
}

/** The web application under load on loopback, and the size of its JavaScript. */
export async function benchHttp(): Promise<BenchRow[]> {
  // The server's start rebuilds app/ when its build is older than its sources, so the app is
  // measured afterwards, when app/dist is current (and built here only if still missing).
  let routeRows: BenchRow[];
  try {
    routeRows = await benchMeetingRoute();
  } catch (error) {
    process.stderr.write(`http: ${error instanceof Error ? error.stack : String(error)}\n`);
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const row = {
      name: 'HTTP GET /api/meetings/:id',
      value: Number.NaN,
      unit: `not measured: ${message}`,
      target: `p99 ≤ ${p99TargetMs} ms`,
      isMet: false,
    };
    routeRows = [row];
  }
  return [...routeRows, ...(await benchSearchUnderLoad()), await benchAppJavaScript()];
}
