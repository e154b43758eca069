import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { loopbackHostNames } from '../src/server/security/security-options.ts';
import { finishMeeting, publishMinutes } from '../src/services/meeting-flow-service.ts';
import { testAdministrator } from './support/actors.ts';
import { testDatabases } from './support/databases.ts';
import { createOparlWorld, type OparlWorld } from './support/oparl-world.ts';

/**
 * OParl 1.1's external lists: stable paging with the filters kept in every link, the
 * created/modified filters (the update mechanism a harvester relies on), `limit`,
 * `omit_internal`, answers for keys that are not there, a Bilag's accessUrl shown in place,
 * and URLs made from the published origin.
 */

const base = 'http://localhost/oparl/v1.1';
const collections = [
  'body',
  'organization',
  'person',
  'membership',
  'meeting',
  'agendaItem',
  'consultation',
  'paper',
  'file',
  'location',
] as const;

interface ListPage {
  data: Array<{ id: string; created: string; modified: string } & Record<string, unknown>>;
  pagination: {
    totalElements: number;
    elementsPerPage: number;
    currentPage: number;
    totalPages: number;
  };
  links: { first: string; prev?: string; self: string; next?: string; last: string };
}

async function getJson(app: FastifyInstance, url: string, host = 'localhost') {
  const { pathname, search } = new URL(url, 'http://localhost');
  const response = await app.inject({
    method: 'GET',
    url: `${pathname}${search}`,
    headers: { host },
  });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: response.headers['content-type']?.toString().startsWith('application/json')
      ? (JSON.parse(response.body) as unknown)
      : response.body,
  };
}

async function getList(app: FastifyInstance, url: string): Promise<ListPage> {
  const answer = await getJson(app, url);
  expect(answer.status, url).toBe(200);
  return answer.body as ListPage;
}

/** Every object of a list, page by page along `links.next`. */
async function readAllPages(app: FastifyInstance, firstUrl: string): Promise<ListPage[]> {
  const pages: ListPage[] = [];
  let url: string | undefined = firstUrl;
  while (url) {
    const page = await getList(app, url);
    pages.push(page);
    url = page.links.next;
    if (pages.length > 200) throw new Error(`${firstUrl} does not end`);
  }
  return pages;
}

/** The same instant written with +01:00, as a Danish client in winter writes it. */
function inPlusOne(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 60 * 60_000).toISOString();
  return `${shifted.slice(0, 23)}+01:00`;
}

