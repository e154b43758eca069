import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hasForbiddenCharacters } from '../../core/text-input.ts';

/**
 * Where in a parsed value the first string (value or key) with a NUL or a lone surrogate sits,
 * as a dotted path ("items.0.title"; "" for the value itself); null when there is none. Walks
 * with its own stack rather than recursion, so a deeply nested body cannot overflow the call
 * stack.
 */
export function findForbiddenText(value: unknown): string | null {
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: '' }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value === 'string') {
      if (hasForbiddenCharacters(next.value)) return next.path;
      continue;
    }
    if (typeof next.value !== 'object' || next.value === null || Buffer.isBuffer(next.value))
      continue;
    for (const [key, child] of Object.entries(next.value)) {
      const path = next.path === '' ? key : `${next.path}.${key}`;
      if (hasForbiddenCharacters(key)) return path;
      pending.push({ value: child, path });
    }
  }
  return null;
}

/** The answer to text holding a NUL or half a character, naming where it was. */
export function forbiddenTextMessage(where: string): string {
  return `Ugyldig forespørgsel: ${where}: indeholder et tegn, der ikke er tilladt (et nultegn eller et halvt tegn).`;
}

/** Where the first forbidden text in a request is: its body, query, path or file name. */
function findForbiddenInput(request: FastifyRequest): string | null {
  const parts: Array<[string, unknown]> = [
    ['forespørgslen', request.body],
    ['adressens parametre', request.query],
    ['adressen', request.params],
  ];
  for (const [part, value] of parts) {
    const path = findForbiddenText(value);
    if (path !== null) return path === '' ? part : path;
  }
  const fileName = request.headers['x-file-name'];
  if (typeof fileName === 'string' && !isAllowedFileName(fileName)) return 'filnavnet';
  return null;
}

/** UTF-8 for U+D800–U+DFFF, which is half a character, percent-encoded. */
const encodedSurrogate = /%ED%[AB][0-9A-F]/iu;

/**
 * Whether an x-file-name header (URI-encoded) names a file without forbidden characters. Other
 * malformed encodings pass: the upload route then names the file "bilag".
 */
function isAllowedFileName(header: string): boolean {
  if (encodedSurrogate.test(header)) return false;
  try {
    return !hasForbiddenCharacters(decodeURIComponent(header));
  } catch {
    return true;
  }
}

/**
 * Refuses with a Danish 400, before validation and before any service runs, a request whose
 * JSON body, query string, route parameters or x-file-name header holds a NUL character or a
 * lone UTF-16 surrogate: such text cannot be stored in PostgreSQL, rendered or searched.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    const where = findForbiddenInput(request);
    if (where === null) return;
    return reply.code(400).send({ error: forbiddenTextMessage(where) });
  });
}
