import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '../request-actor.ts';
import { hostNameOfHeader, isAllowedHost } from './host-allow-list.ts';
import type { SecurityOptions } from './security-options.ts';

/** The answer to a state-changing request that may come from another site. */
export const crossSiteMessage =
  'Forespørgslen blev afvist, fordi den ikke kom fra Referats egne sider. Genindlæs siden, og prøv igen.';

/** The header a client without a verified Origin sends its session's CSRF token in. */
export const csrfTokenHeader = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What the CSRF check looks at in a request. */
export interface CsrfEvidence {
  method: string;
  origin: string | undefined;
  host: string | undefined;
  token: string | undefined;
  sessionToken: string | null;
}

/**
 * Whether a request may change something: GET, HEAD and OPTIONS always may; POST, PUT, PATCH
 * and DELETE (with a body or without) need a verified same-origin Origin (its host is the
 * request's allowed Host, or it is one of the public URLs' origins), or the signed-in session's
 * CSRF token in the x-csrf-token header. "Origin: null" (sandboxed frames, files) is refused.
 */
export function isRequestFromOwnSite(evidence: CsrfEvidence, options: SecurityOptions): boolean {
  if (safeMethods.has(evidence.method.toUpperCase())) return true;
  const { origin } = evidence;
  if (origin === 'null') return false;
  if (origin !== undefined && isVerifiedOrigin(origin, evidence.host, options)) return true;
  return isSameToken(evidence.token, evidence.sessionToken);
}

function isVerifiedOrigin(
  origin: string,
  host: string | undefined,
  options: SecurityOptions,
): boolean {
  if (!URL.canParse(origin)) return false;
  const url = new URL(origin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (options.publicOrigins.includes(url.origin)) return true;
  if (!isAllowedHost(host, options) || hostNameOfHeader(host) === null) return false;
  // The Host header as a URL of the Origin's scheme, so that "localhost:80" equals
  // "http://localhost" (a default port is left out of an Origin). The scheme itself is not
  // compared: behind a TLS proxy the page is https while the server speaks http, and one
  // host and port cannot serve a second site over the other scheme.
  return new URL(`${url.protocol}//${host}`).host === url.host;
}

function isSameToken(token: string | undefined, sessionToken: string | null): boolean {
  if (!token || !sessionToken) return false;
  const given = Buffer.from(token);
  const expected = Buffer.from(sessionToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function evidenceOf(request: FastifyRequest): CsrfEvidence {
  const token = request.headers[csrfTokenHeader];
  return {
    method: request.method,
    origin: request.headers.origin,
    host: request.headers.host,
    token: Array.isArray(token) ? undefined : token,
    sessionToken: request.csrfToken ?? null,
  };
}

/**
 * Refuses, with 403 and a Danish message, every state-changing request that cannot show it
 * comes from Referat's own pages: a cross-site form post, a `no-cors` fetch, a body-less POST.
 * Runs as a preParsing hook: after every onRequest hook (the session hook sets
 * `request.csrfToken` there) and before the body is read, so a refused body is never parsed.
 */
export function registerCsrfProtection(app: FastifyInstance, options: SecurityOptions): void {
  app.addHook('preParsing', async (request, reply) => {
    if (isRequestFromOwnSite(evidenceOf(request), options)) return;
    return reply.code(403).send({ error: crossSiteMessage });
  });
}
