import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { clockTimeSchema, isoDateSchema } from '../../core/text-input.ts';
import type { RenderedDocument } from '../../services/document-service.ts';

/** A positive integer id in a path. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** A real calendar date as YYYY-MM-DD (2027-02-30 is refused), with a Danish message. */
export const isoDate = isoDateSchema;

/** A clock time from 00:00 to 23:59, with a Danish message. */
export const clockTime = clockTimeSchema;

/** Sends a rendered PDF inline, under its file name. */
export function sendPdf(reply: FastifyReply, document: RenderedDocument) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${document.fileName}"`)
    .send(Buffer.from(document.bytes));
}
