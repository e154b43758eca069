import { localAdministrator } from '../../src/core/actor.ts';
import { buildApp } from '../../src/server/app.ts';
import { type Archive, openArchive } from '../../src/services/archive.ts';
import { loadDemoDataIfEmpty } from '../../src/services/demo-data.ts';
import { getForums, saveForum } from '../../src/services/forum-service.ts';
import { makeScratchFolder } from './archive-io.ts';

/** A running Referat on a fresh SQLite folder with the demo data, as `npm start` gives it. */
export interface RunningApp {
  baseUrl: string;
  archive: Archive;
  close(): Promise<void>;
}

/** Starts the whole application (API, built React app, archive pages) on a free port. */
export async function startAppServer(
  today = new Date('2026-11-23T10:00:00Z'),
): Promise<RunningApp> {
  const archive = await openArchive({ dataDirectory: makeScratchFolder('referat-app-') });
  await loadDemoDataIfEmpty(archive, today);
  const app = await buildApp({ archive });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl,
    archive,
    close: async () => {
      await app.close();
      await archive.close();
    },
  };
}

/**
 * Takes the standing items off the demo Chefforum, for tests whose steps count items from a
 * new agenda of only item 1 and "Evt." (the forum's purposes stay).
 */
export async function withoutStandingItems(archive: Archive): Promise<void> {
  const seeder = localAdministrator('Testopsætning');
  const forum = (await getForums(archive, seeder)).find((entry) => entry.name === 'Chefforum');
  if (!forum) throw new Error('the demo has no Chefforum');
  await saveForum(archive, seeder, forum.id, { ...forum, standingItems: [] });
}
