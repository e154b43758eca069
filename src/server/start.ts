import { resolve } from 'node:path';
import { openArchive } from '../services/archive.ts';
import { loadDemoDataIfEmpty } from '../services/demo-data.ts';
import { databaseConfigFromEnvironment } from '../store/database.ts';
import { buildApp } from './app.ts';
import { buildWebApp, isAppBuildStale } from './app-assets.ts';

/**
 * `npm start`: the web application on the embedded SQLite in REFERAT_DATA_DIR (./data) or on
 * DATABASE_URL, at http://localhost:3000 unless PORT and HOST say otherwise. An empty archive
 * gets the demo data first. Logs the address in one line.
 */
async function start(): Promise<void> {
  if (isAppBuildStale()) {
    process.stdout.write('Bygger webappen…\n');
    await buildWebApp();
  }
  const config = databaseConfigFromEnvironment();
  const archive = await openArchive(config);
  const hasLoadedDemo = await loadDemoDataIfEmpty(archive);
  const app = await buildApp({ archive, isLogging: process.env.REFERAT_LOG === 'true' });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? 'localhost';
  await app.listen({ port, host });
  const where = config.databaseUrl ? 'PostgreSQL' : resolve(config.dataDirectory ?? './data');
  process.stdout.write(
    `Referat kører på http://${host}:${port} (data: ${where}${hasLoadedDemo ? ', demodata indlæst' : ''})\n`,
  );
  const stop = async (): Promise<void> => {
    await app.close();
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
