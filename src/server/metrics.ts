import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Archive } from '../services/archive-types.ts';
import { readOperationalGauges } from '../services/operations-service.ts';
import { textAnswer } from './response-contract.ts';

/**
 * Prometheus metrics at `/metrics` for an operator: request latency by route, searches, the
 * outbox's queue, the Bilag waiting to be read, the archive's size (an import under way shows
 * as growth), and Node's own (memory, event loop lag). One registry per app, so that tests
 * can build many apps.
 *
 * Who may read them: with REFERAT_METRICS_TOKEN set, a request with `Authorization: Bearer
 * <token>`; without it, only a request from this machine that came through no proxy (no
 * `X-Forwarded-For`), so that a reverse proxy never publishes them by accident.
 */

/** The routes whose requests are searches. */
const searchRoutes = new Set(['/api/search', '/arkiv/soeg']);

/** An app's metrics registry, made by `measureRequests` and served by `registerMetricsRoute`. */
export interface AppMetrics {
  registry: Registry;
}

/** Measures every request of the app (register before the routes, on the root). */
export function measureRequests(app: FastifyInstance, archive: Archive): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'referat_http_request_duration_seconds',
    help: 'Svartid pr. rute, metode og status',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const searches = new Counter({
    name: 'referat_searches_total',
    help: 'Søgninger pr. flade og udfald',
    labelNames: ['route', 'outcome'],
    registers: [registry],
  });
  registerGauges(registry, archive);
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'ukendt';
    if (route === '/metrics') return;
    requestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    if (searchRoutes.has(route))
      searches.inc({ route, outcome: reply.statusCode < 400 ? 'ok' : 'error' });
  });
  return { registry };
}

/** Serves the metrics at `/metrics` to those who may read them, else a plain 404. */
export function registerMetricsRoute(
  app: FastifyInstance,
  metrics: AppMetrics,
  token: string | undefined = process.env.REFERAT_METRICS_TOKEN,
): void {
  app.get(
    '/metrics',
    {
      schema: {
        summary: 'Driftsmålinger i Prometheus-format',
        response: {
          200: textAnswer('Prometheus-målinger (text/plain)'),
          404: textAnswer('Ikke for denne forespørgsel'),
        },
      },
    },
    async (request, reply) => {
      if (!mayReadMetrics(request, token))
        return reply.code(404).type('text/plain; charset=utf-8').send('Findes ikke.\n');
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
}

/** The gauges read from the database at each scrape, the same from every instance. */
function registerGauges(registry: Registry, archive: Archive): void {
  let reading: ReturnType<typeof readOperationalGauges> | null = null;
  // One database read per scrape, shared by the gauges that collect at the same time.
  const gauges = () => {
    reading ??= readOperationalGauges(archive).finally(() => {
      reading = null;
    });
    return reading;
  };
  new Gauge({
    name: 'referat_outbox_pending',
    help: 'Hændelser i udbakken, der venter på at blive leveret, pr. modtager',
    labelNames: ['consumer'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const entry of (await gauges()).outboxPending)
        this.set({ consumer: entry.consumer }, entry.count);
    },
  });
  const simple = (
    name: string,
    help: string,
    pick: (value: Awaited<ReturnType<typeof gauges>>) => number,
  ) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        this.set(pick(await gauges()));
      },
    });
  simple(
    'referat_attachment_texts_waiting',
    'Bilag, hvis tekst venter på at blive læst',
    (g) => g.attachmentTextsWaiting,
  );
  simple('referat_meetings', 'Møder i arkivet', (g) => g.meetings);
  simple('referat_items', 'Punkter i arkivet (stiger under en import)', (g) => g.items);
}

function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(request.headers.authorization ?? '');
    const wanted = Buffer.from(`Bearer ${token}`);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  }
  const address = request.socket.remoteAddress ?? '';
  const isLocal = address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
  return isLocal && request.headers['x-forwarded-for'] === undefined;
}
