import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** A personal calendar address as stored: the token's SHA-256 (hex), never the token. */
export interface StoredFeedToken {
  id: number;
  userId: number;
  tokenSha256: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Stores a new address for a user; returns its id. */
export async function insertFeedToken(
  db: Executor,
  token: { userId: number; tokenSha256: string; createdAt: string },
): Promise<number> {
  const row = await db
    .insertInto('feed_tokens')
    .values({
      user_id: token.userId,
      token_sha256: token.tokenSha256,
      created_at: token.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The address a token's hash belongs to, unless it has been revoked; or null. */
export async function findActiveFeedToken(
  db: Executor,
  tokenSha256: string,
): Promise<StoredFeedToken | null> {
  const row = await db
    .selectFrom('feed_tokens')
    .selectAll()
    .where('token_sha256', '=', tokenSha256)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row ? toStoredFeedToken(row) : null;
}

/** A user's address in use (the newest, should there ever be two), or null. */
export async function findActiveFeedTokenOfUser(
  db: Executor,
  userId: number,
): Promise<StoredFeedToken | null> {
  const row = await db
    .selectFrom('feed_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toStoredFeedToken(row) : null;
}

/** Notes when a calendar last fetched an address. */
export async function markFeedTokenUsed(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('feed_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** Revokes every address of a user still in use; returns how many there were. */
export async function revokeFeedTokensOfUser(
  db: Executor,
  userId: number,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('feed_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function toStoredFeedToken(row: Selectable<DatabaseSchema['feed_tokens']>): StoredFeedToken {
  return {
    id: row.id,
    userId: row.user_id,
    tokenSha256: row.token_sha256,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
