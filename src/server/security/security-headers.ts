import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
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
export function helmetOptionsFor(options: SecurityOptions): FastifyHelmetOptions {
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

/** Registers the security headers on every answer: pages, JSON, files and errors alike. */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: SecurityOptions,
): Promise<void> {
  await app.register(fastifyHelmet, helmetOptionsFor(options));
}
