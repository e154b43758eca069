import type { LeakCrawler, Reader } from './leak-crawler.ts';
import type { Ledger, LedgerItem, LedgerMeeting, TokenPlace, TokenUsage } from './leak-ledger.ts';
import { oparlRoutes } from './leak-oparl.ts';
import {
  canSeeForum,
  canSeeItem,
  canSeeMeeting,
  canSeeUsage,
  describeUsages,
  standingOf,
} from './leak-oracle.ts';

/**
 * The surfaces a reader can reach, one function each: every route of one meeting, its
 * documents, Bilag, search, case timelines. Each asks the crawler, which looks for leaks; these
 * add what a surface must show (the positive controls) and what its structure must not reveal
 * (a search hit or a timeline entry for an item the reader may not see).
 */

/** Where a meeting's JSON (GET /api/meetings/:id, exports) carries tokens. */
export const meetingPlaces = new Set<TokenPlace>([
  'location',
  'title',
  'caseNumber',
  'background',
  'presentation',
  'point',
  'proposer',
  'decision',
  'bilagTitle',
  'bilagFile',
  'absentName',
  'uploadTitle',
]);
const workspacePlaces = new Set<TokenPlace>([
  ...[...meetingPlaces].filter((place) => place !== 'bilagFile'),
  'uploadFileName',
]);
/** What a rendered document surely shows of an item. */
const documentPlaces = new Set<TokenPlace>(['title', 'background', 'presentation', 'point']);
/** What the search index holds. */
const indexedPlaces = new Set<TokenPlace>([
  'title',
  'background',
  'presentation',
  'point',
  'decision',
  'bilagTitle',
  'uploadTitle',
]);
const publiclySearchable = new Set(['agenda_published', 'minutes_published', 'minutes_approved']);

/** The tokens of a meeting in these places that the reader must see. */
export function expectedTokens(
  reader: Reader,
  meeting: LedgerMeeting,
  places: ReadonlySet<TokenPlace>,
): string[] {
  return meeting.usages
    .filter((usage) => usage.isCurrent && places.has(usage.place))
    .filter((usage) => canSeeUsage(reader.profile, usage))
    .map((usage) => usage.token);
}

/** Finds meetings and items by their stored ids and numbers. */
export class LedgerIndex {
  readonly meetings = new Map<number, LedgerMeeting>();

  constructor(ledger: Ledger) {
    for (const meeting of ledger.meetings) this.meetings.set(meeting.id, meeting);
  }

  item(meetingId: number, number: number): { meeting: LedgerMeeting; item: LedgerItem } | null {
    const meeting = this.meetings.get(meetingId);
    const item = meeting?.items.find((entry) => entry.number === number);
    return meeting && item ? { meeting, item } : null;
  }
}

/** Every meeting route for one existing meeting, as one reader. */
export async function crawlMeetingRoutes(
  crawler: LeakCrawler,
  index: LedgerIndex,
  reader: Reader,
  meeting: LedgerMeeting,
): Promise<void> {
  const isVisible = canSeeMeeting(reader.profile, meeting);
  const id = meeting.id;
  const expect = (places: ReadonlySet<TokenPlace>) =>
    isVisible ? expectedTokens(reader, meeting, places) : [];
  await crawler.get(reader, `/api/meetings/${id}`, {
    surface: 'GET /api/meetings/:id',
    isVisible,
    expected: expect(meetingPlaces),
  });
  const workspace = await crawler.get(reader, `/api/meetings/${id}/workspace`, {
    surface: 'GET /api/meetings/:id/workspace',
    isVisible,
    expected: expect(workspacePlaces),
  });
  if (workspace.status === 200) checkNeighbours(crawler, index, reader, id, workspace.body);
  await crawler.get(reader, `/api/meetings/${id}/publications`, {
    surface: 'GET /api/meetings/:id/publications',
    isVisible,
  });
  await crawler.get(reader, `/api/meetings/${id}/revisions`, {
    surface: 'GET /api/meetings/:id/revisions',
    isVisible,
    expected: expect(new Set(['correctionReason'])),
  });
  // Who was sent what: the forum's staff only.
  await crawler.get(reader, `/api/meetings/${id}/deliveries`, {
    surface: 'GET /api/meetings/:id/deliveries',
    isVisible: isVisible && standingOf(reader.profile, meeting.forum) === 'staff',
  });
  // The public portal answers as the public whoever asks: the app is where members see more.
  await crawler.get(reader, `/arkiv/moeder/${id}`, {
    surface: 'GET /arkiv/moeder/:id',
    isVisible: meeting.status !== 'draft' && meeting.forum.visibility === 'public',
  });
  // The forum's working data (planned items offered to the meeting, its follow-ups): its
  // members and staff only.
  const isForumReader = isVisible && standingOf(reader.profile, meeting.forum) !== 'public';
  for (const path of ['planned-items', 'followups'])
    await crawler.get(reader, `/api/meetings/${id}/${path}`, {
      surface: `GET /api/meetings/:id/${path}`,
      isVisible: isForumReader,
    });
  // The preview renders the whole document: the forum's staff read it with the documents.
  if (standingOf(reader.profile, meeting.forum) !== 'staff')
    await crawler.get(reader, `/api/meetings/${id}/preview.pdf`, {
      surface: 'GET /api/meetings/:id/preview.pdf',
      isVisible: false,
    });
}

