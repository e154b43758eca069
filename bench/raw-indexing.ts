import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import pg from 'pg';
import type { Meeting } from '../src/core/meeting.ts';
import { meetingIndexTexts, stemBatch } from '../src/search/indexable-items.ts';
import { tsvectorsInBackground } from '../src/search/stem-pool.ts';
import { createStoreQueue } from '../src/services/store-queue.ts';
import { openSqliteFile } from '../src/store/database.ts';

/**
 * Each engine's floor for the import: the same archive indexed with nothing but the index, so
 * that the bench can show how close the import comes to what the database itself allows here.
 */

/** Indexing speed: items and items per second. */
export interface IndexingSpeed {
  items: number;
  perSecond: number;
}

async function* readMeetings(path: string): AsyncGenerator<Meeting> {
  const reader = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of reader) if (line.trim() !== '') yield JSON.parse(line) as Meeting;
}

/**
 * Raw FTS5 indexing of the same archive, for comparison with the import: each meeting's items
 * stemmed (the import's own stemming, on this thread) and inserted into a bare FTS5 table like
 * the archive's, one transaction per meeting, in a SQLite file with the archive's settings.
 * Nothing else: no JSON validation, no store tables, no vocabulary, no audit or outbox. With
 * `isStemmed: false` the text goes in as written and FTS5's own tokenizer is all the work:
 * the floor without Danish stems.
 */
export async function rawFtsIndexing(
  path: string,
  options: { isStemmed: boolean } = { isStemmed: true },
): Promise<IndexingSpeed> {
  const folder = mkdtempSync(join(tmpdir(), 'referat-bench-raw-'));
  const database = await openSqliteFile(join(folder, 'raw.sqlite'));
  try {
    await sql`create virtual table item_search using fts5(title, body, decision,
      content = '', contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 0")`.execute(database.db);
    let items = 0;
    const started = performance.now();
    for await (const meeting of readMeetings(path)) {
      const texts = meetingIndexTexts(meeting);
      const rows = options.isStemmed
        ? stemBatch(texts.map((text) => ({ ...text, facts: noFacts }))).items
        : texts.map((text) => ({
            title: text.title,
            body: text.bodyParts.filter((part) => part !== null).join('\n'),
            decision: text.decision ?? '',
          }));
      await database.db.transaction().execute(async (transaction) => {
        for (let start = 0; start < rows.length; start += 100)
          await sql`insert into item_search (rowid, title, body, decision) values ${sql.join(
            rows
              .slice(start, start + 100)
              .map(
                (row, index) =>
                  sql`(${items + start + index + 1}, ${row.title}, ${row.body}, ${row.decision})`,
              ),
          )}`.execute(transaction);
      });
      items += rows.length;
    }
    return { items, perSecond: items / ((performance.now() - started) / 1000) };
  } finally {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Filter facts are not part of the raw index; stemBatch carries them through unread. */
const noFacts = { item_id: 0, meeting_id: 0, case_id: null, closed: 0, proposer_folded: null };

/**
 * Raw tsvector indexing on PostgreSQL, for comparison with the import: each meeting's item
 * texts and tsvectors (stemmed in the import's stem worker) inserted into two bare tables, one
 * with the archive's GIN index, in one transaction per meeting with as many in flight as the
 * import runs, in a throw-away database on the same server. Nothing else: no JSON validation,
 * no store tables, no vocabulary, no audit or outbox.
 */
export async function rawPostgresIndexing(
  adminUrl: string,
  path: string,
  inFlight: number,
): Promise<IndexingSpeed> {
  const name = 'referat_bench_raw';
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: inFlight });
  // Dropping the database at the end may end a connection the pool is still closing.
  pool.on('error', () => {});
  try {
    await pool.query(`create table items (id bigint primary key, title text, background text,
        presentation text, decision text);
      create table item_search (item_id bigint primary key, document tsvector);
      create index on item_search using gin (document) with (gin_pending_list_limit = 1024)`);
    const queue = createStoreQueue(inFlight);
    let failure: unknown = null;
    let items = 0;
    let nextId = 0;
    const started = performance.now();
    for await (const meeting of readMeetings(path)) {
      const ids = meeting.items.map(() => ++nextId);
      const entries = tsvectorsInBackground(meetingIndexTexts(meeting));
      await queue.add(String(ids[0]), async () => {
        const documents = (await entries).map((entry) => entry.tsvector);
        const client = await pool.connect();
        try {
          await client.query('begin');
          await client.query(
            `insert into items select * from
              unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])`,
            [
              ids,
              meeting.items.map((item) => item.title),
              meeting.items.map((item) => item.background),
              meeting.items.map((item) => item.presentation),
              meeting.items.map((item) => item.decision),
            ],
          );
          await client.query(
            'insert into item_search select * from unnest($1::bigint[], $2::tsvector[])',
            [ids, documents],
          );
          await client.query('commit');
          items += ids.length;
        } catch (error) {
          failure ??= error;
        } finally {
          client.release();
        }
      });
    }
    await queue.drain();
    if (failure) throw failure;
    return { items, perSecond: items / ((performance.now() - started) / 1000) };
  } finally {
    await pool.end();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
