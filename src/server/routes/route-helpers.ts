import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { RenderedDocument } from '../../services/document-service.ts';

/** A positive integer id in a path. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** An ISO date, with a Danish message. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'skal være en dato som 2026-12-03');

/** A clock time, with a Danish message. */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/u, 'skal være et klokkeslæt som 09:00');

/** Sends a rendered PDF inline, under its file name. */
export function sendPdf(reply: FastifyReply, document: RenderedDocument) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${document.fileName}"`)
    .send(Buffer.from(document.bytes));
}
