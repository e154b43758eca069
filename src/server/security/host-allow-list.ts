import type { FastifyInstance } from 'fastify';
import type { SecurityOptions } from './security-options.ts';

/** The answer to a request for a host name the server does not have. */
export const wrongHostMessage =
  'Forkert adresse: Referat svarer kun på sine egne adresser (se REFERAT_PUBLIC_URL).';

/**
 * The host name a Host header names, as a URL writes it ("Referat.dk:3000" → "referat.dk",
 * "[::1]:80" → "[::1]"); null when the header is missing or is not just a host and a port.
 */
export function hostNameOfHeader(host: string | undefined): string | null {
  if (!host || !URL.canParse(`http://${host}`)) return null;
  const url = new URL(`http://${host}`);
  const isHostOnly = url.username === '' && url.password === '' && url.pathname === '/';
  return isHostOnly && !host.includes('/') && !host.includes('?') ? url.hostname : null;
}

/** Whether a Host header names one of the allowed host names (at any port). */
export function isAllowedHost(host: string | undefined, options: SecurityOptions): boolean {
  const name = hostNameOfHeader(host);
  return name !== null && options.allowedHostNames.includes(name);
}

/**
 * Answers 421 to every request whose Host header names another host, before anything else
 * runs. A DNS-rebinding page (evil.test resolving to 127.0.0.1) reaches the server with
 * "Host: evil.test" and so can never read the API's answers.
 */
export function registerHostAllowList(app: FastifyInstance, options: SecurityOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isAllowedHost(request.headers.host, options)) return;
    return reply.code(421).header('connection', 'close').send({ error: wrongHostMessage });
  });
}