/** The workspace's previous and next meetings must be meetings the reader may see. */
function checkNeighbours(
  crawler: LeakCrawler,
  index: LedgerIndex,
  reader: Reader,
  id: number,
  body: string,
) {
  const workspace = JSON.parse(body) as Record<string, { id: number } | null>;
  for (const side of ['previousMeeting', 'nextMeeting']) {
    const neighbourId = workspace[side]?.id;
    if (neighbourId === undefined) continue;
    const neighbour = index.meetings.get(neighbourId);
    if (!neighbour || !canSeeMeeting(reader.profile, neighbour))
      crawler.report.leak(
        `GET /api/meetings/${id}/workspace as ${reader.profile.label}: ${side} is meeting ${neighbourId}, which the reader may not see`,
      );
  }
}

/** Every meeting route for an id that no meeting has. */
export async function crawlMissingMeeting(crawler: LeakCrawler, reader: Reader, id: number) {
  for (const path of [
    '',
    '/workspace',
    '/publications',
    '/revisions',
    '/preview.pdf',
    '/document.pdf',
    '/combined.pdf',
    '/deliveries',
  ])
    await crawler.get(reader, `/api/meetings/${id}${path}`, {
      surface: `GET /api/meetings/:id${path.replace('document.pdf', 'document.:format')}`,
      isVisible: false,
    });
  await crawler.get(reader, `/arkiv/moeder/${id}`, {
    surface: 'GET /arkiv/moeder/:id',
    isVisible: false,
  });
}

/**
 * The meeting's documents (agenda or minutes as PDF and Word, and for its staff the preview)
 * and its published versions, as one reader.
 */
export async function crawlDocuments(
  crawler: LeakCrawler,
  reader: Reader,
  meeting: LedgerMeeting,
  parts: { documents: boolean; publications: boolean },
) {
  const isVisible = canSeeMeeting(reader.profile, meeting);
  const expected = isVisible ? expectedTokens(reader, meeting, documentPlaces) : [];
  if (parts.documents) {
    for (const format of ['pdf', 'docx'])
      await crawler.get(reader, `/api/meetings/${meeting.id}/document.${format}`, {
        surface: 'GET /api/meetings/:id/document.:format',
        isVisible,
        expected,
      });
    // The agenda with its Bilag appended: a closed item's Bilag must not ride along.
    await crawler.get(reader, `/api/meetings/${meeting.id}/combined.pdf?kind=agenda`, {
      surface: 'GET /api/meetings/:id/combined.pdf',
      isVisible,
      expected,
    });
    if (standingOf(reader.profile, meeting.forum) === 'staff')
      await crawler.get(reader, `/api/meetings/${meeting.id}/preview.pdf`, {
        surface: 'GET /api/meetings/:id/preview.pdf',
        isVisible: true,
        expected,
      });
  }
  if (!parts.publications) return;
  for (const { kind, number } of meeting.publications)
    await crawler.get(
      reader,
      `/api/meetings/${meeting.id}/publications/${kind}/${number}/document.pdf`,
      { surface: 'GET /api/meetings/:id/publications/:kind/:number/document.pdf', isVisible },
    );
}

