import type { Kysely } from 'kysely';
import { type MeetingAnnotations, noAnnotations } from '../core/item-annotations.ts';
import type { Meeting } from '../core/meeting.ts';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** A published agenda or minutes, as kept. */
export interface StoredPublication {
  number: number;
  kind: 'agenda' | 'minutes';
  publishedAt: string;
  author: string | null;
  document: Meeting;
  /** Why the version was made (a correction's reason), or null. */
  reason: string | null;
  /** The annotations it was sent with (purposes, guests, corrections). */
  annotations: MeetingAnnotations;
  /** The imported document of an archive meeting, standing as its published version. */
  imported?: boolean;
}

/** A meeting's publications, oldest first. */
export async function listPublications(
  db: Executor,
  meetingId: number,
): Promise<StoredPublication[]> {
  const rows = await db
    .selectFrom('publications')
    .select(['number', 'kind', 'created_at', 'author', 'document', 'reason', 'annotations'])
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    number: row.number,
    kind: row.kind,
    publishedAt: row.created_at,
    author: row.author,
    document: JSON.parse(row.document) as Meeting,
    reason: row.reason,
    annotations: row.annotations
      ? (JSON.parse(row.annotations) as MeetingAnnotations)
      : noAnnotations,
  }));
}

/** Keeps a published version; numbers count per meeting and kind from 1. */
export async function insertPublication(
  db: Executor,
  meetingId: number,
  publication: {
    kind: 'agenda' | 'minutes';
    document: Meeting;
    author: string | null;
    reason?: string | null;
    annotations?: MeetingAnnotations;
    /** The time to record; an imported version keeps its import time. */
    publishedAt?: string;
  },
): Promise<{ number: number; publishedAt: string }> {
  const last = await db
    .selectFrom('publications')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', publication.kind)
    .executeTakeFirst();
  const number = Number(last?.number ?? 0) + 1;
  const publishedAt = publication.publishedAt ?? new Date().toISOString();
  await db
    .insertInto('publications')
    .values({
      meeting_id: meetingId,
      kind: publication.kind,
      number,
      document: JSON.stringify(publication.document),
      author: publication.author,
      created_at: publishedAt,
      reason: publication.reason ?? null,
      annotations: publication.annotations ? JSON.stringify(publication.annotations) : null,
    })
    .execute();
  return { number, publishedAt };
}
