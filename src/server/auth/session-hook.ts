import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Archive } from '../../services/archive.ts';
import {
  type ClientInfo,
  type ResolvedSession,
  resolveSession,
  sessionAbsoluteLifetimeMs,
} from '../../services/auth/session-service.ts';

/** The session cookie's name. */
export const sessionCookieName = 'referat_session';

/** What the session cookie's flags depend on. */
export interface SessionOptions {
  /** Where users reach Referat; https there makes the cookie Secure. */
  publicUrl: URL | null;
}

const sessions = new WeakMap<FastifyRequest, ResolvedSession>();

/**
 * Reads the session cookie on every request, after the default hook in request-actor.ts has
 * made the request anonymous: a valid session makes the request its user's, with the
 * session's CSRF token; an unknown or expired one is cleared and the request stays anonymous.
 * A user who must change their password stays anonymous too, except for the session routes.
 */
export async function registerSessions(
  app: FastifyInstance,
  archive: Archive,
  options: SessionOptions,
): Promise<void> {
  if (!app.hasDecorator('parseCookie')) await app.register(fastifyCookie);
  app.addHook('onRequest', async (request, reply) => {
    const token = readSessionToken(app, request);
    if (!token) return;
    const session = await resolveSession(archive, token, clientOf(request));
    if (!session) {
      clearSessionCookie(reply, request, options);
      return;
    }
    sessions.set(request, session);
    request.csrfToken = session.csrfToken;
    if (!session.mustChangePassword) request.actor = session.actor;
  });
}

/** The request's valid session, even one that must change its password first; or null. */
export function sessionOf(request: FastifyRequest): ResolvedSession | null {
  return sessions.get(request) ?? null;
}

/** Where a request comes from, for the session and the audit log. */
export function clientOf(request: FastifyRequest): ClientInfo {
  return { address: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over https. */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  options: SessionOptions,
): void {
  reply.setCookie(sessionCookieName, token, {
    ...cookieFlags(request, options),
    maxAge: Math.floor(sessionAbsoluteLifetimeMs / 1000),
  });
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  options: SessionOptions,
): void {
  reply.clearCookie(sessionCookieName, cookieFlags(request, options));
}

function cookieFlags(request: FastifyRequest, options: SessionOptions) {
  const isSecure = options.publicUrl?.protocol === 'https:' || request.protocol === 'https';
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure } as const;
}

function readSessionToken(app: FastifyInstance, request: FastifyRequest): string | null {
  const cookies = request.cookies ?? app.parseCookie(request.headers.cookie ?? '');
  const token = cookies[sessionCookieName];
  return token ? token : null;
}