/** One Bilag: uploaded ones as their item allows, imported ones (no file) never. */
export async function crawlAttachment(
  crawler: LeakCrawler,
  reader: Reader,
  id: number,
  upload: {
    meeting: LedgerMeeting;
    isClosed: boolean;
    contentToken: string;
    fileNameToken: string | null;
  } | null,
) {
  const isVisible = upload ? canSeeItem(reader.profile, upload.meeting, upload) : false;
  const expected =
    isVisible && upload
      ? [upload.contentToken, ...(upload.fileNameToken ? [upload.fileNameToken] : [])]
      : [];
  await crawler.get(reader, `/api/attachments/${id}`, {
    surface: 'GET /api/attachments/:id',
    isVisible,
    expected,
  });
}

interface SearchHitView {
  meeting: { id: number };
  item: { number: number };
}

/**
 * Searches for words (one, or several OR-ed) through the API and the archive page. Every hit
 * must be an item the reader may see; a hidden word must find none of the items it is written
 * in (even when it is not in the snippet); a visible, indexed word must find its item.
 */
export async function crawlSearch(
  crawler: LeakCrawler,
  index: LedgerIndex,
  reader: Reader,
  words: readonly string[],
  options: { isArchivePage?: boolean } = {},
) {
  const query = encodeURIComponent(words.join(' '));
  if (options.isArchivePage) {
    await crawler.get(reader, `/arkiv/soeg?q=${query}`, {
      surface: 'GET /arkiv/soeg',
      isVisible: true,
      stripEcho: (body) => body.replace(/ value="[^"]*"/gu, ''),
    });
    return;
  }
  const answer = await crawler.get(reader, `/api/search?q=${query}&limit=100`, {
    surface: 'GET /api/search',
    isVisible: true,
  });
  if (answer.status === 200)
    checkHits(crawler, index, reader, `GET /api/search?q=${query}`, answer.body, words);
  // A word written in a decision is also searched for among decisions only.
  const usages = words.length === 1 ? crawler.ledger.usages.get(words[0] ?? '') : undefined;
  if (!usages?.some((usage) => usage.place === 'decision')) return;
  const decisions = await crawler.get(reader, `/api/search?q=${query}&decision=true`, {
    surface: 'GET /api/search',
    isVisible: true,
  });
  if (decisions.status === 200)
    checkHits(
      crawler,
      index,
      reader,
      `GET /api/search?q=${query}&decision=true`,
      decisions.body,
      words,
    );
}

function checkHits(
  crawler: LeakCrawler,
  index: LedgerIndex,
  reader: Reader,
  where: string,
  body: string,
  words: readonly string[],
) {
  const hits = JSON.parse(body) as SearchHitView[];
  const found = hits.map((hit) => index.item(hit.meeting.id, hit.item.number));
  for (const [position, entry] of found.entries()) {
    if (entry && canSeeItem(reader.profile, entry.meeting, entry.item)) continue;
    const hit = hits[position];
    crawler.report.leak(
      `${where} as ${reader.profile.label}: a hit for meeting ${hit?.meeting.id} item ${hit?.item.number}, which the reader may not see`,
    );
  }
  if (words.length !== 1) return;
  const usages = crawler.ledger.usages.get((words[0] ?? '').toLowerCase()) ?? [];
  const isHit = (usage: TokenUsage) =>
    found.some((entry) => entry?.item === usage.item && usage.item !== null);
  const visible = usages.filter((usage) => canSeeUsage(reader.profile, usage));
  if (visible.length === 0) {
    for (const usage of usages.filter(isHit))
      crawler.report.leak(
        `${where} as ${reader.profile.label}: finds the item holding the hidden word (${describeUsages([usage])})`,
      );
    return;
  }
  const searchable = visible.filter(
    (usage) =>
      usage.isCurrent &&
      indexedPlaces.has(usage.place) &&
      usage.meeting &&
      (standingOf(reader.profile, usage.forum) !== 'public' ||
        publiclySearchable.has(usage.meeting.status)),
  );
  if (searchable.length > 0 && !searchable.some(isHit))
    crawler.report.problem(
      `${where} as ${reader.profile.label}: does not find ${words[0]} (${describeUsages(searchable)})`,
    );
}

