import { request } from 'node:http';
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientErrorAnswer } from './client-errors.ts';
import { buildSecurityTestApp } from './security-test-app.ts';

let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  ({ app } = await buildSecurityTestApp());
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  port = Number(new URL(address).port);
});
afterAll(() => app.close());

interface Answer {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** Sends a request with node:http, optionally chunked (no Content-Length). */
function send(options: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  chunks?: Buffer[];
}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'],
            body: Buffer.concat(parts).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    for (const chunk of options.chunks ?? []) outgoing.write(chunk);
    outgoing.end();
  });
}

describe('errors Node answers before Fastify', () => {
  it('answers headers over 16 KB with a Danish 431', async () => {
    const answer = await send({
      path: '/api/search?q=a',
      headers: { 'x-large': 'a'.repeat(20 * 1024) },
    });
    expect(answer.status).toBe(431);
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual({
      error: 'Forespørgslens headere er for store: højst 16 KB.',
    });
  });

  it('answers an address over the limit with a Danish 414', async () => {
    const answer = await send({ path: `/api/search?q=${'a'.repeat(20 * 1024)}` });
    expect(answer.status).toBe(414);
    expect(JSON.parse(answer.body).error).toMatch(/^Adressen er for lang: .*16 KB\.$/u);
  });

  it('answers a request that cannot be read with a Danish 400', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('FOO BAR\r\n\r\n'));
      let text = '';
      socket.on('data', (part) => {
        text += part.toString('utf8');
      });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /u);
    expect(raw).toContain('{"error":"Forespørgslen kunne ikke læses."}');
  });

  it('still answers ordinary requests', async () => {
    expect((await send({ path: '/api/search?q=a' })).status).toBe(200);
  });
});

describe('a chunked body over the limit', () => {
  it('gets 413 naming the JSON limit, though no Content-Length announced it', async () => {
    const megabyte = Buffer.alloc(1024 * 1024, 'a');
    const answer = await send({
      method: 'POST',
      path: '/api/meetings',
      headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
      chunks: [Buffer.from('{"title":"'), megabyte, megabyte, megabyte, Buffer.from('"}')],
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'Forespørgslen er for stor: højst 2 MB.' });
  });
});

describe('clientErrorAnswer', () => {
  it('tells a long address from large headers by the request line', () => {
    const longLine = Buffer.from(`GET /${'a'.repeat(12_000)} HTTP/1.1\r\nHost: x\r\n`);
    const longHeader = Buffer.from(`GET / HTTP/1.1\r\nX: ${'a'.repeat(12_000)}\r\n`);
    const overflow = (rawPacket: Buffer) =>
      clientErrorAnswer(
        Object.assign(new Error('overflow'), { code: 'HPE_HEADER_OVERFLOW', rawPacket }),
      );
    expect(overflow(longLine).status).toBe(414);
    expect(overflow(longHeader).status).toBe(431);
    expect(
      clientErrorAnswer(Object.assign(new Error('t'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' })).status,
    ).toBe(408);
  });
});
