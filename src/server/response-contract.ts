import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import { errorAnswerSchema } from '../core/api-contract/errors.ts';

/**
 * The API's contract: every route declares the answers it gives (its response schemas), so the
 * OpenAPI document at /api/docs/json is complete. The JSON bodies are checked against their
 * schemas by the zod serializer; this file adds the error answers every route may give and,
 * when the contract is enforced (the tests), turns an answer with an undeclared status into a
 * 500 that names the route, so that no test passes over a route that says more than it declares.
 */

/** What each error status means, as the OpenAPI document describes it. */
const errorMeanings: Record<number, string> = {
  400: 'Ugyldig forespørgsel',
  401: 'Ikke logget ind',
  403: 'Ikke tilladt',
  404: 'Findes ikke, eller må ikke ses af denne bruger',
  409: 'Konflikt: ændret af en anden, eller ikke muligt i mødets tilstand',
  413: 'Indholdet er for stort',
  415: 'Indholdstypen kan ikke bruges',
  421: 'Adressens værtsnavn hører ikke til denne server',
  423: 'Låst: mødet er importeret fra arkivet og er endeligt',
  429: 'For mange forsøg; vent lidt',
  500: 'Fejl på serveren',
  503: 'Serveren har for travlt; prøv igen om lidt',
};

/** Error answers for these statuses: each a Danish `{ error }`, described by what it means. */
export function errorAnswers<const S extends number>(
  ...statuses: S[]
): Record<S, typeof errorAnswerSchema> {
  return Object.fromEntries(
    statuses.map((status) => [status, errorAnswerSchema.describe(errorMeanings[status] ?? 'Fejl')]),
  ) as Record<S, typeof errorAnswerSchema>;
}

/** A read of one thing the reader may not be let to know exists: 404. */
export const readErrors = errorAnswers(404);

/**
 * A read the policy decides beyond seeing the meeting (a preview, the history, the mail
 * deliveries): any of its refusals.
 */
export const guardedReadErrors = errorAnswers(401, 403, 404, 409, 423);

/**
 * A write through the command pipeline: bad input, not signed in, not allowed, not found, a
 * conflict (a newer version, or the meeting's state), and an archive meeting's lock.
 */
export const writeErrors = errorAnswers(400, 401, 403, 404, 409, 423);

/** Bytes sent as they are (a PDF, a Word file, a Bilag), past the serializer. */
export function binaryAnswer(description: string) {
  return z
    .custom<Buffer>((value) => Buffer.isBuffer(value) || value instanceof Uint8Array)
    .meta({ description, type: 'string', format: 'binary' });
}

/** Text sent as it is (HTML, Atom, iCalendar), described by its media type. */
export function textAnswer(description: string) {
  return z.string().meta({ description, type: 'string' });
}

/** No content: 204, 304 and redirects. */
export function emptyAnswer(description: string) {
  return z.void().describe(description);
}

/** Statuses any route may answer: a malformed address, a foreign host, a server error. */
const everyRouteStatuses = [400, 421, 500, 503];
/** And any write: the CSRF check, a body too large, a body of the wrong type. */
const everyWriteStatuses = [403, 413, 415];
const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers that broke the contract ("GET /url → 418"), when it is enforced. */
    contractViolations: string[];
  }
}

/**
 * Adds the shared error answers to every route that declares its answers, and, when enforced,
 * checks each answer's status against the route's declaration. Register before the routes.
 */
export function registerResponseContract(app: FastifyInstance, isEnforced: boolean): void {
  const violations: string[] = [];
  app.decorate('contractViolations', violations);
  app.addHook('onRoute', addSharedErrorAnswers);
  if (!isEnforced) return;
  app.addHook('onSend', async (request, reply, payload) => {
    const violation = contractViolationOf(request, reply);
    if (!violation) return payload;
    violations.push(violation);
    request.log.error({ violation }, 'answer outside the API contract');
    reply.code(500).type('application/json; charset=utf-8');
    return JSON.stringify({ error: `Svaret følger ikke API-beskrivelsen: ${violation}` });
  });
}

/** Whether the contract is enforced: in the tests (REFERAT_ENFORCE_API_CONTRACT=1). */
export function isContractEnforcedByEnvironment(): boolean {
  return process.env.REFERAT_ENFORCE_API_CONTRACT === '1';
}

function addSharedErrorAnswers(route: RouteOptions): void {
  const response = route.schema?.response as Record<string, unknown> | undefined;
  if (!response) return;
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const isWrite = methods.some((method) => !readMethods.has(method));
  const shared = isWrite ? [...everyRouteStatuses, ...everyWriteStatuses] : everyRouteStatuses;
  for (const [status, schema] of Object.entries(errorAnswers(...shared)))
    response[status] ??= schema;
}

/** "GET /api/x → 418" when this answer's status is not among the route's declared answers. */
function contractViolationOf(request: FastifyRequest, reply: FastifyReply): string | null {
  const url = request.routeOptions.url;
  // No route matched: the not-found handler answers 404 for every address alike.
  if (url === undefined) return null;
  const where = `${request.method} ${url}`;
  const schema = request.routeOptions.schema as
    | { hide?: boolean; response?: Record<string, unknown> }
    | undefined;
  const response = schema?.response;
  // The built app's hashed files (@fastify/static) are not part of the API or its document.
  if (!response && schema?.hide === true) return null;
  if (!response) return `${where} har ingen svarbeskrivelse`;
  const status = String(reply.statusCode);
  const declared = [status, `${status[0]}XX`, `${status[0]}xx`, 'default'];
  return declared.some((key) => key in response) ? null : `${where} → ${status}`;
}
