import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  passwordChangeSchema,
  sessionSchema,
  signInSchema,
} from '../../core/api-contract/accounts.ts';
import type { Archive } from '../../services/archive.ts';
import type { AuthConfig } from '../../services/auth/auth-config.ts';
import type { OidcService } from '../../services/auth/oidc-service.ts';
import { changeOwnPassword } from '../../services/auth/password-change.ts';
import {
  describeSessionUser,
  type StartedSession,
  signInWithPassword,
  signOut,
} from '../../services/auth/session-service.ts';
import { normalizeUsername } from '../../services/auth/user-service.ts';
import { ServiceError } from '../../services/service-error.ts';
import { createAttemptLimiter, quarterOfAnHourMs } from './attempt-limits.ts';
import { errorResponses } from './auth-schemas.ts';
import { clearSessionCookie, clientOf, sessionOf, setSessionCookie } from './session-hook.ts';

/** What the session routes need besides the archive. */
export interface SessionRouteOptions {
  config: AuthConfig;
  oidc: OidcService | null;
}

type SessionAnswer = z.infer<typeof sessionSchema>;

/**
 * The session: who is signed in (GET), signing in with a password (POST, at most 10 attempts
 * per address and username and 100 per address in 15 minutes), signing out (DELETE), and
 * changing one's own password.
 */
export async function registerSessionRoutes(
  app: FastifyInstance,
  archive: Archive,
  options: SessionRouteOptions,
): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const limitSignIn = await createAttemptLimiter(app, [
    { name: 'sign-in', max: 10, windowMs: quarterOfAnHourMs, key: signInKey },
    { name: 'sign-in-address', max: 100, windowMs: quarterOfAnHourMs, key: (r) => r.ip },
  ]);
  const limitPasswordChange = await createAttemptLimiter(app, [
    { name: 'password', max: 10, windowMs: quarterOfAnHourMs, key: passwordKey },
  ]);
  const answer = (request: FastifyRequest, started?: StartedSession) =>
    presentSession(archive, options, request, started);
  api.get(
    '/api/session',
    { schema: { summary: 'Hvem er logget ind', response: { 200: sessionSchema } } },
    (request) => answer(request),
  );
  api.post(
    '/api/session',
    {
      schema: {
        summary: 'Log ind med brugernavn og adgangskode',
        body: signInSchema,
        response: { 200: sessionSchema, ...errorResponses },
      },
      preHandler: limitSignIn,
    },
    async (request, reply) => {
      const started = await signInWithPassword(archive, request.body, clientOf(request));
      return startCookie(reply, request, options, started).send(await answer(request, started));
    },
  );
  api.delete(
    '/api/session',
    { schema: { summary: 'Log ud', response: { 204: z.void().describe('Logget ud') } } },
    async (request, reply) => {
      const session = sessionOf(request);
      if (session) await signOut(archive, session);
      clearSessionCookie(reply, request, options.config);
      return reply.code(204).send();
    },
  );
  api.post(
    '/api/session/password',
    {
      schema: {
        summary: 'Skift din egen adgangskode',
        description: 'Afslutter alle brugerens sessioner og starter en ny.',
        body: passwordChangeSchema,
        response: { 200: sessionSchema, ...errorResponses },
      },
      preHandler: limitPasswordChange,
    },
    async (request, reply) => {
      const session = sessionOf(request);
      if (!session) throw new ServiceError(401, 'Log ind først.');
      const started = await changeOwnPassword(archive, session, request.body, clientOf(request));
      return startCookie(reply, request, options, started).send(await answer(request, started));
    },
  );
}

function startCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  options: SessionRouteOptions,
  started: StartedSession,
): FastifyReply {
  setSessionCookie(reply, request, started.token, options.config);
  return reply;
}

/** The session answer: the request's session, or the one just started. */
async function presentSession(
  archive: Archive,
  options: SessionRouteOptions,
  request: FastifyRequest,
  started?: StartedSession,
): Promise<SessionAnswer> {
  const userId = started?.userId ?? sessionOf(request)?.userId ?? null;
  const user = userId === null ? null : await describeSessionUser(archive, userId);
  return {
    user,
    csrfToken: user ? (started?.csrfToken ?? request.csrfToken) : null,
    signInMethods: {
      password: true,
      singleSignOn: options.oidc ? { name: options.oidc.name, url: '/api/auth/oidc/start' } : null,
    },
  };
}

function signInKey(request: FastifyRequest): string {
  const body = request.body as { username?: unknown } | undefined;
  const username = typeof body?.username === 'string' ? normalizeUsername(body.username) : '';
  return `${request.ip}|${username}`;
}

function passwordKey(request: FastifyRequest): string {
  return `${request.ip}|${sessionOf(request)?.userId ?? 'none'}`;
}
