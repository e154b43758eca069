import type { FastifyInstance } from 'fastify';
import { isOparlObject, oparlSchemaErrors, shortTypeName } from './oparl-schemas.ts';

/**
 * A client that walks an OParl server the way a harvester does: from the System object it
 * follows every URL of the server it meets (object ids, lists and their pages, files, web
 * pages), breadth-first, and validates every object against the official schema of its type,
 * the embedded ones too. It also checks what the specification asks beyond the schemas: an
 * object fetched at its id has that id, an object in a list or embedded in another says the
 * same as at its own URL, every JSON answer carries Access-Control-Allow-Origin: *, and every
 * file can be fetched.
 */

/** One answer the walk got. */
export interface WalkedAnswer {
  url: string;
  status: number;
  contentType: string;
  /** The body as text, for JSON and HTML answers (files are not kept). */
  text: string | null;
}

/** What a walk found. */
export interface OparlWalk {
  answers: WalkedAnswer[];
  /** Each object at its own URL, by id. */
  objects: Map<string, Record<string, unknown>>;
  /** Distinct objects per short type name ("Meeting"). */
  countsByType: Record<string, number>;
  /** Objects (by id and where met) that fail their schema, with the errors. */
  invalid: Array<{ id: string; where: string; errors: string[] }>;
  /** Everything else that is wrong, in words. */
  problems: string[];
}

/** Walks the server from `systemUrl`; `origin` is the server's, as its URLs name it. */
export async function walkOparl(
  app: FastifyInstance,
  origin: string,
  systemUrl: string,
): Promise<OparlWalk> {
  const walk: OparlWalk = {
    answers: [],
    objects: new Map(),
    countsByType: {},
    invalid: [],
    problems: [],
  };
  const copies: Array<{ where: string; object: Record<string, unknown>; isListed: boolean }> = [];
  const queue = [systemUrl];
  const queued = new Set(queue);
  const enqueue = (url: string) => {
    if (!url.startsWith(`${origin}/`) && url !== origin) return;
    if (queued.has(url)) return;
    queued.add(url);
    queue.push(url);
  };
  const collectUrls = (value: unknown) => {
    if (typeof value === 'string') enqueue(value);
    else if (Array.isArray(value)) for (const entry of value) collectUrls(entry);
    else if (typeof value === 'object' && value !== null)
      for (const entry of Object.values(value)) collectUrls(entry);
  };
  /** Validates an object and the objects embedded in it. */
  const check = (object: Record<string, unknown>, where: string) => {
    const errors = oparlSchemaErrors(object);
    if (errors.length > 0) walk.invalid.push({ id: String(object.id), where, errors });
    for (const [key, value] of Object.entries(object)) {
      const nested = Array.isArray(value) ? value : [value];
      for (const entry of nested)
        if (isOparlObject(entry)) {
          copies.push({ where: `${where} ${key}`, object: entry, isListed: false });
          check(entry, `${where} → ${key}`);
        }
    }
  };

  while (queue.length > 0) {
    const url = queue.shift() as string;
    const { pathname, search } = new URL(url);
    const response = await app.inject({
      method: 'GET',
      url: `${pathname}${search}`,
      headers: { host: new URL(origin).host },
    });
    const contentType = String(response.headers['content-type'] ?? '');
    const isJson = contentType.startsWith('application/json');
    const isText = isJson || contentType.startsWith('text/');
    walk.answers.push({
      url,
      status: response.statusCode,
      contentType,
      text: isText ? response.body : null,
    });
    if (response.statusCode !== 200) {
      walk.problems.push(`${url} answered ${response.statusCode}`);
      continue;
    }
    if (!pathname.startsWith('/oparl/')) continue;
    if (!isJson) {
      // A Bilag shown in place: OParl forbids "attachment" on an accessUrl.
      if (String(response.headers['content-disposition'] ?? '').startsWith('attachment'))
        walk.problems.push(`${url} is sent as an attachment`);
      continue;
    }
    if (response.headers['access-control-allow-origin'] !== '*')
      walk.problems.push(`${url} has no Access-Control-Allow-Origin: *`);
    const body = JSON.parse(response.body) as Record<string, unknown>;
    if (Array.isArray(body.data)) {
      checkListPage(body, url, walk.problems);
      for (const entry of body.data) {
        if (!isOparlObject(entry)) {
          walk.problems.push(`${url} lists something that is not an OParl object`);
          continue;
        }
        copies.push({ where: `list ${url}`, object: entry, isListed: true });
        check(entry, `list ${url}`);
        collectUrls(entry);
      }
      collectUrls(body.links);
      continue;
    }
    if (!isOparlObject(body)) {
      walk.problems.push(`${url} is neither an OParl object nor a list`);
      continue;
    }
    if (body.id !== url) walk.problems.push(`${url} answers with the id ${body.id}`);
    walk.objects.set(body.id, body);
    check(body, url);
    collectUrls(body);
  }

  for (const object of walk.objects.values()) {
    const type = shortTypeName(object.type);
    walk.countsByType[type] = (walk.countsByType[type] ?? 0) + 1;
  }
  for (const copy of copies) {
    const own = walk.objects.get(String(copy.object.id));
    if (!own) {
      walk.problems.push(`${copy.object.id} (in ${copy.where}) was not found at its URL`);
      continue;
    }
    const differences = differingKeys(copy.object, own, copy.isListed);
    if (differences.length > 0)
      walk.problems.push(
        `${copy.object.id} in ${copy.where} differs from its own URL in ${differences.join(', ')}`,
      );
  }
  return walk;
}

/** A list page's envelope: data, pagination and links as OParl 1.1 describes them. */
function checkListPage(body: Record<string, unknown>, url: string, problems: string[]): void {
  const pagination = body.pagination as Record<string, unknown> | undefined;
  const links = body.links as Record<string, unknown> | undefined;
  if (!pagination || !links) {
    problems.push(`${url} has no pagination or links`);
    return;
  }
  for (const key of ['totalElements', 'elementsPerPage', 'currentPage', 'totalPages'])
    if (!Number.isInteger(pagination[key])) problems.push(`${url} pagination.${key} is missing`);
  const current = Number(pagination.currentPage);
  const total = Number(pagination.totalPages);
  if (current < total && typeof links.next !== 'string')
    problems.push(`${url} is page ${current} of ${total} without links.next`);
  if (current >= total && links.next !== undefined) problems.push(`${url} is last but has next`);
  const count = (body.data as unknown[]).length;
  if (current < total && count !== pagination.elementsPerPage)
    problems.push(`${url} has ${count} objects, not elementsPerPage`);
}

/**
 * Keys where a copy says something else than the object at its URL. A list gives objects in
 * full (every key the same); an embedded object may leave out its back reference.
 */
function differingKeys(
  copy: Record<string, unknown>,
  own: Record<string, unknown>,
  isListed: boolean,
): string[] {
  const keys = new Set([...Object.keys(copy), ...(isListed ? Object.keys(own) : [])]);
  return [...keys].filter((key) => JSON.stringify(copy[key]) !== JSON.stringify(own[key]));
}
