import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeScratchFolder, removeScratchFolders } from './support/archive-io.ts';
import { findFreePort } from './support/free-port.ts';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/** A started Referat: its process, what it printed, and how it ended. */
interface StartedProcess {
  child: ChildProcess;
  port: number;
  dataDirectory: string;
  output: () => string;
  errors: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

afterAll(() => removeScratchFolders());

/** Whether a new server could listen on the port now, that is, nothing holds it. */
async function isPortFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * Starts Referat as `npm start` does (or `npm start` itself), on a free port and a fresh
 * data folder, and waits for the line saying it listens.
 */
async function startReferat(command: 'node' | 'npm'): Promise<StartedProcess> {
  const port = await findFreePort();
  const dataDirectory = makeScratchFolder('referat-start-');
  const args = command === 'node' ? ['bin/start.js'] : ['start', '--silent'];
  const child = spawn(command, args, {
    cwd: repositoryRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      REFERAT_DATA_DIR: dataDirectory,
      DATABASE_URL: '',
      REFERAT_LOG: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const started: StartedProcess = {
    child,
    port,
    dataDirectory,
    output: () => output,
    errors: () => errors,
    exited,
  };
  const deadline = Date.now() + 60_000;
  while (!output.includes(`Referat kører på http://127.0.0.1:${port}`)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Referat did not start: ${output} ${errors}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return started;
}

/** The process's end, or a failure when it takes longer than `limitMs`. */
async function exitWithin(
  started: StartedProcess,
  limitMs: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      started.child.kill('SIGKILL');
      reject(new Error(`still running ${limitMs} ms after the signal`));
    }, limitMs);
  });
  try {
    return await Promise.race([started.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('npm start stops cleanly', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s: the server, the outbox worker and the database close, and it exits 0',
    async (signal) => {
      const started = await startReferat('node');
      const base = `http://127.0.0.1:${started.port}`;
      // An idle keep-alive connection, as a browser leaves one, must not hold the stop up.
      const health = await fetch(`${base}/api/health`, { headers: { connection: 'keep-alive' } });
      expect(await health.json()).toEqual({ status: 'ok' });
      // The open SQLite database in WAL mode has its log file; a clean close folds it in and
      // removes it.
      const writeAheadLog = join(started.dataDirectory, 'referat.sqlite-wal');
      expect(existsSync(writeAheadLog)).toBe(true);
      expect(await isPortFree(started.port)).toBe(false);

      started.child.kill(signal);
      const ended = await exitWithin(started, 5_000);

      expect(ended).toEqual({ code: 0, signal: null });
      expect(started.output()).toContain('Referat er stoppet.');
      expect(started.errors()).toBe('');
      expect(await isPortFree(started.port)).toBe(true);
      expect(existsSync(writeAheadLog)).toBe(false);
    },
    90_000,
  );

  it('through npm: SIGTERM to npm stops the server too, and npm exits 0', async () => {
    const started = await startReferat('npm');
    started.child.kill('SIGTERM');
    const ended = await exitWithin(started, 5_000);
    expect(ended).toEqual({ code: 0, signal: null });
    expect(started.output()).toContain('Referat er stoppet.');
    // No server left behind by npm's shell: the port is free again.
    expect(await isPortFree(started.port)).toBe(true);
  }, 90_000);
});
