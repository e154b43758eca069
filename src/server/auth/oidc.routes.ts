import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuthConfig } from '../../services/auth/auth-config.ts';
import type { OidcService } from '../../services/auth/oidc-service.ts';
import { ServiceError } from '../../services/service-error.ts';
import { errorResponses, redirectSchema } from './auth-schemas.ts';
import { clientOf, setSessionCookie } from './session-hook.ts';

/** The app's sign-in page, where a failed single sign-on lands with `?fejl=…`. */
export const signInPagePath = '/log-ind';

const unavailableMessage = 'Log-ind-tjenesten svarer ikke. Prøv igen om lidt.';

/** A path on this site to return to: one leading slash, never `//host` or `/\host`. */
export function isSameSitePath(path: string): boolean {
  if (!/^\/(?![/\\])/u.test(path) || path.includes('\\') || path.length > 2000) return false;
  // Control characters (a smuggled line break, say) never belong in a Location header.
  return [...path].every((character) => character.charCodeAt(0) >= 0x20);
}

/**
 * Single sign-on: /start sends the browser to the identity provider, /callback receives it
 * back, signs the user in and sends them on to where they were (or to the sign-in page with
 * a Danish reason). Answers 404 when single sign-on is not configured.
 */
export function registerOidcRoutes(
  app: FastifyInstance,
  options: { config: AuthConfig; oidc: OidcService | null },
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const requireOidc = (): OidcService => {
    if (!options.oidc) throw new ServiceError(404, 'Single sign-on er ikke sat op.');
    return options.oidc;
  };
  api.get(
    '/api/auth/oidc/start',
    {
      schema: {
        summary: 'Log ind med single sign-on',
        querystring: z.object({
          returnTo: z
            .string()
            .refine(isSameSitePath, 'skal være en sti på dette websted, fx /moeder')
            .optional(),
        }),
        response: { 302: redirectSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const oidc = requireOidc();
      const url = await oidc.startSignIn(request.query.returnTo ?? null).catch((error: unknown) => {
        request.log.warn(error);
        return null;
      });
      return reply.redirect(url?.href ?? failurePath(unavailableMessage), 302);
    },
  );
  api.get(
    '/api/auth/oidc/callback',
    {
      schema: {
        summary: 'Svar fra log-ind-tjenesten (single sign-on)',
        response: { 302: redirectSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const oidc = requireOidc();
      const query = new URLSearchParams(request.url.split('?')[1] ?? '');
      const result = await oidc.finishSignIn(query, clientOf(request));
      if (!result.isSignedIn) return reply.redirect(failurePath(result.message), 302);
      setSessionCookie(reply, request, result.session.token, options.config);
      const returnTo = isSameSitePath(result.returnTo) ? result.returnTo : '/';
      return reply.redirect(returnTo, 302);
    },
  );
}

function failurePath(message: string): string {
  return `${signInPagePath}?fejl=${encodeURIComponent(message)}`;
}
