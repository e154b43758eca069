import type { Actor } from '../../core/actor.ts';
import { isValidCalendarDate } from '../../core/danish-date.ts';
import { listAuditEntries, type StoredAuditEntry } from '../../store/audit-store.ts';
import type { Archive } from '../archive-types.ts';
import { requirePolicy } from '../read-access.ts';

/** How much of the audit log one answer holds at most. */
export const maximumAuditLimit = 1000;

/** Which part of the audit log to read: from a time on (ISO), newest first. */
export interface AuditQuery {
  since?: string;
  limit?: number;
  offset?: number;
}

/** The audit log for an administrator, newest first (others are refused and audited). */
export async function readAuditLog(
  archive: Archive,
  actor: Actor,
  query: AuditQuery = {},
): Promise<StoredAuditEntry[]> {
  await requirePolicy(archive, actor, 'audit.read', null, { type: 'audit', id: null });
  return listAuditEntries(archive.database.db, {
    since: query.since,
    limit: Math.min(query.limit ?? 200, maximumAuditLimit),
    offset: query.offset ?? 0,
  });
}

/**
 * An audit line as the API and `referat audit --json` give it: the stored line without the
 * actor's user id.
 */
export type AuditEntryView = Omit<StoredAuditEntry, 'actorUserId'>;

/** Builds the view of one audit line; the route and the CLI both present lines with it. */
export function toAuditEntryView(entry: StoredAuditEntry): AuditEntryView {
  return {
    id: entry.id,
    createdAt: entry.createdAt,
    actorName: entry.actorName,
    address: entry.address,
    action: entry.action,
    outcome: entry.outcome,
    targetType: entry.targetType,
    targetId: entry.targetId,
    detail: entry.detail,
  };
}

/**
 * A `since` as the audit log compares it (ISO UTC): a date means midnight in Copenhagen that
 * day; a full ISO time is taken as written. Null for anything else.
 */
export function readSinceTime(text: string): string | null {
  const value = text.trim();
  const date = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (!isValidCalendarDate(year, month, day)) return null;
    const midnightUtc = Date.UTC(year, month - 1, day);
    return new Date(midnightUtc - copenhagenOffsetMs(midnightUtc)).toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** How far Copenhagen's clock is ahead of UTC at a moment (1 or 2 hours). */
function copenhagenOffsetMs(moment: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(moment));
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
  );
  return wallClock - moment;
}
