import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { da } from 'zod/locales';
import { SearchBusyError } from '../search/search-pool.ts';
import type { Archive } from '../services/archive.ts';
import type { AuthConfig } from '../services/auth/auth-config.ts';
import { ServiceError } from '../services/service-error.ts';
import { isUniqueViolation } from '../store/write-conflicts.ts';
import { registerAppAssets } from './app-assets.ts';
import { registerAuth } from './auth/register-auth.ts';
import { measureRequests, registerMetricsRoute } from './metrics.ts';
import { type OverloadLimits, registerOverloadProtection } from './overload.ts';
import { registerApiDocsPage } from './pages/api-docs.page.ts';
import { registerArchivePages } from './pages/archive.pages.ts';
import { registerRequestActor } from './request-actor.ts';
import { loggerOptions, registerRequestId, requestIdOf } from './request-logging.ts';
import { isContractEnforcedByEnvironment, registerResponseContract } from './response-contract.ts';
import { registerDocumentRoutes } from './routes/documents.routes.ts';
import { registerFeedRoutes } from './routes/feeds.routes.ts';
import { registerFollowupRoutes } from './routes/followups.routes.ts';
import { registerForumRoutes } from './routes/forums.routes.ts';
import { registerHealthRoutes } from './routes/health.routes.ts';
import { registerItemRoutes } from './routes/items.routes.ts';
import { registerMailRoutes } from './routes/mail.routes.ts';
import { registerMeetingRoutes } from './routes/meetings.routes.ts';
import { registerOparlRoutes } from './routes/oparl.routes.ts';
import { registerPersonalFeedRoutes } from './routes/personal-feed.routes.ts';
import { registerPlanningRoutes } from './routes/planning.routes.ts';
import { registerPlanningAheadRoutes } from './routes/planning-ahead.routes.ts';
import { registerSearchRoutes } from './routes/search.routes.ts';
import { registerSettingsRoutes } from './routes/settings.routes.ts';
import {
  defaultSecurityOptions,
  handleClientError,
  registerSecurity,
  type SecurityOptions,
} from './security/register-security.ts';

/** What the app needs: the open archive, and whether to log requests. */
export interface AppOptions {
  archive: Archive;
  isLogging?: boolean;
  /** Refuse with 503 while overloaded (npm start sets it from the environment); off unless given. */
  overload?: OverloadLimits | null;
  /** Where the JSON log lines go (stdout unless given; tests read them). */
  logStream?: { write(line: string): void };
  /** Allowed hosts and public URLs (securityOptionsFromEnvironment); loopback only by default. */
  security?: SecurityOptions;
  /** Sign-in settings (single sign-on, public URL); read from the environment unless given. */
  auth?: AuthConfig;
  /**
   * Answer 500 when a route answers a status it does not declare (the tests do, through
   * REFERAT_ENFORCE_API_CONTRACT=1); off by default, where the answer goes out as it is.
   */
  isContractEnforced?: boolean;
}

