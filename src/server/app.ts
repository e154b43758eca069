import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { da } from 'zod/locales';
import type { Archive } from '../services/archive.ts';
import { ServiceError } from '../services/service-error.ts';
import { registerAppAssets } from './app-assets.ts';
import { registerApiDocsPage } from './pages/api-docs.page.ts';
import { registerArchivePages } from './pages/archive.pages.ts';
import { registerForumRoutes } from './routes/forums.routes.ts';
import { registerItemRoutes } from './routes/items.routes.ts';
import { registerMeetingRoutes } from './routes/meetings.routes.ts';
import { registerPlanningRoutes } from './routes/planning.routes.ts';
import { registerSearchRoutes } from './routes/search.routes.ts';

/** What the app needs: the open archive, and whether to log requests. */
export interface AppOptions {
  archive: Archive;
  isLogging?: boolean;
}

/**
 * Builds the Fastify application: a JSON API validated with zod, with OpenAPI documentation at
 * /api/docs. Errors always answer with a Danish message and never a stack trace.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  // Validation messages in Danish ("Ugyldigt input: forventede tal …").
  z.config(da());
  const app = Fastify({
    logger: options.isLogging ? { level: 'info' } : false,
    bodyLimit: 2 * 1024 * 1024,
    // Errors Fastify meets before routing (a malformed address) also answer in Danish.
    frameworkErrors: (_error, _request, reply) => {
      (reply as FastifyReply).code(400).send({ error: 'Adressen er ugyldig.' });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ServiceError)
      return reply.code(error.status).send({ ...error.details, error: error.message });
    // Two simultaneous writes of the same new thing (a meeting that day, a publication number):
    // the database's unique constraint stops the second one, which may simply try again.
    if (isUniqueViolation(error))
      return reply.code(409).send({
        error: 'En anden gemte det samme samtidig. Genindlæs siden, og prøv igen.',
      });
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const where =
        first?.instancePath?.replace(/^\//u, '').replaceAll('/', '.') || 'forespørgslen';
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
  });
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
  await app.register(async (api) => {
    registerMeetingRoutes(api, options.archive);
    registerSearchRoutes(api, options.archive);
    registerPlanningRoutes(api, options.archive);
    registerItemRoutes(api, options.archive);
    registerForumRoutes(api, options.archive);
    api.get('/api/health', async () => ({ status: 'ok' }));
    registerArchivePages(api, options.archive);
    registerApiDocsPage(api);
  });
  await registerAppAssets(app);
  return app;
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
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
      return 'Forespørgslen er for stor (et bilag må højst fylde 25 MB).';
    case 415:
      return 'Typen af indhold understøttes ikke.';
    case 404:
      return 'Findes ikke.';
    default:
      return 'Forespørgslen kunne ikke behandles.';
  }
}
