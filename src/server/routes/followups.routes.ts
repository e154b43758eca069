import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  followupChangesSchema,
  followupConfirmationSchema,
  followupDetailSchema,
  followupFilterSchema,
  followupListSchema,
  followupRejectionSchema,
  followupSchema,
  meetingFollowupsSchema,
} from '../../core/api-contract/followups.ts';
import type { Archive } from '../../services/archive.ts';
import {
  confirmFollowup,
  getFollowup,
  getMeetingFollowups,
  listCaseFollowups,
  listForumFollowups,
  listMyFollowups,
  rejectFollowup,
  updateFollowup,
} from '../../services/followup-tracking-service.ts';
import { actorOf } from '../request-actor.ts';
import { errorAnswers, writeErrors } from '../response-contract.ts';
import { idParams } from './route-helpers.ts';

/** A read the policy's `followup.read` decides: not signed in, not a member, not there. */
const followupReadErrors = errorAnswers(401, 403, 404);
/** A write that answers with the follow-up as it is afterwards. */
const followupAnswer = { 200: followupSchema, ...writeErrors };
const filterQuery = z.object({ status: followupFilterSchema.default('open') });

/**
 * Follow-ups (opfølgninger): the suggestions found in a meeting's decisions, which the forum's
 * secretaries confirm, edit or reject, and the lists the forum's members read (their own, the
 * forum's open and overdue ones, a case's). Never the public's: every read takes a member.
 */
export function registerFollowupRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/meetings/:id/followups',
    {
      schema: {
        summary: 'Mødets opfølgninger: forslag, bekræftede og dem med frist inden mødet',
        params: idParams,
        response: { 200: meetingFollowupsSchema, ...followupReadErrors },
      },
    },
    (request) => getMeetingFollowups(archive, actorOf(request), request.params.id),
  );
  api.get(
    '/api/followups/:id',
    {
      schema: {
        summary: 'En opfølgning med dens historik',
        params: idParams,
        response: { 200: followupDetailSchema, ...followupReadErrors },
      },
    },
    (request) => getFollowup(archive, actorOf(request), request.params.id),
  );
  api.post(
    '/api/followups/:id/confirm',
    {
      schema: {
        summary: 'Bekræft et forslag til opfølgning, eventuelt rettet',
        params: idParams,
        body: followupConfirmationSchema,
        response: followupAnswer,
      },
    },
    (request) => confirmFollowup(archive, actorOf(request), request.params.id, request.body),
  );
  api.patch(
    '/api/followups/:id',
    {
      schema: {
        summary: 'Ret en opfølgning, sæt dens status, eller skriv en note',
        description:
          'Sendes med den version, ændringen bygger på; er opfølgningen ændret siden, svares 409 med den nye udgave (`current`).',
        params: idParams,
        body: followupChangesSchema,
        response: followupAnswer,
      },
    },
    (request) => updateFollowup(archive, actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/followups/:id/reject',
    {
      schema: {
        summary: 'Afvis et forslag til opfølgning',
        params: idParams,
        body: followupRejectionSchema,
        response: followupAnswer,
      },
    },
    (request) => rejectFollowup(archive, actorOf(request), request.params.id, request.body),
  );
  api.get(
    '/api/me/followups',
    {
      schema: {
        summary: 'Mine opfølgninger: dem, hvor du eller dit forum står som ansvarlig',
        querystring: filterQuery,
        response: { 200: followupListSchema, ...errorAnswers(401) },
      },
    },
    (request) => listMyFollowups(archive, actorOf(request), request.query.status),
  );
  api.get(
    '/api/forums/:id/followups',
    {
      schema: {
        summary: 'Forummets opfølgninger: åbne, overskredne eller alle',
        params: idParams,
        querystring: filterQuery,
        response: { 200: followupListSchema, ...followupReadErrors },
      },
    },
    (request) =>
      listForumFollowups(archive, actorOf(request), request.params.id, request.query.status),
  );
  api.get(
    '/api/cases/:caseNumber/followups',
    {
      schema: {
        summary: 'Sagens opfølgninger i de fora, du er medlem af',
        params: z.object({ caseNumber: z.string().trim().min(1).max(60) }),
        response: { 200: followupListSchema, ...errorAnswers(401) },
      },
    },
    (request) => listCaseFollowups(archive, actorOf(request), request.params.caseNumber),
  );
}
