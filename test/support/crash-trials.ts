/**
 * Crash trials (issue 14): a real process is killed with SIGKILL in the middle of its work,
 * then the archive is opened again and checked. Used by a few bounded trials in `npm test`
 * (test/crash-recovery.test.ts) and by the 20-trial runs of `npm run bench crash`.
 *
 * - An import: `referat import` of a JSON Lines archive, killed at a random moment. After it,
 *   the database and the search index pass their checks (`referat check`'s), and every
 *   meeting in the archive is whole: exactly the items its line has.
 * - A burst of edits: the server saves one item after another, eight at a time, and is killed
 *   at a random moment. Every edit answered 2xx is stored.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { localAdministrator } from '../../src/core/actor.ts';
import type { Meeting } from '../../src/core/meeting.ts';
import { type Archive, openArchive } from '../../src/services/archive.ts';
import { addUser } from '../../src/services/auth/user-service.ts';
import { createForum } from '../../src/services/forum-service.ts';
import { checkArchiveIntegrity } from '../../src/services/integrity-service.ts';
import { addItem } from '../../src/services/item-service.ts';
import { createMeeting } from '../../src/services/meeting-flow-service.ts';
import { type DatabaseConfig, openPostgres, openSqliteFile } from '../../src/store/database.ts';
import { readRealMeeting, realMeetingNames } from './meeting-fixtures.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(repositoryRoot, 'bin/referat.js');
const password = 'korrekt-hest-batteri-staple';

/** Where a trial's archive lives: a fresh SQLite folder or a fresh PostgreSQL database. */
export interface TrialArchive {
  engine: 'sqlite' | 'postgres';
  config: DatabaseConfig;
  environment: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}

/** A fresh, empty archive location for one trial. */
export async function freshTrialArchive(postgresUrl?: string): Promise<TrialArchive> {
  const folder = await mkdtemp(join(tmpdir(), 'referat-crash-'));
  const environment: NodeJS.ProcessEnv = { ...process.env, REFERAT_DATA_DIR: folder };
  delete environment.DATABASE_URL;
  delete environment.REFERAT_LOG;
  if (!postgresUrl)
    return {
      engine: 'sqlite',
      config: { dataDirectory: folder },
      environment,
      remove: () => rm(folder, { recursive: true, force: true }),
    };
  const name = `referat_crash_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(postgresUrl);
  await sql`create database ${sql.id(name)}`.execute(admin.db);
  await admin.close();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    config: { databaseUrl: url.toString(), dataDirectory: folder },
    environment: { ...environment, DATABASE_URL: url.toString() },
    async remove() {
      const cleanup = await openPostgres(postgresUrl);
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(cleanup.db);
      await cleanup.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** The JSON Lines archive the import trials read: the real minutes, many times over. */
export async function writeTrialArchive(
  folder: string,
  meetings = 300,
): Promise<{
  path: string;
  itemsByKey: Map<string, number>;
}> {
  const real = realMeetingNames.map(readRealMeeting);
  const lines: string[] = [];
  const itemsByKey = new Map<string, number>();
  const start = Date.UTC(2000, 0, 3);
  for (let index = 0; index < meetings; index++) {
    const base = real[index % real.length] as Meeting;
    const date = new Date(start + index * 7 * 86_400_000).toISOString().slice(0, 10);
    lines.push(JSON.stringify({ ...base, date }));
    itemsByKey.set(`${base.forum} ${date}`, base.items.length);
  }
  const path = join(folder, 'arkiv.jsonl');
  await writeFile(path, `${lines.join('\n')}\n`);
  return { path, itemsByKey };
}

/** What a trial found after the kill. */
export interface TrialOutcome {
  /** Problems found by the checks; none is a passed trial. */
  problems: string[];
  /** What got done before the kill (meetings stored, edits answered 2xx). */
  done: number;
}

/**
 * Kills `referat import` once it has stored `killAtMeetings` meetings (watched through a second
 * connection, as another reader would), so that the kill falls in the middle of the work
 * however fast the machine is, then checks the archive.
 */
export async function importCrashTrial(
  trial: TrialArchive,
  source: { path: string; itemsByKey: Map<string, number> },
  killAtMeetings: number,
): Promise<TrialOutcome> {
  const child = spawn(process.execPath, [cli, 'import', source.path, '--no-bilagstekst'], {
    env: trial.environment,
    stdio: 'ignore',
  });
  await killWhenStored(trial, child, killAtMeetings);
  const archive = await openArchive(trial.config);
  try {
    const problems = await checkArchiveIntegrity(archive);
    const counts = await sql<{ forum: string; date: string; items: number | string }>`
      select f.name as forum, m.date as date, count(a.id) as items
      from meetings m join forums f on f.id = m.forum_id
      left join agenda_items a on a.meeting_id = m.id
      group by f.name, m.date`.execute(archive.database.db);
    for (const row of counts.rows) {
      const expected = source.itemsByKey.get(`${row.forum} ${row.date}`);
      if (expected !== Number(row.items))
        problems.push(
          `mødet ${row.forum} ${row.date} er halvt: ${row.items} af ${expected} punkter`,
        );
    }
    return { problems, done: counts.rows.length };
  } finally {
    await archive.close();
  }
}

/** A meeting with `items` items and a secretary who may edit it, made before the server starts. */
export async function prepareEditTrial(trial: TrialArchive, items = 60) {
  const archive = await openArchive(trial.config);
  try {
    const administrator = localAdministrator('Forberedelse');
    await addUser(archive, administrator, {
      username: 'sekretaer',
      name: 'Sekretær',
      isAdministrator: true,
      forumRoles: [],
      password,
    });
    const forum = await createForum(archive, administrator, {
      name: 'Chefforum',
      abbreviation: 'CF',
      visibility: 'internal',
    });
    const meeting = await createMeeting(archive, administrator, {
      forumId: forum.id,
      date: '2027-10-07',
    });
    const versions = new Map<number, number>();
    for (let index = 0; index < items; index++) {
      const item = await addItem(archive, administrator, meeting.id, { title: `Punkt ${index}` });
      versions.set(item.id, item.version);
    }
    return { meetingId: meeting.id, versions };
  } finally {
    await archive.close();
  }
}

/**
 * Starts the server, saves the items one after another (eight at a time) until it is killed
 * after `killAfterMs`, then checks that every save answered 2xx is stored.
 */
export async function editCrashTrial(
  trial: TrialArchive,
  prepared: { versions: Map<number, number> },
  killAfterMs: number,
  port: number,
): Promise<TrialOutcome> {
  const server = await startServer(trial.environment, port);
  const base = `http://127.0.0.1:${port}`;
  const session = await signIn(base);
  if (!session.ok) throw new Error(`sign-in failed: ${session.status}`);
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const headers = {
    'content-type': 'application/json',
    origin: base,
    cookie,
    'x-csrf-token': String(((await session.json()) as { csrfToken: string }).csrfToken),
  };
  const answered = new Map<number, string>();
  const unanswered = new Map<number, string>();
  let answeredCount = 0;
  const killed = killAfter(server, killAfterMs);
  let isKilled = false;
  void killed.then(() => {
    isKilled = true;
  });
  // Each of the eight lanes saves its own items, so it knows their versions.
  const itemIds = [...prepared.versions.keys()];
  const versions = new Map(prepared.versions);
  const worker = async (lane: number) => {
    const own = itemIds.filter((_, index) => index % 8 === lane);
    for (let turn = 0; !isKilled && own.length > 0; turn++) {
      const itemId = own[turn % own.length] ?? 0;
      const text = `Gemt i runde ${turn} af spor ${lane}`;
      // A save the server committed but never answered may be stored too.
      unanswered.set(itemId, text);
      try {
        const saved = await fetch(`${base}/api/items/${itemId}`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ version: versions.get(itemId), background: text }),
        });
        if (!saved.ok) continue;
        answeredCount++;
        answered.set(itemId, text);
        unanswered.delete(itemId);
        versions.set(itemId, ((await saved.json()) as { version: number }).version);
      } catch {
        // The server is gone: what it answered is what counts.
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, lane) => worker(lane)));
  await killed;
  const archive = await openArchive(trial.config);
  try {
    const problems = await checkArchiveIntegrity(archive);
    problems.push(...(await lostEdits(archive, answered, unanswered)));
    return { problems, done: answeredCount };
  } finally {
    await archive.close();
  }
}

