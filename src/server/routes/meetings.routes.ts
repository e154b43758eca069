import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meetingSchema } from '../../core/meeting.ts';
import { meetingStatuses } from '../../core/meeting-lifecycle.ts';
import type { Archive } from '../../services/archive.ts';
import { getMeeting, listMeetings, renderMeetingDocument } from '../../services/meeting-service.ts';
import { viewerOf } from '../viewer.ts';

const errorSchema = z.object({ error: z.string() });
const meetingIdParams = z.object({ id: z.coerce.number().int().positive() });
const meetingSummarySchema = z.object({
  id: z.number(),
  forum: z.string(),
  kind: z.enum(['agenda', 'minutes']),
  date: z.string(),
  start: z.string().nullable(),
  location: z.string().nullable(),
  status: z.string(),
  itemCount: z.number(),
});
const meetingViewSchema = meetingSchema.extend({
  id: z.number(),
  status: z.enum(meetingStatuses),
  version: z.number(),
});
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
    (request) => listMeetings(archive, request.query),
  );
  api.get(
    '/api/meetings/:id',
    {
      schema: {
        summary: 'Et møde som mødedokument med id, status og version',
        params: meetingIdParams,
        response: { 200: meetingViewSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const meeting = await getMeeting(archive, request.params.id, viewerOf(request));
      if (!meeting) return reply.code(404).send({ error: 'Mødet findes ikke.' });
      return meeting;
    },
  );
  api.get(
    '/api/meetings/:id/document.:format',
    {
      schema: {
        summary: 'Dagsorden eller referat (efter mødets status) som PDF eller Word',
        params: meetingIdParams.extend({ format: z.enum(['pdf', 'docx']) }),
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      const document = await renderMeetingDocument(archive, id, format, viewerOf(request));
      if (!document) return reply.code(404).send({ error: 'Mødet findes ikke.' });
      return reply
        .header('content-type', documentTypes[format])
        .header('content-disposition', `inline; filename="${document.fileName}"`)
        .send(Buffer.from(document.bytes));
    },
  );
}