/**
 * Builds the Fastify application: a JSON API validated with zod, with OpenAPI documentation at
 * /api/docs. Errors always answer with a Danish message and never a stack trace.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Validation messages in Danish ("Ugyldigt input: forventede tal …").
  z.config(da());
  const app = Fastify({
    logger: loggerOptions(options.isLogging === true, options.logStream),
    genReqId: requestIdOf,
    bodyLimit: 2 * 1024 * 1024,
    // Requests Node refuses before Fastify (headers over 16 KB) are answered in Danish too.
    clientErrorHandler: handleClientError,
    // Errors Fastify meets before routing (a malformed address) also answer in Danish.
    frameworkErrors: (_error, _request, reply) => {
      (reply as FastifyReply).code(400).send({ error: 'Adressen er ugyldig.' });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(answerError);
  registerRequestId(app);
  const metrics = measureRequests(app, options.archive);
  if (options.overload) await registerOverloadProtection(app, options.overload);
  recordRouteTable(app);
  registerResponseContract(app, options.isContractEnforced ?? isContractEnforcedByEnvironment());
  // The error handler and the OpenAPI collector come before any route, so that every route
  // (sign-in's too) answers errors in Danish and appears in the API document.
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Referat API',
        description: 'Dagsordener, referater og arkiv',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  // Hooks before routes, so that every route has them. On a request: the anonymous actor, the
  // Host check, then the session (which may sign the actor in), then, before the body is
  // read, the CSRF check against the session's token.
  registerRequestActor(app);
  await registerSecurity(app, options.security ?? defaultSecurityOptions);
  await registerAuth(app, options.archive, options.auth);
  await app.register(async (api) => {
    registerMeetingRoutes(api, options.archive);
    registerSearchRoutes(api, options.archive);
    registerPlanningRoutes(api, options.archive);
    registerPlanningAheadRoutes(api, options.archive);
    registerItemRoutes(api, options.archive);
    registerForumRoutes(api, options.archive);
    registerDocumentRoutes(api, options.archive);
    registerOparlRoutes(api, options.archive, options.security?.publicOrigins);
    registerMailRoutes(api, options.archive);
    registerFeedRoutes(api, options.archive, options.auth);
    registerPersonalFeedRoutes(api, options.archive, options.auth);
    registerFollowupRoutes(api, options.archive);
    registerSettingsRoutes(api, options.archive);
    registerHealthRoutes(api, options.archive);
    registerMetricsRoute(api, metrics);
    registerArchivePages(api, options.archive);
    registerApiDocsPage(api);
  });
  await registerAppAssets(app);
  return app;
}

/** Every error as a Danish answer: the service's status, 409 for clashes, 400 for bad input. */
function answerError(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ServiceError)
    return reply.code(error.status).send({ ...error.details, error: error.message });
  // More searches wait than the search threads can take: say so, rather than queue forever.
  if (error instanceof SearchBusyError)
    return reply.code(503).header('retry-after', '2').send({ error: error.message });
  // Two simultaneous writes of the same new thing (a meeting that day, a publication number):
  // the database's unique constraint stops the second one, which may simply try again.
  if (isUniqueViolation(error))
    return reply.code(409).send({
      error: 'En anden gemte det samme samtidig. Genindlæs siden, og prøv igen.',
    });
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const where = first?.instancePath?.replace(/^\//u, '').replaceAll('/', '.') || 'forespørgslen';
    return reply
      .code(400)
      .send({ error: `Ugyldig forespørgsel: ${where}: ${first?.message ?? 'ugyldig værdi'}` });
  }
  const statusCode = (error as { statusCode?: unknown }).statusCode;
  const status = typeof statusCode === 'number' && statusCode >= 400 ? statusCode : 500;
  if (status >= 500) request.log.error(error);
  const code = (error as { code?: unknown }).code;
  return reply.code(status).send({
    error:
      status >= 500
        ? 'Der skete en fejl på serveren. Prøv igen.'
        : (bodyErrors[String(code)] ?? danishClientError(status)),
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as "METHOD /url", in registration order (HEAD left out). */
    routeTable: string[];
  }
}

/**
 * Keeps the route table, so that tests can go through every route (the permission matrix
 * fails when a new route has no rule).
 */
function recordRouteTable(app: FastifyInstance): void {
  const table: string[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') table.push(`${method} ${route.url}`);
  });
}

/** Fastify's errors about a request body, in Danish. */
const bodyErrors: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Forespørgslens JSON kan ikke læses.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Forespørgslen mangler indhold.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Typen af indhold understøttes ikke; send JSON.',
};

function danishClientError(status: number): string {
  switch (status) {
    case 413:
      return 'Forespørgslen er for stor: højst 2 MB.';
    case 415:
      return 'Typen af indhold understøttes ikke.';
    case 404:
      return 'Findes ikke.';
    default:
      return 'Forespørgslen kunne ikke behandles.';
  }
}
