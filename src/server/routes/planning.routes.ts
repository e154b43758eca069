import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  itemOrderSchema,
  meetingAbsenceSchema,
  meetingCancellationSchema,
  meetingDetailsSchema,
  newMeetingSchema,
} from '../../core/api-contract/meeting-inputs.ts';
import {
  deletedMeetingSchema,
  publicationSchema,
  publishResultSchema,
  revisionEntrySchema,
  workspaceSchema,
} from '../../core/api-contract/meetings.ts';
import type { Archive } from '../../services/archive.ts';
import { addMeetingAbsence, removeMeetingAbsence } from '../../services/attendance-service.ts';
import { renderPreview, renderPublication } from '../../services/document-service.ts';
import { reorderItems } from '../../services/item-service.ts';
import {
  approveMinutes,
  approvePreviousMinutes,
  cancelMeeting,
  createMeeting,
  deleteMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
  updateMeetingDetails,
} from '../../services/meeting-flow-service.ts';
import { listPublicationHistory, listRevisions } from '../../services/publication-service.ts';
import { getWorkspace } from '../../services/workspace-service.ts';
import { actorOf } from '../request-actor.ts';
import { binaryAnswer, guardedReadErrors, readErrors, writeErrors } from '../response-contract.ts';
import { idParams, sendPdf } from './route-helpers.ts';

const kindSchema = z.enum(['agenda', 'minutes']);
const pdfAnswer = binaryAnswer('PDF-filen (application/pdf)');
/** A write that answers with the meeting's workspace as it is afterwards. */
const workspaceAnswer = { 200: workspaceSchema, ...writeErrors };

/** Planning and holding a meeting: the workspace, the agenda, meeting mode and publishing. */
export function registerPlanningRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/meetings',
    {
      schema: {
        summary: 'Opret et møde med standardpunkterne',
        body: newMeetingSchema,
        response: { 201: workspaceSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createMeeting(archive, actorOf(request), request.body)),
  );
  api.get(
    '/api/meetings/:id/workspace',
    {
      schema: {
        summary: 'Alt hvad redigeringen af et møde skal bruge',
        params: idParams,
        response: { 200: workspaceSchema, ...readErrors },
      },
    },
    (request) => getWorkspace(archive, actorOf(request), request.params.id),
  );
  api.patch(
    '/api/meetings/:id',
    {
      schema: {
        summary: 'Ret mødets dato, tid eller sted',
        params: idParams,
        body: meetingDetailsSchema,
        response: workspaceAnswer,
      },
    },
    (request) => {
      const { version, ...fields } = request.body;
      return updateMeetingDetails(archive, actorOf(request), request.params.id, version, fields);
    },
  );
  api.post(
    '/api/meetings/:id/cancel',
    {
      schema: {
        summary: 'Aflys et møde, hvis dagsorden er udsendt',
        params: idParams,
        body: meetingCancellationSchema,
        response: workspaceAnswer,
      },
    },
    (request) =>
      cancelMeeting(archive, actorOf(request), request.params.id, request.body?.reason || null),
  );
  api.delete(
    '/api/meetings/:id',
    {
      schema: {
        summary: 'Slet et møde, hvis dagsorden ikke er udsendt',
        params: idParams,
        response: { 200: deletedMeetingSchema, ...writeErrors },
      },
    },
    (request) => deleteMeeting(archive, actorOf(request), request.params.id),
  );
  api.put(
    '/api/meetings/:id/order',
    {
      schema: {
        summary: 'Ny rækkefølge af punkterne',
        params: idParams,
        body: itemOrderSchema,
        response: workspaceAnswer,
      },
    },
    (request) => reorderItems(archive, actorOf(request), request.params.id, request.body.itemIds),
  );
  const publishing = {
    'publish-agenda': [
      publishAgenda,
      'Udsend dagsordenen (en ny version, hvis den er udsendt før)',
    ],
    'publish-minutes': [publishMinutes, 'Udsend referatet (mødet skal være afholdt)'],
  } as const;
  for (const [path, [action, summary]] of Object.entries(publishing))
    api.post(
      `/api/meetings/:id/${path}`,
      {
        schema: {
          summary,
          params: idParams,
          response: { 200: publishResultSchema, ...writeErrors },
        },
      },
      (request) => action(archive, actorOf(request), request.params.id),
    );
  const steps = {
    start: [startMeeting, 'Start mødet (I gang)'],
    finish: [finishMeeting, 'Afslut mødet (Afholdt)'],
    'approve-minutes': [approveMinutes, 'Godkend referatet; det låses'],
    'approve-previous': [approvePreviousMinutes, 'Godkend forrige mødes referat fra punkt 1'],
  } as const;
  for (const [path, [action, summary]] of Object.entries(steps))
    api.post(
      `/api/meetings/:id/${path}`,
      { schema: { summary, params: idParams, response: workspaceAnswer } },
      (request) => action(archive, actorOf(request), request.params.id),
    );
  api.post(
    '/api/meetings/:id/absences',
    {
      schema: {
        summary: 'Fraværende hele mødet',
        params: idParams,
        body: meetingAbsenceSchema,
        response: workspaceAnswer,
      },
    },
    (request) =>
      addMeetingAbsence(archive, actorOf(request), request.params.id, {
        name: request.body.name,
        role: request.body.role || null,
      }),
  );
  api.delete(
    '/api/meetings/:id/absences',
    {
      schema: {
        summary: 'Ikke længere fraværende',
        params: idParams,
        querystring: z.object({ name: z.string().trim().min(1) }),
        response: workspaceAnswer,
      },
    },
    (request) =>
      removeMeetingAbsence(archive, actorOf(request), request.params.id, request.query.name),
  );
  api.get(
    '/api/meetings/:id/publications',
    {
      schema: {
        summary: 'Udsendte versioner og hvad der ændrede sig',
        params: idParams,
        response: { 200: z.array(publicationSchema), ...readErrors },
      },
    },
    (request) => listPublicationHistory(archive, actorOf(request), request.params.id),
  );
  api.get(
    '/api/meetings/:id/publications/:kind/:number/document.pdf',
    {
      schema: {
        summary: 'En udsendt version som PDF',
        params: idParams.extend({ kind: kindSchema, number: z.coerce.number().int().positive() }),
        response: { 200: pdfAnswer, ...readErrors },
      },
    },
    async (request, reply) => {
      const { id, kind, number } = request.params;
      return sendPdf(reply, await renderPublication(archive, actorOf(request), id, kind, number));
    },
  );
  api.get(
    '/api/meetings/:id/preview.pdf',
    {
      schema: {
        summary: 'Dokumentet som det ville blive udsendt nu',
        params: idParams,
        querystring: z.object({ kind: kindSchema.default('agenda') }),
        response: { 200: pdfAnswer, ...guardedReadErrors },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await renderPreview(archive, actorOf(request), request.params.id, request.query.kind),
      ),
  );
  api.get(
    '/api/meetings/:id/revisions',
    {
      schema: {
        summary: 'Mødets historik, nyeste først',
        params: idParams,
        response: { 200: z.array(revisionEntrySchema), ...readErrors },
      },
    },
    (request) => listRevisions(archive, actorOf(request), request.params.id),
  );
}
