import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../src/server/app.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { loadDemoDataIfEmpty } from '../src/services/demo-data.ts';
import { openSqliteFile } from '../src/store/database.ts';

/**
 * The API's contract: every route declares what it answers, so that /api/docs/json is
 * complete, and an answer outside a route's declaration is an error the tests see (the suite
 * runs with REFERAT_ENFORCE_API_CONTRACT=1, see vitest.config.ts).
 */

interface OpenApiOperation {
  summary?: string;
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

let archive: Archive;
let app: FastifyInstance;

beforeAll(async () => {
  archive = await openArchiveOn(await openSqliteFile(':memory:'));
  await loadDemoDataIfEmpty(archive, new Date());
  app = await buildApp({ archive, isContractEnforced: true });
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Routes that break the contract on purpose, to see that the guard catches them.
  api.get(
    '/test/undeclared-status',
    { schema: { response: { 200: z.object({ ok: z.boolean() }) } } },
    async (_request, reply) => reply.code(202 as 200).send({ ok: true }),
  );
  api.get('/test/no-declaration', async () => ({ ok: true }));
  api.get(
    '/test/wrong-shape',
    { schema: { response: { 200: z.object({ count: z.number() }) } } },
    async () => ({ count: 'many' }) as unknown as { count: number },
  );
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await archive?.close();
});

function operations(): Array<{ where: string; operation: OpenApiOperation }> {
  const document = app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      where: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );
}

describe('the API document', () => {
  it('describes a successful answer and the errors of every operation', () => {
    const listed = operations().filter(({ where }) => !where.includes('/test/'));
    expect(listed.length).toBeGreaterThan(70);
    const undescribed = listed.filter(({ operation }) => {
      const responses = operation.responses ?? {};
      const success = Object.keys(responses).filter((status) => /^[23]/u.test(status));
      return success.length === 0 || !responses['500'] || !responses['400'];
    });
    expect(undescribed.map(({ where }) => where)).toEqual([]);
  });

  it('gives every JSON answer its schema, not just a status', () => {
    const withoutSchema = operations().flatMap(({ where, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => /^[245]/u.test(status) && status !== '204')
        .filter(([, response]) => !response.content)
        .map(([status]) => `${where} → ${status}`),
    );
    expect(withoutSchema.filter((entry) => !entry.includes('/test/'))).toEqual([]);
  });

  it('has a Danish summary for every operation', () => {
    const unnamed = operations()
      .filter(({ where }) => !where.includes('/test/'))
      .filter(({ operation }) => !operation.summary);
    expect(unnamed.map(({ where }) => where)).toEqual([]);
  });

  it('lists every route the server has, but the built app’s files and the document itself', () => {
    const documented = new Set(
      operations().map(({ where }) => where.replace(/\{(\w+)\}/gu, ':$1')),
    );
    const missing = app.routeTable.filter(
      (route) =>
        !documented.has(route) &&
        !route.startsWith('GET /api/docs') &&
        !route.startsWith('GET /assets/') &&
        !/^GET \/[\w.-]+\.(svg|png|ico|txt|webmanifest)$/u.test(route),
    );
    expect(missing).toEqual([]);
  });
});

describe('an answer outside the contract', () => {
  it('is a 500 that names the route and the status', async () => {
    const response = await app.inject({ url: '/test/undeclared-status' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error).toContain('GET /test/undeclared-status → 202');
    expect(app.contractViolations).toContain('GET /test/undeclared-status → 202');
  });

  it('is a 500 for a route that declares nothing', async () => {
    const response = await app.inject({ url: '/test/no-declaration' });
    expect(response.statusCode).toBe(500);
    expect(response.json().error).toContain('har ingen svarbeskrivelse');
  });

  it('is a 500 for a body its schema does not describe, never the body itself', async () => {
    const response = await app.inject({ url: '/test/wrong-shape' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('many');
  });

  it('is not seen for the real routes answering as they declare', async () => {
    const before = app.contractViolations.length;
    for (const url of ['/api/meetings', '/api/forums', '/api/session', '/api/meetings/99999'])
      await app.inject({ url });
    await app.inject({ method: 'POST', url: '/api/meetings', payload: {} });
    expect(app.contractViolations.slice(before)).toEqual([]);
  });
});

describe('the app’s API types', () => {
  it('come from the contract’s schemas, with no hand-kept copy in app/src/api/types.ts', () => {
    const source = readFileSync(new URL('../app/src/api/types.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\binterface\s+\w+/u);
    expect(source).not.toMatch(/type\s+\w+\s*=\s*\{/u);
    for (const area of ['accounts', 'archive', 'forums', 'mail', 'meetings', 'meeting-inputs'])
      expect(source).toContain(`src/core/api-contract/${area}.ts`);
    // The request bodies too: the API modules name the contract's input types.
    for (const module of ['forums', 'meetings', 'users', 'session']) {
      const code = readFileSync(new URL(`../app/src/api/${module}.ts`, import.meta.url), 'utf8');
      expect(code, module).not.toMatch(/body\??:\s*\{\s*\w+\??:\s*(string|number|boolean)\b/u);
      expect(code, module).not.toMatch(/export interface (New|\w+Changes)/u);
    }
  });
});
