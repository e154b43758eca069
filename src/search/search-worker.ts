import { type Database, openSqliteFile } from '../store/database.ts';
import type { SearchTask, SearchTaskResult } from './search-pool.ts';
import { SearchQueryError } from './search-provider.ts';
import { searchSqliteIndex } from './sqlite-search-provider.ts';

/** This thread's read connections, by file (one archive in practice). */
const readers = new Map<string, Promise<Database>>();

/**
 * A search worker (search-pool.ts): runs one search on its own read connection. The main
 * thread has brought the index up to date before sending the task.
 */
export default async function search(task: SearchTask): Promise<SearchTaskResult> {
  let reader = readers.get(task.file);
  if (!reader) {
    reader = openSqliteFile(task.file, { isReader: true });
    readers.set(task.file, reader);
  }
  try {
    return { hits: await searchSqliteIndex((await reader).db, task.query) };
  } catch (error) {
    if (error instanceof SearchQueryError) return { queryError: error.message };
    throw error;
  }
}
