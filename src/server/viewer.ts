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
