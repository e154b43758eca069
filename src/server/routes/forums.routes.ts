import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseEntrySchema, caseNumberCheckSchema } from '../../core/api-contract/archive.ts';
import {
  forumChangesSchema,
  forumViewSchema,
  newForumSchema,
} from '../../core/api-contract/forums.ts';
import { parseCaseNumber } from '../../core/case-number.ts';
import type { Archive } from '../../services/archive.ts';
import { createForum, getForums, saveForum } from '../../services/forum-service.ts';
import { getCaseTimeline } from '../../services/search-service.ts';
import { actorOf } from '../request-actor.ts';
import { writeErrors } from '../response-contract.ts';
import { idParams } from './route-helpers.ts';

/** Forums and members, a case's timeline, and the journal-number check. */
export function registerForumRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/forums',
    {
      schema: {
        summary: 'Fora med medlemmer og brugerens rettigheder',
        response: { 200: z.array(forumViewSchema) },
      },
    },
    (request) => getForums(archive, actorOf(request)),
  );
  api.post(
    '/api/forums',
    {
      schema: {
        summary: 'Opret et forum',
        body: newForumSchema,
        response: { 201: forumViewSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await createForum(archive, actorOf(request), {
          name: request.body.name,
          abbreviation: request.body.abbreviation || null,
          visibility: request.body.visibility,
        }),
      ),
  );
  api.put(
    '/api/forums/:id',
    {
      schema: {
        summary: 'Ret et forum og dets medlemmer',
        description:
          'hidesContactDetails: de offentlige versioner (portal, feeds, OParl, offentlig PDF, søgning) viser ikke e-mailadresser og telefonnumre; udeladt beholdes indstillingen. Et medlem kan have en e-mailadresse, en stedfortræder (navn og e-mail) og et valg af, hvad det får tilsendt (dagsorden, referat). Udelades et af disse felter, beholder medlemmet med samme navn sit; null rydder det.',
        params: idParams,
        body: forumChangesSchema,
        response: { 200: forumViewSchema, ...writeErrors },
      },
    },
    (request) =>
      saveForum(archive, actorOf(request), request.params.id, {
        name: request.body.name,
        abbreviation: request.body.abbreviation || null,
        visibility: request.body.visibility,
        members: request.body.members.map((member) => ({
          name: member.name,
          role: member.role || null,
          email: member.email,
          deputy: member.deputy,
          receives: member.receives,
        })),
        purposes: request.body.purposes,
        standingItems: request.body.standingItems?.map((item) => ({
          ...item,
          purpose: item.purpose || null,
        })),
        hidesContactDetails: request.body.hidesContactDetails,
      }),
  );
  api.get(
    '/api/cases/:caseNumber',
    {
      schema: {
        summary: 'En sags forløb på tværs af møder',
        params: z.object({ caseNumber: z.string().trim().min(1).max(60) }),
        response: { 200: z.array(caseEntrySchema) },
      },
    },
    (request) => getCaseTimeline(archive, actorOf(request), request.params.caseNumber),
  );
  api.get(
    '/api/case-numbers/check',
    {
      schema: {
        summary: 'Tjek et journalnummer',
        querystring: z.object({ value: z.string().max(100) }),
        response: { 200: caseNumberCheckSchema },
      },
    },
    (request) => {
      const parsed = parseCaseNumber(request.query.value);
      return parsed.ok
        ? {
            ok: true,
            normalized: parsed.caseNumber.text,
            message: null,
          }
        : { ok: false, normalized: null, message: parsed.warning };
    },
  );
}
