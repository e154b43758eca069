import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, type AnonymousActor, anonymousAt } from '../core/actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: set by the session hook; the anonymous reader until proven otherwise. */
    actor: Actor;
    /** The signed-in session's CSRF token, or null without a session. */
    csrfToken: string | null;
  }
}

/**
 * Gives every request an actor before anything else runs: the anonymous reader at the
 * client's address. The session hook (server/auth) replaces it when a valid session cookie
 * comes with the request, so a missing or broken session can only ever show less.
 */
export function registerRequestActor(app: FastifyInstance): void {
  // Fastify wants a plain value here; the hook below gives every request its own actor.
  app.decorateRequest('actor', null as unknown as AnonymousActor);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    request.actor = anonymousAt(request.ip);
    request.csrfToken = null;
  });
}

/** The actor of a request: what every route passes to its service as the first argument. */
export function actorOf(request: FastifyRequest): Actor {
  return request.actor ?? anonymousAt(request.ip);
}
