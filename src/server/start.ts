import { resolve } from 'node:path';
import { openArchive } from '../services/archive.ts';
import { createInitialAdministrator } from '../services/auth/initial-admin.ts';
import { loadDemoDataIfEmpty } from '../services/demo-data.ts';
import { startOutboxWorker } from '../services/outbox/outbox-worker.ts';
import { databaseConfigFromEnvironment } from '../store/database.ts';
import { buildApp } from './app.ts';
import { buildWebApp, isAppBuildStale } from './app-assets.ts';
import { securityOptionsFromEnvironment } from './security/register-security.ts';

/**
 * `npm start`: the web application on the embedded SQLite in REFERAT_DATA_DIR (./data) or on
 * DATABASE_URL, at http://localhost:3000 unless PORT and HOST say otherwise. An empty archive
 * gets the demo data first, and a database without users its first administrator, whose
 * password is printed once (and kept, readable by the owner only, in the data folder). Logs
 * the address in one line.
 */
async function start(): Promise<void> {
  if (isAppBuildStale()) {
    process.stdout.write('Bygger webappen…\n');
    await buildWebApp();
  }
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? 'localhost';
  // Settings that cannot work stop the start before anything is opened.
  const security = securityOptionsFromEnvironment(process.env, { host, port });
  const config = databaseConfigFromEnvironment();
  const dataDirectory = resolve(config.dataDirectory ?? './data');
  const archive = await openArchive(config);
  const hasLoadedDemo = await loadDemoDataIfEmpty(archive);
  const administrator = await createInitialAdministrator(archive, dataDirectory);
  const app = await buildApp({ archive, isLogging: process.env.REFERAT_LOG === 'true', security });
  await app.listen({ port, host });
  const outbox = startOutboxWorker(archive);
  const where = config.databaseUrl ? 'PostgreSQL' : dataDirectory;
  process.stdout.write(
    `Referat kører på http://${host}:${port} (data: ${where}${hasLoadedDemo ? ', demodata indlæst' : ''})\n`,
  );
  if (administrator)
    process.stdout.write(
      `Første log ind: brugernavn ${administrator.username}, adgangskode ${administrator.password} (gemt i ${administrator.file}; skal skiftes ved første log ind)\n`,
    );
  const stop = async (): Promise<void> => {
    await app.close();
    await outbox.stop();
    await archive.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

start().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const hint = /EADDRINUSE/u.test(message) ? ' (porten er optaget; vælg en anden med PORT=…)' : '';
  process.stderr.write(`referat: kunne ikke starte: ${message.split('\n')[0]}${hint}\n`);
  process.exit(1);
});
