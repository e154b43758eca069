import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { searchThreadsFromEnvironment } from '../search/search-pool.ts';
import { type Archive, openArchive } from '../services/archive.ts';
import {
  type AttachmentTextWorker,
  startAttachmentTextWorker,
} from '../services/attachment-text/attachment-text-reader.ts';
import { createInitialAdministrator } from '../services/auth/initial-admin.ts';
import { loadDemoDataIfEmpty } from '../services/demo-data.ts';
import {
  type FollowupReminderWorker,
  reminderDaysFromEnvironment,
  startFollowupReminders,
} from '../services/followups/followup-reminder-worker.ts';
import { mailSettingsFromEnvironment } from '../services/mail/mail-settings.ts';
import { type OutboxWorker, startOutboxWorker } from '../services/outbox/outbox-worker.ts';
import { databaseConfigFromEnvironment } from '../store/database.ts';
import { buildApp } from './app.ts';
import { buildWebApp, isAppBuildStale } from './app-assets.ts';
import { overloadLimitsFromEnvironment } from './overload.ts';
import { securityOptionsFromEnvironment } from './security/register-security.ts';

/** How long stopping may take (requests under way finishing) before the process gives up. */
const stopTimeLimitMs = 10_000;

/** What start-up has opened so far, closed in reverse on a stop. */
interface Running {
  archive?: Archive;
  app?: FastifyInstance;
  outbox?: OutboxWorker;
  reminders?: FollowupReminderWorker;
  attachmentTexts?: AttachmentTextWorker;
}

const running: Running = {};
let isStopRequested = false;

/**
 * `npm start`: the web application on the embedded SQLite in REFERAT_DATA_DIR (./data) or on
 * DATABASE_URL, at http://localhost:3000 unless PORT and HOST say otherwise. An empty archive
 * gets the demo data first, and a database without users its first administrator, whose
 * password is printed once (and kept, readable by the owner only, in the data folder). Logs
 * the address in one line. Ctrl-C (SIGINT) or SIGTERM stops it cleanly (see stop).
 */
async function start(): Promise<void> {
  if (isAppBuildStale()) {
    process.stdout.write('Bygger webappen…\n');
    await buildWebApp();
  }
  // A stop asked for during a step lets that step finish (a half-loaded demo archive would
  // stay half-loaded), then skips the rest.
  if (isStopRequested) return;
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? 'localhost';
  // Settings that cannot work stop the start before anything is opened.
  const security = securityOptionsFromEnvironment(process.env, { host, port });
  const reminderDays = reminderDaysFromEnvironment();
  const overload = overloadLimitsFromEnvironment();
  const config = databaseConfigFromEnvironment();
  const dataDirectory = resolve(config.dataDirectory ?? './data');
  // Searches run in worker threads beside the server (REFERAT_SEARCH_THREADS).
  const archive = await openArchive(config, { searchThreads: searchThreadsFromEnvironment() });
  running.archive = archive;
  if (isStopRequested) return;
  const hasLoadedDemo = await loadDemoDataIfEmpty(archive);
  if (isStopRequested) return;
  const administrator = await createInitialAdministrator(archive, dataDirectory);
  if (isStopRequested) return;
  const app = await buildApp({
    archive,
    isLogging: process.env.REFERAT_LOG === 'true',
    security,
    overload,
  });
  running.app = app;
  if (isStopRequested) return;
  await app.listen({ port, host });
  if (isStopRequested) return;
  running.outbox = startOutboxWorker(archive);
  // The text inside uploaded and imported Bilag, read for search in the background.
  running.attachmentTexts = startAttachmentTextWorker(archive);
  // Follow-up reminders by e-mail, checked every hour (REFERAT_FOLLOWUP_REMINDER_DAYS).
  running.reminders = startFollowupReminders(archive, {
    daysBefore: reminderDays,
    mail: mailSettingsFromEnvironment(process.env, config.dataDirectory),
  });
  const where = config.databaseUrl ? 'PostgreSQL' : dataDirectory;
  process.stdout.write(
    `Referat kører på http://${host}:${port} (data: ${where}${hasLoadedDemo ? ', demodata indlæst' : ''})\n`,
  );
  if (administrator)
    process.stdout.write(
      `Første log ind: brugernavn ${administrator.username}, adgangskode ${administrator.password} (gemt i ${administrator.file}; skal skiftes ved første log ind)\n`,
    );
}

/**
 * Stops in order: the server first (no new requests; those under way finish, idle
 * connections close), then the outbox worker (after the delivery pass under way), then the
 * database; exits 0, or 1 when something could not be closed or it all took too long.
 */
async function stop(): Promise<void> {
  const watchdog = setTimeout(() => {
    process.stderr.write(
      `referat: kunne ikke stoppe inden for ${stopTimeLimitMs / 1000} s; afslutter.\n`,
    );
    process.exit(1);
  }, stopTimeLimitMs);
  watchdog.unref();
  let exitCode = 0;
  const { app, outbox, reminders, attachmentTexts, archive } = running;
  const steps: Array<[string, (() => Promise<unknown>) | undefined]> = [
    ['serveren', app && (() => app.close())],
    ['udsendelseskøen', outbox && (() => outbox.stop())],
    ['påmindelserne', reminders && (() => reminders.stop())],
    ['læsningen af bilag', attachmentTexts && (() => attachmentTexts.stop())],
    ['databasen', archive && (() => archive.close())],
  ];
  for (const [name, close] of steps) {
    if (!close) continue;
    try {
      await close();
    } catch (error) {
      exitCode = 1;
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`referat: kunne ikke lukke ${name}: ${message.split('\n')[0]}\n`);
    }
  }
  process.stdout.write('Referat er stoppet.\n');
  process.exit(exitCode);
}

const startUp = start();

/**
 * The first SIGINT or SIGTERM stops, once start-up has got as far as it will. Later ones are
 * ignored rather than left to kill the process half-way: under `npm start`, Ctrl-C reaches
 * Node twice, from the terminal and forwarded by npm.
 */
function onStopSignal(): void {
  if (isStopRequested) return;
  isStopRequested = true;
  void startUp.then(stop, stop);
}
process.on('SIGINT', onStopSignal);
process.on('SIGTERM', onStopSignal);

startUp.catch((error: unknown) => {
  if (isStopRequested) return;
  const message = error instanceof Error ? error.message : String(error);
  const hint = /EADDRINUSE/u.test(message) ? ' (porten er optaget; vælg en anden med PORT=…)' : '';
  process.stderr.write(`referat: kunne ikke starte: ${message.split('\n')[0]}${hint}\n`);
  process.exit(1);
});