/**
 * The edits answered 2xx that are not stored: an item must hold its last answered text, or the
 * one sent after it that the kill left unanswered.
 */
async function lostEdits(
  archive: Archive,
  answered: Map<number, string>,
  unanswered: Map<number, string>,
): Promise<string[]> {
  const lost: string[] = [];
  for (const [itemId, text] of answered) {
    const row = await archive.database.db
      .selectFrom('agenda_items')
      .select('background')
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (row?.background !== text && row?.background !== unanswered.get(itemId))
      lost.push(`punkt ${itemId}: svaret 200 for "${text}", men gemt er "${row?.background}"`);
  }
  return lost;
}

async function startServer(environment: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(repositoryRoot, 'src/server/start.ts')], {
    env: { ...environment, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // What it printed on stderr says why a server stopped at its start (a port in use, say).
  let errors = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errors = `${errors}${chunk}`.slice(-2000);
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error('the server did not start')), 120_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('Referat kører på')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server stopped (${code}): ${output}${errors}`));
    });
  });
  return child;
}

/** SIGKILL once the archive holds this many meetings (or when the process ends by itself). */
async function killWhenStored(
  trial: TrialArchive,
  child: ChildProcess,
  meetings: number,
): Promise<void> {
  let hasEnded = false;
  const ended = new Promise<void>((resolve) =>
    child.once('exit', () => {
      hasEnded = true;
      resolve();
    }),
  );
  while (!hasEnded) {
    if ((await countStoredMeetings(trial)) >= meetings) child.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await ended;
}

/** Meetings stored so far, read through a connection of its own; 0 before the schema exists. */
async function countStoredMeetings(trial: TrialArchive): Promise<number> {
  const database =
    trial.engine === 'postgres'
      ? await openPostgres(trial.config.databaseUrl ?? '')
      : await openSqliteFile(join(trial.config.dataDirectory ?? '', 'referat.sqlite'), {
          isReader: true,
        }).catch(() => null);
  if (!database) return 0;
  try {
    const row = await sql<{
      count: number | string;
    }>`select count(*) as count from meetings`.execute(database.db);
    return Number(row.rows[0]?.count ?? 0);
  } catch {
    return 0;
  } finally {
    await database.close();
  }
}

/** SIGKILL after the delay (or as soon as the process has ended by itself). */
function killAfter(child: ChildProcess, delayMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Signs the secretary in. A server just started on a busy machine may answer 503 (overload,
 * with Retry-After) at first, as a client would be told to wait: it is asked again.
 */
async function signIn(base: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const session = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ username: 'sekretaer', password }),
    });
    if (session.status !== 503 || attempt >= 20) return session;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