describe.each(testDatabases())('OParl lists on %s', (_name, openDatabase) => {
  let world: OparlWorld;
  beforeAll(async () => {
    world = await createOparlWorld(openDatabase);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('pages every list stably along links.next, keeping the limit and filters in each link', async () => {
    for (const collection of collections) {
      const whole = await getList(world.app, `${base}/${collection}?limit=500`);
      expect(whole.pagination.totalPages, collection).toBe(1);
      const since = '2000-01-01T00:00:00+01:00';
      const first = `${base}/${collection}?limit=2&modified_since=${encodeURIComponent(since)}`;
      const pages = await readAllPages(world.app, first);
      const ids = pages.flatMap((page) => page.data.map((entry) => entry.id));
      expect(ids, collection).toEqual(whole.data.map((entry) => entry.id));
      expect(new Set(ids).size).toBe(ids.length);
      for (const [index, page] of pages.entries()) {
        expect(page.pagination).toEqual({
          totalElements: whole.pagination.totalElements,
          elementsPerPage: 2,
          currentPage: index + 1,
          totalPages: Math.max(1, Math.ceil(whole.pagination.totalElements / 2)),
        });
        for (const link of Object.values(page.links)) {
          const parameters = new URL(link).searchParams;
          expect(parameters.get('limit'), link).toBe('2');
          expect(parameters.get('modified_since'), link).toBe(since);
        }
        if (index > 0) expect(page.links.prev).toBe(pages[index - 1]?.links.self);
      }
    }
  });

  it('filters every list by created and modified, whatever the zone the time is written in', async () => {
    for (const collection of collections) {
      const all = (await getList(world.app, `${base}/${collection}?limit=500`)).data;
      const stamps = [...new Set(all.flatMap((entry) => [entry.created, entry.modified]))].sort();
      const middle = stamps[Math.floor(stamps.length / 2)] as string;
      for (const [parameter, keep] of [
        ['created_since', (entry: ListPage['data'][number]) => entry.created >= middle],
        ['created_until', (entry: ListPage['data'][number]) => entry.created <= middle],
        ['modified_since', (entry: ListPage['data'][number]) => entry.modified >= middle],
        ['modified_until', (entry: ListPage['data'][number]) => entry.modified <= middle],
      ] as const) {
        const url = `${base}/${collection}?limit=500&${parameter}=${encodeURIComponent(inPlusOne(middle))}`;
        const filtered = await getList(world.app, url);
        expect(
          filtered.data.map((entry) => entry.id),
          `${collection} ${parameter}`,
        ).toEqual(all.filter(keep).map((entry) => entry.id));
        expect(filtered.pagination.totalElements).toBe(filtered.data.length);
      }
    }
  });

  it('caps limit, and leaves out the embedded lists with omit_internal=true', async () => {
    const capped = await getList(world.app, `${base}/agendaItem?limit=100000`);
    expect(capped.pagination.elementsPerPage).toBe(500);
    const meetings = await getList(world.app, `${base}/meeting?omit_internal=true`);
    expect(meetings.data.length).toBeGreaterThan(0);
    expect(meetings.data.some((entry) => 'agendaItem' in entry)).toBe(false);
    expect(new URL(meetings.links.self).searchParams.get('omit_internal')).toBe('true');
    const persons = await getList(world.app, `${base}/person?omit_internal=true`);
    expect(persons.data.some((entry) => 'membership' in entry)).toBe(false);
    const full = await getList(world.app, `${base}/meeting`);
    expect(full.data.every((entry) => Array.isArray(entry.agendaItem))).toBe(true);
  });

  it('answers 400 for a filter that is not a date-time and 404 for keys that are not there', async () => {
    for (const bad of ['2017-06-14', 'yesterday', '2017-06-14T13:00:00']) {
      const answer = await getJson(
        world.app,
        `${base}/meeting?created_since=${encodeURIComponent(bad)}`,
      );
      expect(answer.status, bad).toBe(400);
      expect(answer.body).toMatchObject({ error: expect.stringContaining('created_since') });
    }
    const { ids } = world;
    for (const path of [
      'meeting/abc',
      'meeting/0',
      'meeting/99999999999',
      `meeting/${ids.draftMeetingId}`,
      `meeting/${ids.internalMeetingId}`,
      `organization/${ids.internalForumId}`,
      `organization/${ids.internalForumId}/meeting`,
      'body/2',
      'file/agenda-x',
      'file/report-1',
      `file/minutes-${ids.runningMeetingId}`,
      `file/attachment-${ids.closedBilagId}`,
      `file/attachment-${ids.closedBilagId}/access`,
      `file/agenda-${ids.publishedMeetingId}/access`,
      'membership/1-x',
      'location/not-a-place',
      `consultation/${ids.closedItemId}`,
    ]) {
      const answer = await getJson(world.app, `${base}/${path}`);
      expect(answer.status, path).toBe(404);
      expect(String(answer.headers['content-type'])).toContain('application/json');
    }
  });

  it('shows a Bilag in place at its accessUrl and downloads it at its downloadUrl', async () => {
    const file = (await getJson(world.app, `${base}/file/attachment-${world.ids.openBilagId}`))
      .body as { accessUrl: string; downloadUrl: string; mimeType: string; size: number };
    const access = await world.app.inject({
      method: 'GET',
      url: new URL(file.accessUrl).pathname,
      headers: { host: 'localhost' },
    });
    expect(access.statusCode).toBe(200);
    expect(access.headers['content-type']).toBe(file.mimeType);
    expect(String(access.headers['content-disposition'])).toMatch(/^inline;/u);
    expect(access.rawPayload.length).toBe(file.size);
    const download = await world.app.inject({
      method: 'GET',
      url: new URL(file.downloadUrl).pathname,
      headers: { host: 'localhost' },
    });
    expect(download.statusCode).toBe(200);
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment;/u);
  });

  it('names the published origin in its URLs when the request comes to the public address', async () => {
    const app = await buildApp({
      archive: world.archive,
      security: {
        publicOrigins: ['https://referat.albertslund.dk'],
        allowedHostNames: [...loopbackHostNames, 'referat.albertslund.dk'],
      },
    });
    try {
      const system = await getJson(app, '/oparl/v1.1', 'referat.albertslund.dk');
      expect(system.body).toMatchObject({
        id: 'https://referat.albertslund.dk/oparl/v1.1',
        body: 'https://referat.albertslund.dk/oparl/v1.1/body',
      });
      const local = await getJson(app, '/oparl/v1.1', 'localhost');
      expect(local.body).toMatchObject({ id: 'http://localhost/oparl/v1.1' });
    } finally {
      await app.close();
    }
  });

  it('lets a harvester catch up with modified_since: minutes published later bring their decisions', async () => {
    const before = new Date().toISOString();
    const { ids } = world;
    const running = (await getJson(world.app, `${base}/meeting/${ids.runningMeetingId}`)).body as {
      agendaItem: Array<Record<string, unknown>>;
    };
    expect(running.agendaItem.some((item) => 'resolutionText' in item)).toBe(false);
    await finishMeeting(world.archive, testAdministrator, ids.runningMeetingId);
    await publishMinutes(world.archive, testAdministrator, ids.runningMeetingId);
    const since = encodeURIComponent(before);
    const meetings = await getList(world.app, `${base}/meeting?modified_since=${since}`);
    expect(meetings.data.map((entry) => entry.id)).toEqual([
      `${base}/meeting/${ids.runningMeetingId}`,
    ]);
    const items = await getList(world.app, `${base}/agendaItem?modified_since=${since}`);
    expect(items.data.length).toBeGreaterThan(0);
    expect(
      items.data.every((item) => item.meeting === `${base}/meeting/${ids.runningMeetingId}`),
    ).toBe(true);
    expect(items.data.some((item) => item.resolutionText === 'Zqikkeudsendtbeslutning')).toBe(true);
    const files = await getList(world.app, `${base}/file?modified_since=${since}`);
    expect(files.data.map((entry) => entry.id)).toContain(
      `${base}/file/minutes-${ids.runningMeetingId}`,
    );
    const unchanged = await getList(world.app, `${base}/organization?modified_since=${since}`);
    expect(unchanged.data).toEqual([]);
  });
});
