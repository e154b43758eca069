import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ApiError, onWriteRefused, requestJson, setCsrfToken } from './client.ts';

/** Every request the stubbed fetch saw, with its headers as a plain object. */
let seen: Array<{ url: string; method: string; headers: Record<string, string> }>;
let answer: () => Response;

beforeEach(() => {
  seen = [];
  answer = () => json(200, { ok: true });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    seen.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
    });
    return answer();
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  onWriteRefused(null);
});

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

describe('the CSRF token', () => {
  test.each(['POST', 'PUT', 'PATCH', 'DELETE'] as const)('goes with every %s', async (method) => {
    setCsrfToken('token-123');
    await requestJson('/api/items/1', { method, body: { version: 1 } });
    expect(seen[0]?.headers['x-csrf-token']).toBe('token-123');
  });

  test('does not go with a GET', async () => {
    setCsrfToken('token-123');
    await requestJson('/api/meetings');
    expect(seen[0]?.headers).not.toHaveProperty('x-csrf-token');
  });

  test('is left out while nobody is signed in', async () => {
    await requestJson('/api/items/1', { method: 'PATCH', body: {} });
    expect(seen[0]?.headers).not.toHaveProperty('x-csrf-token');
  });

  test('goes with a file upload too, beside its own headers', async () => {
    setCsrfToken('token-456');
    await requestJson('/api/items/1/attachments', {
      method: 'POST',
      body: new Blob(['%PDF']),
      headers: { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' },
    });
    expect(seen[0]?.headers).toMatchObject({
      'x-csrf-token': 'token-456',
      'content-type': 'application/pdf',
    });
  });
});

describe('a refused write', () => {
  /** The statuses the session module was told about. */
  let refused: number[];
  beforeEach(() => {
    refused = [];
    onWriteRefused((status) => refused.push(status));
  });

  test('401 is told (the session module sends the user to sign in), and still fails', async () => {
    answer = () => json(401, { error: 'Log ind først.' });
    const request = requestJson('/api/meetings/1/publish-agenda', { method: 'POST' });
    await expect(request).rejects.toMatchObject({ status: 401, message: 'Log ind først.' });
    expect(refused).toEqual([401]);
  });

  test.each([403, 404])('%i is told too: an ended session may be why', async (status) => {
    answer = () => json(status, { error: 'Mødet findes ikke.' });
    await expect(requestJson('/api/items/1', { method: 'PATCH', body: {} })).rejects.toMatchObject({
      status,
    });
    expect(refused).toEqual([status]);
  });

  test('a conflict or a server error is not', async () => {
    for (const status of [409, 423, 500]) {
      answer = () => json(status, { error: 'Nej.' });
      await expect(requestJson('/api/items/1', { method: 'PATCH', body: {} })).rejects.toThrow();
    }
    expect(refused).toEqual([]);
  });

  test('a refused read is only an error: the page shows it with a way to sign in', async () => {
    answer = () => json(401, { error: 'Log ind først.' });
    await expect(requestJson('/api/users')).rejects.toBeInstanceOf(ApiError);
    expect(refused).toEqual([]);
  });

  test('a 401 from signing in is the answer (a wrong password), not a lost session', async () => {
    answer = () => json(401, { error: 'Forkert brugernavn eller adgangskode.' });
    const request = requestJson('/api/session', {
      method: 'POST',
      body: { username: 'a', password: 'b' },
      isSessionRequest: true,
    });
    await expect(request).rejects.toMatchObject({
      message: 'Forkert brugernavn eller adgangskode.',
    });
    expect(refused).toEqual([]);
  });
});

describe('a 403', () => {
  test("shows the server's Danish reason", async () => {
    answer = () => json(403, { error: 'Det kræver, at du er sekretær for forummet.' });
    await expect(requestJson('/api/meetings/1/start', { method: 'POST' })).rejects.toMatchObject({
      status: 403,
      message: 'Det kræver, at du er sekretær for forummet.',
    });
  });

  test('has a Danish message when the server gives none', async () => {
    answer = () => new Response('', { status: 403 });
    await expect(requestJson('/api/forums', { method: 'POST', body: {} })).rejects.toMatchObject({
      message: 'Du har ikke adgang til at gøre dette.',
    });
  });
});