/** A journal number's timeline: exactly the items the reader may see, and nothing else. */
export async function crawlCase(
  crawler: LeakCrawler,
  index: LedgerIndex,
  reader: Reader,
  caseNumber: string,
  usages: readonly TokenUsage[],
  options: { isSearched?: boolean } = {},
) {
  // The ledger keys journal numbers lower-cased; ask as they were written.
  const written = usages[0]?.token ?? caseNumber;
  const url = `/api/cases/${encodeURIComponent(written)}`;
  await crawler.get(reader, `/arkiv/sager/${encodeURIComponent(written)}`, {
    surface: 'GET /arkiv/sager/:caseNumber',
  });
  await crawler.get(reader, `${url}/followups`, {
    surface: 'GET /api/cases/:caseNumber/followups',
    isVisible: reader.headers.cookie !== undefined,
  });
  const answer = await crawler.get(reader, url, { surface: 'GET /api/cases/:caseNumber' });
  if (answer.status !== 200) return;
  const entries = JSON.parse(answer.body) as Array<{ meetingId: number; itemNumber: number }>;
  for (const entry of entries) {
    const found = index.item(entry.meetingId, entry.itemNumber);
    if (!found || !canSeeItem(reader.profile, found.meeting, found.item))
      crawler.report.leak(
        `GET ${url} as ${reader.profile.label}: lists meeting ${entry.meetingId} item ${entry.itemNumber}, which the reader may not see`,
      );
  }
  const expected = usages.filter(
    (usage) => usage.meeting && usage.item && canSeeItem(reader.profile, usage.meeting, usage.item),
  ).length;
  if (entries.length !== expected)
    crawler.report.problem(
      `GET ${url} as ${reader.profile.label}: ${entries.length} entries, expected ${expected}`,
    );
  // Searching by journal number: for a sample of them.
  if (!options.isSearched) return;
  const search = await crawler.get(
    reader,
    `/api/search?q=${encodeURIComponent(written)}&limit=100`,
    {
      surface: 'GET /api/search',
      isVisible: true,
    },
  );
  if (search.status === 200)
    checkHits(crawler, index, reader, `GET /api/search?q=${caseNumber}`, search.body, []);
}

/**
 * The lists as one reader: every page of GET /api/meetings (exactly the meetings the reader
 * may see), the list filtered by each forum, /arkiv's links, the forums, and the routes about
 * no meeting in particular.
 */
export async function crawlLists(crawler: LeakCrawler, reader: Reader): Promise<void> {
  const { ledger, report } = crawler;
  const label = reader.profile.label;
  const visible = ledger.meetings.filter((meeting) => canSeeMeeting(reader.profile, meeting));
  const allowed = new Set(visible.map((meeting) => meeting.id));
  const listed: number[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await crawler.get(reader, `/api/meetings?limit=1000&offset=${offset}`, {
      surface: 'GET /api/meetings',
      isVisible: true,
    });
    const summaries = JSON.parse(page.body) as Array<{ id: number }>;
    listed.push(...summaries.map((summary) => summary.id));
    if (summaries.length < 1000) break;
  }
  for (const id of listed)
    if (!allowed.has(id)) report.leak(`GET /api/meetings as ${label}: lists meeting ${id}`);
  if (listed.length !== new Set(listed).size || listed.length !== allowed.size)
    report.problem(
      `GET /api/meetings as ${label}: ${listed.length} meetings, expected ${allowed.size}`,
    );
  // Filtering by a forum the reader may not see lists nothing of it.
  for (const forum of ledger.forums) {
    const url = `/api/meetings?limit=1000&forum=${encodeURIComponent(forum.name)}`;
    const filtered = await crawler.get(reader, url, {
      surface: 'GET /api/meetings',
      isVisible: true,
    });
    for (const { id } of JSON.parse(filtered.body) as Array<{ id: number }>)
      if (!allowed.has(id) || ledger.meetings.find((meeting) => meeting.id === id)?.forum !== forum)
        report.leak(`GET /api/meetings?forum=… as ${label}: lists meeting ${id}`);
  }
  const page = await crawler.get(reader, '/arkiv', { surface: 'GET /arkiv', isVisible: true });
  for (const match of page.body.matchAll(/\/arkiv\/moeder\/(\d+)/gu))
    if (!allowed.has(Number(match[1])))
      report.leak(`GET /arkiv as ${label}: links meeting ${match[1]}`);
  const forums = await crawler.get(reader, '/api/forums', {
    surface: 'GET /api/forums',
    isVisible: true,
  });
  const names = (JSON.parse(forums.body) as Array<{ name: string }>).map((forum) => forum.name);
  const expected = ledger.forums.filter((forum) => canSeeForum(reader.profile, forum));
  for (const name of names)
    if (!expected.some((forum) => forum.name === name))
      report.leak(`GET /api/forums as ${label}: lists the forum ${name}`);
  if (names.length !== expected.length)
    report.problem(
      `GET /api/forums as ${label}: ${names.length} forums, expected ${expected.length}`,
    );
  // The feeds and the portal's forum pages are the anonymous reader's whoever asks: public
  // forums only, closed items reduced.
  for (const forum of ledger.forums)
    await crawler.get(reader, `/arkiv/fora/${forum.id}`, {
      surface: 'GET /arkiv/fora/:id',
      isVisible: forum.visibility === 'public',
    });
  // The forum's plan and follow-ups: its members and staff only.
  for (const forum of ledger.forums)
    for (const path of [
      'planned-items',
      'year/2030',
      'annual-cycle',
      'annual-wheel/2030.svg',
      'followups',
    ])
      await crawler.get(reader, `/api/forums/${forum.id}/${path}`, {
        surface: `GET /api/forums/:id/${path.replace('2030', ':year')}`,
        isVisible: standingOf(reader.profile, forum) !== 'public',
      });
  for (const forum of ledger.forums)
    for (const path of ['feed.xml', 'kalender.ics'])
      await crawler.get(reader, `/fora/${forum.id}/${path}`, {
        surface: `GET /fora/:id/${path}`,
        isVisible: forum.visibility === 'public',
      });
  await crawlPersonalCalendar(crawler, reader);
  for (const url of otherRoutes)
    await crawler.get(reader, url, { surface: `GET ${url.split('?')[0]}` });
}

