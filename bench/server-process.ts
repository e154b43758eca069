import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * The server in a child process and autocannon against it: what the HTTP benches share.
 */

export const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));
export const connections = 100;

/** The part of autocannon's programmatic API used here (it ships no types). */
export interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  /** Requests in turn; `setupRequest` may change each one's path before it is sent. */
  requests?: Array<{
    method?: string;
    setupRequest?: (request: { path: string }) => { path: string };
  }>;
}
export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'reqError', listener: (error: Error & { code?: string }) => void): this;
}
export const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => AutocannonInstance;

/** Runs autocannon and tells on stderr what kinds of request errors it met, if any. */
export async function load(
  url: string,
  duration: number,
  options: Partial<AutocannonOptions> = {},
): Promise<AutocannonResult> {
  const kinds = new Map<string, number>();
  const result = await autocannon({ url, connections, duration, ...options }).on(
    'reqError',
    (error) => {
      const kind = error.code ?? error.message;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    },
  );
  if (kinds.size > 0)
    process.stderr.write(
      `http: request errors: ${[...kinds].map(([kind, count]) => `${kind} × ${count}`).join(', ')}\n`,
    );
  return result;
}

/**
 * Starts the server (`node src/server/start.ts`) on a fresh data folder and waits for its ready
 * line; the first start loads the demo data, and builds app/ when its build is stale.
 */
export async function startServer(
  entry: string,
  dataDirectory: string,
  port: number,
  extraEnvironment: NodeJS.ProcessEnv = {},
): Promise<ChildProcess> {
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    ...extraEnvironment,
    REFERAT_DATA_DIR: dataDirectory,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  delete environment.DATABASE_URL;
  delete environment.REFERAT_LOG;
  const child = spawn(process.execPath, [entry], {
    cwd: repositoryRoot,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errors = (errors + chunk).slice(-4000);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server did not start within 180 s:\n${output}${errors}`)),
      180_000,
    );
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (output.includes('Referat kører på')) return;
      output += chunk;
      if (!output.includes('Referat kører på')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      const why = `${output}${errors}`.trim().split('\n');
      const reason = why.findLast((line) => line.startsWith('referat:')) ?? why.at(-1) ?? '';
      reject(new Error(`the server stopped with code ${code}: ${reason}\n${why.join('\n')}`));
    });
  });
  process.stderr.write(`http: ${output.trim()}\n`);
  return child;
}

/** Stops the server: SIGTERM (it closes the app and the archive), SIGKILL after 5 s. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** The id of the meeting with the most items, from GET /api/meetings. */
export async function pickMeetingId(baseUrl: string): Promise<{ id: number; itemCount: number }> {
  const response = await fetch(`${baseUrl}/api/meetings`);
  if (!response.ok) throw new Error(`GET /api/meetings answered ${response.status}`);
  const meetings = (await response.json()) as Array<{ id: number; itemCount: number }>;
  const [largest] = [...meetings].sort((left, right) => right.itemCount - left.itemCount);
  if (!largest) throw new Error('GET /api/meetings gave no meetings (no demo data?)');
  return largest;
}
