import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meetingSummarySchema, meetingViewSchema } from '../../core/api-contract/meetings.ts';
import type { Archive } from '../../services/archive.ts';
import {
  listMeetings,
  type MeetingView,
  renderMeetingDocument,
} from '../../services/meeting-service.ts';
import { createMeetingViewCache } from '../../services/meeting-view-cache.ts';
import { actorOf } from '../request-actor.ts';
import { binaryAnswer, emptyAnswer, errorAnswers, readErrors } from '../response-contract.ts';
import { idParams } from './route-helpers.ts';

const notModifiedAnswer = emptyAnswer('Uændret siden If-None-Match; intet indhold');
const documentTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Meetings: the list, one meeting as a document, and its agenda or minutes as PDF or Word. */
export function registerMeetingRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/meetings',
    {
      schema: {
        summary: 'Møder, nyeste først',
        querystring: z.object({
          forum: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(200),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.array(meetingSummarySchema) },
      },
    },
    (request) => listMeetings(archive, actorOf(request), request.query),
  );
  const views = createMeetingViewCache(archive);
  api.get(
    '/api/meetings/:id',
    {
      schema: {
        summary: 'Et møde som mødedokument med id, status og version',
        description:
          'Svaret har en ETag ("m<id>-v<version>-<adgang>"); med If-None-Match svares 304, når mødet er uændret.',
        params: idParams,
        response: { 200: meetingViewSchema, 304: notModifiedAnswer, ...readErrors },
      },
    },
    async (request, reply) => {
      // The hot path: one lookup of the meeting's version, then the cached JSON as it was
      // serialized (through this route's zod schema) when the version was first asked for.
      const stamp = await views.stamp(request.params.id, actorOf(request));
      if (!stamp) return reply.code(404).send({ error: 'Mødet findes ikke.' });
      reply.header('cache-control', 'private, no-cache');
      if (namesEtag(request.headers['if-none-match'], stamp.etag))
        return reply.code(304).header('etag', stamp.etag).send();
      const answer = await views.answer(stamp, (view) => asText(reply.serialize(view)));
      if (!answer) return reply.code(404).send({ error: 'Mødet findes ikke.' });
      // Bytes are sent as they are, past the response serializer (which made them on a miss).
      return reply
        .header('etag', answer.etag)
        .type('application/json; charset=utf-8')
        .send(answer.body as unknown as MeetingView);
    },
  );
  api.get(
    '/api/meetings/:id/document.:format',
    {
      schema: {
        summary:
          'Dagsorden eller referat som PDF eller Word: efter mødets status, eller som ?kind= siger',
        params: idParams.extend({ format: z.enum(['pdf', 'docx']) }),
        querystring: z.object({ kind: z.enum(['agenda', 'minutes']).optional() }),
        response: {
          200: binaryAnswer('Dokumentet som PDF (application/pdf) eller Word (.docx)'),
          // 409: the minutes asked for before they are out.
          ...errorAnswers(404, 409),
        },
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      const document = await renderMeetingDocument(
        archive,
        actorOf(request),
        id,
        format,
        request.query.kind,
      );
      return reply
        .header('content-type', documentTypes[format])
        .header('content-disposition', `inline; filename="${document.fileName}"`)
        .send(Buffer.from(document.bytes));
    },
  );
}

/** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 §13.1.2). */
function namesEtag(header: unknown, etag: string): boolean {
  if (typeof header !== 'string') return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//u, '') === etag;
  });
}

/** A serializer's output as text (the zod serializer gives a string already). */
function asText(serialized: string | ArrayBuffer | Buffer): string {
  return typeof serialized === 'string' ? serialized : new TextDecoder().decode(serialized);
}
