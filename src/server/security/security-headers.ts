import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { SecurityOptions } from './security-options.ts';

/** A year, in seconds: how long a browser keeps to https once it has seen HSTS. */
const hstsMaxAgeSeconds = 365 * 24 * 60 * 60;

/** Whether the site is published only over https: then answers carry HSTS. */
export function isPublishedOverHttps(options: SecurityOptions): boolean {
  return (
    options.publicOrigins.length > 0 &&
    options.publicOrigins.every((origin) => origin.startsWith('https://'))
  );
}

/**
 * The helmet options: a Content-Security-Policy that runs only the app's own script files (no
 * inline script, no eval, no plugins), lets nobody frame a page, and keeps 'unsafe-inline' for
 * styles only, because the /arkiv pages and /api/docs carry their style sheet in a <style>
 * element; plus nosniff, Referrer-Policy same-origin, and HSTS when the public URL is https.
 * The app's favicon is a data: URL, hence img-src data:.
 */
export function helmetOptionsFor(options: SecurityOptions): HelmetOptions {
  const isHttps = isPublishedOverHttps(options);
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Over plain http (a laptop, the local network) upgrading would break every request.
        ...(isHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: isHttps ? { maxAge: hstsMaxAgeSeconds } : false,
    // X-Content-Type-Options: nosniff is on by default (helmet refuses an explicit `true`).
  };
}

/**
 * The headers helmet sets, worked out once: they depend on the settings alone, and helmet's
 * Fastify plugin would parse the policy anew for every request (a tenth of a millisecond each,
 * most of a cached meeting's answer).
 */
export function securityHeadersFor(options: SecurityOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  helmet(helmetOptionsFor(options))(
    {} as Parameters<ReturnType<typeof helmet>>[0],
    collector,
    () => {},
  );
  return headers;
}

/** Sets the security headers on every answer: pages, JSON, files and errors alike. */
export function registerSecurityHeaders(app: FastifyInstance, options: SecurityOptions): void {
  const headers = securityHeadersFor(options);
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
}
