import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** One line of the audit log, as written. */
export interface AuditEntry {
  actorUserId: number | null;
  actorName: string;
  address: string | null;
  /** What was tried: "sign_in", "item.saved", "meeting.read" … */
  action: string;
  outcome: 'ok' | 'refused' | 'failed';
  targetType?: string | null;
  targetId?: string | number | null;
  detail?: string | null;
}

/** An audit log line as read back. */
export interface StoredAuditEntry extends Required<AuditEntry> {
  id: number;
  createdAt: string;
  targetId: string | null;
}

/** Appends one line to the audit log (there is no update or delete). */
export async function appendAuditEntry(db: Executor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      created_at: new Date().toISOString(),
      actor_user_id: entry.actorUserId,
      actor_name: entry.actorName.slice(0, 200),
      address: entry.address,
      action: entry.action,
      outcome: entry.outcome,
      target_type: entry.targetType ?? null,
      target_id:
        entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
      detail: entry.detail?.slice(0, 2000) ?? null,
    })
    .execute();
}

/** The audit log from a time on (ISO), newest first, at most `limit` lines. */
export async function listAuditEntries(
  db: Executor,
  options: { since?: string; limit?: number; offset?: number } = {},
): Promise<StoredAuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc');
  if (options.since) query = query.where('created_at', '>=', options.since);
  const rows = await query
    .limit(options.limit ?? 200)
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.created_at,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    address: row.address,
    action: row.action,
    outcome: row.outcome as AuditEntry['outcome'],
    targetType: row.target_type,
    targetId: row.target_id,
    detail: row.detail,
  }));
}
