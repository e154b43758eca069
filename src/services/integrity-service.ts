import { checkSearchIntegrity } from '../search/search-integrity.ts';
import { checkStoreIntegrity } from '../store/store-integrity.ts';
import type { Archive } from './archive-types.ts';

/**
 * Checks the archive after a crash or a restore (`referat check`): the store's structure and
 * relations, then the search index, brought up to date first as any search would. An empty
 * list means the archive is whole.
 */
export async function checkArchiveIntegrity(archive: Archive): Promise<string[]> {
  const { database } = archive;
  const problems = await checkStoreIntegrity(database);
  await archive.search.flush(database.db);
  problems.push(...(await checkSearchIntegrity(database.db, database.engine)));
  return problems;
}
