import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { binaryAnswer, readErrors } from './response-contract.ts';

/** Where Vite writes the built React app (see app/vite.config.ts). */
export const appDistFolder = fileURLToPath(new URL('../../app/dist/', import.meta.url));
const appSourceFolder = fileURLToPath(new URL('../../app/', import.meta.url));
const appPublicFolder = fileURLToPath(new URL('../../app/public/', import.meta.url));

/**
 * Whether the built app is missing or older than its sources: then `npm start` builds it. The
 * newest modification time under app/ (outside dist) against the built index.html.
 */
export function isAppBuildStale(): boolean {
  const built = `${appDistFolder}index.html`;
  if (!existsSync(built)) return true;
  return newestModification(appSourceFolder) > statSync(built).mtimeMs;
}

function newestModification(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    // Tests beside the app's modules are not part of the build.
    if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.endsWith('.test.ts'))
      continue;
    const path = `${folder}${entry.name}`;
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestModification(`${path}/`) : statSync(path).mtimeMs,
    );
  }
  return newest;
}

/**
 * Builds the React app with Vite (a devDependency: installed by `npm install`). Always a
 * production build: started from the tests, NODE_ENV is "test", and Vite would then compile
 * JSX for React's development runtime, which the production bundle does not have.
 */
export async function buildWebApp(): Promise<void> {
  const { build } = await import('vite');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: fileURLToPath(new URL('../../app/vite.config.ts', import.meta.url)),
      logLevel: 'warn',
      mode: 'production',
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/**
 * Serves the built app: hashed files under /assets (cached for a year), and index.html for
 * every other page address that is not the API or the script-free archive, so that the app's
 * own routes (/moeder/12, /soeg …) load on a reload or a shared link.
 */
export async function registerAppAssets(app: FastifyInstance): Promise<void> {
  const hasBuild = existsSync(`${appDistFolder}index.html`);
  if (hasBuild)
    await app.register(fastifyStatic, {
      root: `${appDistFolder}assets`,
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
    });
  registerPublicFiles(app);
  const indexHtml = hasBuild ? readFileSync(`${appDistFolder}index.html`, 'utf8') : null;
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (!isAppPageRequest(request)) return reply.code(404).send({ error: 'Siden findes ikke.' });
    if (!indexHtml)
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="da"><meta charset="utf-8"><title>Referat</title><main><h1>Appen er ikke bygget</h1><p>Start Referat med <code>npm start</code>, som bygger appen. Arkivet uden JavaScript findes på <a href="/arkiv">/arkiv</a>.</p></main></html>',
        );
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(indexHtml);
  });
}

/**
 * Whether a request that no route answered asks for one of the app's pages. The front page is
 * always the app, whatever the Accept header says (`curl http://localhost:3000/` sends
 * `*\/*`). Another address is a page when the client accepts HTML, or anything, or says
 * nothing; a script's request for a missing image or JSON file still gets the JSON 404, and so
 * does every unknown address under /api/ and /assets/.
 */
export function isAppPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/')) return false;
  if (path === '/') return true;
  const accept = request.headers.accept;
  return accept === undefined || accept.includes('text/html') || accept.includes('*/*');
}

/** Files Vite copies unchanged from app/public to the root of app/dist, by extension. */
const publicFileTypes: Record<string, string> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves the app's public files (the favicon) at the site's root, as Vite's build places them.
 * The routes come from app/public, so that the route table is the same with or without a build;
 * the bytes come from app/dist, where the build copied them, and are read on each request
 * because a rebuild may replace them. Cached for a day: their names carry no hash.
 */
function registerPublicFiles(app: FastifyInstance): void {
  if (!existsSync(appPublicFolder)) return;
  for (const entry of readdirSync(appPublicFolder, { withFileTypes: true })) {
    const type = publicFileTypes[extname(entry.name)];
    if (!entry.isFile() || !type) continue;
    const response = { 200: binaryAnswer(`${entry.name} (${type})`), ...readErrors };
    app.get(`/${entry.name}`, { schema: { hide: true, response } }, async (_request, reply) => {
      const built = `${appDistFolder}${entry.name}`;
      if (!existsSync(built)) return reply.code(404).send({ error: 'Siden findes ikke.' });
      return reply
        .type(type)
        .header('cache-control', 'public, max-age=86400')
        .send(readFileSync(built));
    });
  }
}
