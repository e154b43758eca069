import type { LeakCrawler, Reader } from './leak-crawler.ts';

/** The OParl routes as Fastify registers them, for naming each crawled URL's surface. */
export const oparlRoutes = [
  '/oparl/v1.1',
  ...[
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
  ].flatMap((type) => [`/oparl/v1.1/${type}`, `/oparl/v1.1/${type}/:id`]),
  '/oparl/v1.1/organization/:id/meeting',
  '/oparl/v1.1/file/:id/access',
];

/** The route a path of the OParl API answers on ("/oparl/v1.1/meeting/:id"). */
export function oparlSurface(path: string): string | null {
  const parts = path.split('?')[0]?.split('/') ?? [];
  return (
    oparlRoutes.find((route) => {
      const pattern = route.split('/');
      return (
        pattern.length === parts.length &&
        pattern.every((part, index) => part === ':id' || part === parts[index])
      );
    }) ?? null
  );
}

/**
 * Walks the OParl API from the System object, breadth first, following every link to this
 * server, at most `limit` requests, as one reader (the API answers as the anonymous reader
 * whoever asks, so every word it shows must be one the public may see).
 */
export async function crawlOparl(
  crawler: LeakCrawler,
  reader: Reader,
  limit: number,
): Promise<number> {
  const queue = ['/oparl/v1.1'];
  const seen = new Set(queue);
  let requests = 0;
  while (queue.length > 0 && requests < limit) {
    const path = queue.shift() ?? '';
    const surface = oparlSurface(path);
    if (!surface) continue;
    const answer = await crawler.get(reader, path, { surface: `GET ${surface}` });
    requests++;
    if (!String(answer.response.headers['content-type'] ?? '').includes('json')) continue;
    for (const match of answer.body.matchAll(/https?:\/\/[^"/]+(\/oparl\/v1\.1[^"]*)"/gu)) {
      const next = match[1] ?? '';
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return requests;
}
