import Fastify, { type FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { maxAttachmentBytes } from '../../core/attachment-type.ts';
import { isoDateSchema } from '../../core/text-input.ts';
import { ServiceError } from '../../services/service-error.ts';
import { registerRequestActor } from '../request-actor.ts';
import { handleClientError, registerSecurity, type SecurityOptions } from './register-security.ts';
import { defaultSecurityOptions } from './security-options.ts';

/** The session token the test app's stand-in session hook gives `x-test-session: yes`. */
export const testSessionToken = 'token-0123456789abcdef';

/**
 * For the security tests: a small Fastify app built as `buildApp` builds the real one (body
 * limit, client error handler, zod, registerSecurity first, Danish error answers), with a
 * stand-in session hook and a few routes shaped like Referat's. `calls` counts the handler
 * runs, so a test can tell a refused request never reached a route.
 */
export async function buildSecurityTestApp(
  options: SecurityOptions = defaultSecurityOptions,
): Promise<{ app: FastifyInstance; calls: string[] }> {
  const calls: string[] = [];
  const app = Fastify({ bodyLimit: 2 * 1024 * 1024, clientErrorHandler: handleClientError });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await registerSecurity(app, options);
  registerRequestActor(app);
  app.addHook('onRequest', async (request) => {
    if (request.headers['x-test-session'] === 'yes') request.csrfToken = testSessionToken;
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ServiceError)
      return reply.code(error.status).send({ error: error.message });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    return reply.code(status).send({ error: `Fejl ${status}` });
  });
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/meetings/:id/publish-agenda', async (request) => {
    calls.push(`publish ${request.url}`);
    return { status: 'agenda-published' };
  });
  api.post(
    '/api/meetings',
    { schema: { body: z.object({ title: z.string().optional(), date: isoDateSchema }) } },
    async (request) => {
      calls.push('create');
      return request.body;
    },
  );
  api.get(
    '/api/search',
    { schema: { querystring: z.object({ q: z.string() }) } },
    async (request) => ({ q: request.query.q }),
  );
  api.get('/arkiv', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send('<!doctype html><title>Arkiv</title>'),
  );
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: maxAttachmentBytes + 1 },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/items/:id/attachments',
      { bodyLimit: maxAttachmentBytes + 1 },
      async (request) => {
        calls.push('upload');
        return { bytes: Buffer.isBuffer(request.body) ? request.body.length : 0 };
      },
    );
  });
  return { app, calls };
}
