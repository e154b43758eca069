import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Archive } from '../../services/archive.ts';
import type { AuthConfig } from '../../services/auth/auth-config.ts';
import { openTestArchive, testPassword } from '../../services/auth/auth-test-support.ts';
import { ServiceError } from '../../services/service-error.ts';
import { openSqliteFile } from '../../store/database.ts';
import { registerRequestActor } from '../request-actor.ts';
import { registerAuth } from './register-auth.ts';
import { sessionCookieName } from './session-hook.ts';

/** The path of the test app's probe: who the request runs as. */
export const actorProbePath = '/test/actor';

/**
 * For the sign-in tests: a small Fastify app wired as buildApp wires the real one (zod, the
 * request actor, then registerAuth, Danish `{ error }` answers), with a probe route that
 * shows the request's actor and CSRF token.
 */
export async function buildAuthTestApp(
  archive: Archive,
  config: AuthConfig = { publicUrl: null, oidc: null },
): Promise<FastifyInstance> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ServiceError)
      return reply.code(error.status).send({ error: error.message });
    if (hasZodFastifySchemaValidationErrors(error))
      return reply.code(400).send({ error: `Ugyldig forespørgsel: ${error.message}` });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    return reply.code(status).send({ error: `Fejl ${status}` });
  });
  registerRequestActor(app);
  await registerAuth(app, archive, config);
  app.get(actorProbePath, async (request) => ({
    actor: request.actor,
    csrfToken: request.csrfToken,
  }));
  await app.ready();
  return app;
}

/** A fresh archive in memory with the test app over it. */
export interface AuthTestSetup {
  archive: Archive;
  app: FastifyInstance;
}

/** Opens a fresh archive in memory (SQLite) and the test app over it, for a `beforeAll`. */
export async function openAuthTestApp(config?: AuthConfig): Promise<AuthTestSetup> {
  const archive = await openTestArchive(() => openSqliteFile(':memory:'));
  return { archive, app: await buildAuthTestApp(archive, config) };
}

/** Closes the test app, then its archive. */
export async function closeAuthTestApp({ archive, app }: AuthTestSetup): Promise<void> {
  await app.close();
  await archive.close();
}

/** Signs in with a password (`POST /api/session`), from `address` when one is given. */
export function postSignIn(
  app: FastifyInstance,
  username: string,
  password = testPassword,
  address?: string,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username, password },
    remoteAddress: address,
  });
}

/** The session cookie an answer sets, or undefined. */
export function sessionCookieOf(response: LightMyRequestResponse) {
  return response.cookies.find((cookie) => cookie.name === sessionCookieName);
}

/** A request's cookie header carrying a session token. */
export function withSession(token: string): { cookie: string } {
  return { cookie: `${sessionCookieName}=${token}` };
}
