import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { searchHitSchema } from '../../core/api-contract/archive.ts';
import { SearchQueryError } from '../../search/search-provider.ts';
import type { Archive } from '../../services/archive.ts';
import { searchArchive } from '../../services/search-service.ts';
import { actorOf } from '../request-actor.ts';
import { errorAnswers } from '../response-contract.ts';
import { isoDate } from './route-helpers.ts';

/** Archive search: `GET /api/search?q=` with filters, hits with highlighted snippets. */
export function registerSearchRoutes(app: FastifyInstance, archive: Archive): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/search',
    {
      schema: {
        summary: 'Søg i arkivet',
        querystring: z.object({
          q: z.string().trim().min(1, 'skriv et søgeord').max(500),
          forum: z.string().optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          case: z.string().max(40).optional(),
          proposer: z.string().max(200).optional(),
          decision: z.enum(['true', 'false']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.array(searchHitSchema), ...errorAnswers(400) },
      },
    },
    async (request, reply) => {
      const { q, forum, from, to, proposer, decision, limit } = request.query;
      try {
        return await searchArchive(archive, actorOf(request), {
          text: q,
          limit,
          filters: {
            forum,
            from,
            to,
            casePrefix: request.query.case,
            proposer,
            isDecisionOnly: decision === 'true',
          },
        });
      } catch (error) {
        if (error instanceof SearchQueryError)
          return reply.code(400).send({ error: error.message });
        throw error;
      }
    },
  );
}