/**
 * A signed-in reader's personal calendar at its secret address, fetched as a calendar program
 * does it: without the session. The oracle judges it as the reader, whose calendar it is.
 */
async function crawlPersonalCalendar(crawler: LeakCrawler, reader: Reader): Promise<void> {
  if (!reader.headers.cookie) return;
  const created = await crawler.app.inject({
    method: 'POST',
    url: '/api/me/calendar-feed',
    headers: reader.headers,
  });
  if (created.statusCode !== 201) {
    crawler.report.problem(
      `POST /api/me/calendar-feed as ${reader.profile.label}: ${created.statusCode}`,
    );
    return;
  }
  const path = new URL((created.json() as { url: string }).url).pathname;
  await crawler.get({ ...reader, headers: {} }, path, {
    surface: 'GET /mine/:token/kalender.ics',
    isVisible: true,
  });
}

/** The GET routes the leak test requests (a new one fails the check until it is added). */
export const crawledRoutes = new Set([
  '/api/meetings',
  '/api/meetings/:id',
  '/api/meetings/:id/workspace',
  '/api/meetings/:id/publications',
  '/api/meetings/:id/publications/:kind/:number/document.pdf',
  '/api/meetings/:id/preview.pdf',
  '/api/meetings/:id/revisions',
  '/api/meetings/:id/document.:format',
  '/api/meetings/:id/combined.pdf',
  '/api/attachments/:id',
  '/api/search',
  '/api/cases/:caseNumber',
  '/api/forums',
  '/fora/:id/feed.xml',
  '/fora/:id/kalender.ics',
  '/mine/:token/kalender.ics',
  '/api/meetings/:id/planned-items',
  '/api/meetings/:id/followups',
  '/api/forums/:id/planned-items',
  '/api/forums/:id/year/:year',
  '/api/forums/:id/annual-cycle',
  '/api/forums/:id/annual-wheel/:year.svg',
  '/api/forums/:id/followups',
  '/api/cases/:caseNumber/followups',
  '/api/followups/:id',
  ...oparlRoutes,
  '/arkiv',
  '/arkiv/moeder/:id',
  '/api/meetings/:id/deliveries',
  '/arkiv/fora/:id',
  '/arkiv/sager/:caseNumber',
  '/arkiv/soeg',
  '/assets/*',
]);

/** Routes about no meeting in particular: asked once per reader, and read for tokens. */
export const otherRoutes = [
  '/api/session',
  '/api/users',
  '/api/audit',
  '/api/health',
  '/api/ready',
  '/metrics',
  '/api/settings',
  '/api/me/followups',
  '/api/followups/1',
  '/api/case-numbers/check?value=15%2F13392',
  '/api/docs',
  '/api/docs/json',
  '/api/auth/oidc/start',
  '/api/auth/oidc/callback',
  '/assets/index.js',
  '/',
];
