import { isDatabaseReachable, listPendingMigrations } from '../store/migrator.ts';
import { archiveMigrations } from './archive-migrations.ts';
import type { Archive } from './archive-types.ts';

/** Whether this instance can serve: its database answers and its schema is up to date. */
export interface Readiness {
  isReady: boolean;
  database: 'ok' | 'unreachable';
  /** Migrations the database lacks (another instance may be upgrading it). */
  pendingMigrations: string[];
}

/**
 * Readiness for a load balancer or an orchestrator (`GET /api/ready`): an instance whose
 * database is down, or whose code expects migrations the database does not have yet, gets no
 * traffic. Liveness (`/api/health`) asks nothing of the database.
 */
export async function checkReadiness(archive: Archive): Promise<Readiness> {
  if (!(await isDatabaseReachable(archive.database)))
    return { isReady: false, database: 'unreachable', pendingMigrations: [] };
  const pendingMigrations = await listPendingMigrations(
    archive.database,
    archiveMigrations(archive.database, archive.search),
  ).catch(() => ['ukendt']);
  return { isReady: pendingMigrations.length === 0, database: 'ok', pendingMigrations };
}
