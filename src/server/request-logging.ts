import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions, RawRequestDefaultExpression } from 'fastify';

/**
 * Structured logs for an operator: Fastify's JSON lines (pino), one per request and answer,
 * each with the request's id. The id comes from the reverse proxy's `x-request-id` when it
 * sends a sane one (so that the proxy's log and ours meet), else a new UUID; the answer
 * carries it back. Secrets in addresses (a personal calendar's token, a sign-in code) never
 * reach the log.
 */

/** A request id a proxy may send: letters, digits and -_.: up to 100 characters. */
const requestIdPattern = /^[\w.:-]{1,100}$/u;

/** The request's id: the proxy's when it is sane, else a new one. */
export function requestIdOf(request: RawRequestDefaultExpression): string {
  const header = request.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  return given && requestIdPattern.test(given) ? given : randomUUID();
}

/** An address as logged: the personal calendar's token and sign-in codes replaced. */
export function redactUrl(url: string): string {
  return url
    .replace(/^\/mine\/[^/?#]+/u, '/mine/[skjult]')
    .replace(/([?&](?:code|state|token|session_state)=)[^&#]*/giu, '$1[skjult]');
}

/** Fastify's logger settings: JSON at info when logging, with addresses redacted. */
export function loggerOptions(
  isLogging: boolean,
  stream?: { write(line: string): void },
): FastifyServerOptions['logger'] {
  if (!isLogging) return false;
  return {
    ...(stream ? { stream } : {}),
    level: process.env.REFERAT_LOG_LEVEL ?? 'info',
    serializers: {
      req: (request: { method: string; url: string; hostname?: string; ip?: string }) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.hostname,
        remoteAddress: request.ip,
      }),
    },
  };
}

/** Sends the request's id back with every answer, so that a user's report can name it. */
export function registerRequestId(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
}
