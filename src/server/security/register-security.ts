import type { FastifyInstance } from 'fastify';
import { registerBodyLimits } from './body-limits.ts';
import { registerCsrfProtection } from './csrf-protection.ts';
import { registerHostAllowList } from './host-allow-list.ts';
import { registerInputGuard } from './input-guard.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import type { SecurityOptions } from './security-options.ts';

export { handleClientError } from './client-errors.ts';
export {
  defaultSecurityOptions,
  type SecurityOptions,
  securityOptionsFromEnvironment,
} from './security-options.ts';

/**
 * The web hardening, on the root instance before any route, in the order requests meet it:
 * security headers on every answer (even refusals), the Host allow-list (onRequest, 421), the
 * CSRF check (preParsing, 403), body limits that name the route's real limit (preParsing, 413),
 * and the input guard against NUL and half characters (preValidation, 400). The hooks are added
 * to `app` itself, not in an encapsulated plugin, so every route and the 404 handler get them.
 */
export async function registerSecurity(
  app: FastifyInstance,
  options: SecurityOptions,
): Promise<void> {
  registerSecurityHeaders(app, options);
  registerHostAllowList(app, options);
  registerCsrfProtection(app, options);
  registerBodyLimits(app);
  registerInputGuard(app);
}
