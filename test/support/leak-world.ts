import type { FastifyInstance } from 'fastify';
import { anonymousActor, type ForumRole, type UserActor } from '../../src/core/actor.ts';
import { buildApp } from '../../src/server/app.ts';
import { type Archive, openArchiveOn } from '../../src/services/archive.ts';
import { readWaitingAttachmentTexts } from '../../src/services/attachment-text/attachment-text-reader.ts';
import { testAdministrator } from './actors.ts';
import type { DatabaseFactory } from './databases.ts';
import { LeakCrawler, LeakReport, type Reader } from './leak-crawler.ts';
import { buildLedger, type Ledger } from './leak-ledger.ts';
import { findTokens } from './leak-oracle.ts';
import { drawArchivePlan, type PlanSize } from './leak-plan.ts';
import { seedLeakArchive } from './leak-seeding.ts';
import { LedgerIndex } from './leak-surfaces.ts';
import { signInAs } from './signed-in.ts';

/**
 * Everything the leak test works on: a drawn archive stored through the services, the app
 * over it, and its readers signed in through the real sign-in route.
 */
export interface LeakWorld {
  seed: number;
  archive: Archive;
  app: FastifyInstance;
  ledger: Ledger;
  index: LedgerIndex;
  crawler: LeakCrawler;
  anonymous: Reader;
  /** Member and secretary of forum 0 (public) and of forum 1 (internal); forum 2 has none. */
  roleReaders: Reader[];
  administrator: Reader;
  importedItems: number;
  seedingSeconds: number;
}

/** The signed-in test readers: the same roles on every backend. */
const roleReaderPlans: Array<{ username: string; forum: number; role: ForumRole }> = [
  { username: 'medlem0', forum: 0, role: 'member' },
  { username: 'sekretaer0', forum: 0, role: 'secretary' },
  { username: 'medlem1', forum: 1, role: 'member' },
  { username: 'sekretaer1', forum: 1, role: 'secretary' },
];

/** How many signed-in readers crawl meetings (the plan samples meetings for each). */
export const roleReaderCount = roleReaderPlans.length;

/** Draws, stores and serves an archive of this size. */
export async function createLeakWorld(
  openDatabase: DatabaseFactory,
  size: PlanSize,
  seed: number,
): Promise<LeakWorld> {
  const started = performance.now();
  const ledger = buildLedger(drawArchivePlan(size, seed));
  const archive = await openArchiveOn(await openDatabase());
  const { importedItems } = await seedLeakArchive(archive, ledger);
  // The uploaded Bilag's words become searchable: search must keep a closed item's Bilag hidden.
  await readWaitingAttachmentTexts(archive);
  const app = await buildApp({ archive });
  const roleReaders: Reader[] = [];
  for (const plan of roleReaderPlans) {
    const forum = ledger.forums[plan.forum];
    if (!forum) throw new Error('the plan has too few forums');
    const name = `${plan.role === 'member' ? 'Medlem' : 'Sekretær'} af forum ${plan.forum}`;
    const headers = await signInAs(app, archive, {
      username: plan.username,
      name,
      forumRoles: [{ forumId: forum.id, role: plan.role }],
    });
    const actor: UserActor = {
      kind: 'user',
      userId: null,
      name,
      isAdministrator: false,
      forumRoles: { [forum.id]: plan.role },
      address: null,
    };
    roleReaders.push({
      profile: {
        label: `${plan.role} of forum ${plan.forum} (${forum.visibility})`,
        isAdministrator: false,
        roles: new Map([[plan.forum, plan.role]]),
      },
      headers,
      actor,
    });
  }
  const administratorHeaders = await signInAs(app, archive, {
    username: 'administrator',
    isAdministrator: true,
  });
  return {
    seed,
    archive,
    app,
    ledger,
    index: new LedgerIndex(ledger),
    crawler: new LeakCrawler(app, ledger, new LeakReport()),
    anonymous: {
      profile: { label: 'anonymous', isAdministrator: false, roles: new Map() },
      headers: {},
      actor: anonymousActor,
    },
    roleReaders,
    administrator: {
      profile: { label: 'administrator', isAdministrator: true, roles: new Map() },
      headers: administratorHeaders,
      actor: testAdministrator,
    },
    importedItems,
    seedingSeconds: (performance.now() - started) / 1000,
  };
}

/**
 * Every token and journal number written in the archive's own tables, read straight from
 * the database (the positive control: the markers are really there to leak).
 */
export async function readRawDatabaseTokens(archive: Archive): Promise<Set<string>> {
  const db = archive.database.db;
  const texts: Array<string | null> = [];
  const add = (rows: ReadonlyArray<Record<string, unknown>>) => {
    for (const row of rows)
      for (const value of Object.values(row)) texts.push(typeof value === 'string' ? value : null);
  };
  add(await db.selectFrom('forums').select('name').execute());
  add(await db.selectFrom('meetings').select('location').execute());
  add(await db.selectFrom('cases').select('case_number').execute());
  add(
    await db
      .selectFrom('agenda_items')
      .select(['title', 'background', 'presentation', 'proposer', 'decision'])
      .execute(),
  );
  add(await db.selectFrom('recommendation_points').select('text').execute());
  add(
    await db.selectFrom('attachments').select(['title', 'file_name', 'file_reference']).execute(),
  );
  add(await db.selectFrom('people').select('name').execute());
  add(await db.selectFrom('revisions').select(['reason', 'data']).execute());
  add(await db.selectFrom('publications').select('document').execute());
  const found = new Set<string>();
  for (const text of texts) if (text) for (const token of findTokens(text)) found.add(token);
  return found;
}

/** Markers: words written only in closed items (journal numbers not counted). */
export function closedMarkers(world: LeakWorld): number {
  return [...world.ledger.usages.values()].filter((usages) =>
    usages.every((usage) => usage.kind === 'closed' && usage.place !== 'caseNumber'),
  ).length;
}

/** The one line the leak test prints per backend: what was stored, checked and found. */
export function summaryLine(
  backend: string,
  world: LeakWorld,
  totals: LeakReport,
  timings: readonly string[],
): string {
  const meetings = world.ledger.meetings;
  const flow = meetings.filter((meeting) => meeting.plan.lifecycle !== null);
  const closedItems = meetings.flatMap((meeting) => meeting.items).filter((item) => item.isClosed);
  const findings = totals.leakCount === 0 ? '0 leaks' : `${totals.leakCount} LEAKS`;
  return (
    `leak check (${backend}, seed ${world.seed}): ${meetings.length} meetings ` +
    `(${meetings.length - flow.length} imported with ${world.importedItems} items, ${flow.length} through the meeting flow ` +
    `with ${flow.reduce((sum, meeting) => sum + meeting.publications.length, 0)} publications and ` +
    `${flow.reduce((sum, meeting) => sum + meeting.uploads.length, 0)} uploaded Bilag), ` +
    `${closedMarkers(world)} markers in ${closedItems.length} closed items ` +
    `(${world.ledger.usages.size} words and journal numbers in all), ` +
    `${totals.requests} requests on ${totals.surfaces.size} surfaces (${totals.documents} documents read), ` +
    `${findings}; ${totals.confirmed} markers and words found where the reader may see them, ` +
    `${totals.problemCount} failed controls [${timings.join(', ')}]`
  );
}
