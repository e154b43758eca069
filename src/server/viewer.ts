import type { FastifyRequest } from 'fastify';
import { secretaryViewer, type Viewer } from '../core/visibility.ts';

/**
 * Who is asking. Until sign-in lands, an embedded installation serves one secretariat, so every
 * request reads as the secretariat; this is the one seam where roles will be decided, and
 * every route asks it rather than assuming.
 */
export function viewerOf(_request: FastifyRequest): Viewer {
  return secretaryViewer;
}

/**
 * Who is writing, for the revision history: the `x-referat-user` header (URL-encoded), or
 * "Sekretariatet". A stand-in until sign-in lands; it never decides what anyone may do.
 */
export function authorOf(request: FastifyRequest): { author: string } {
  const header = request.headers['x-referat-user'];
  const raw = Array.isArray(header) ? header[0] : header;
  let name = '';
  try {
    name = decodeURIComponent(raw ?? '').trim();
  } catch {
    name = '';
  }
  return { author: name.slice(0, 200) || 'Sekretariatet' };
}
