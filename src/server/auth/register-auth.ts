import type { FastifyInstance } from 'fastify';
import type { Archive } from '../../services/archive.ts';
import { type AuthConfig, readAuthConfig } from '../../services/auth/auth-config.ts';
import { createOidcService } from '../../services/auth/oidc-service.ts';
import { registerAuditRoutes } from './audit.routes.ts';
import { registerOidcRoutes } from './oidc.routes.ts';
import { registerSessionRoutes } from './session.routes.ts';
import { registerSessions } from './session-hook.ts';
import { registerUserRoutes } from './users.routes.ts';

/**
 * Sign-in and its administration: the session hook (call after registerRequestActor, so that
 * it runs after the default anonymous actor is set), the session, single sign-on, user and
 * audit routes. The configuration comes from the environment unless given (tests give it).
 */
export async function registerAuth(
  app: FastifyInstance,
  archive: Archive,
  config: AuthConfig = readAuthConfig(),
): Promise<void> {
  await registerSessions(app, archive, config);
  const oidc = config.oidc ? createOidcService(archive, config.oidc) : null;
  await app.register(async (routes) => {
    await registerSessionRoutes(routes, archive, { config, oidc });
    registerOidcRoutes(routes, { config, oidc });
    registerUserRoutes(routes, archive);
    registerAuditRoutes(routes, archive);
  });
}
