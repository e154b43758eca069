import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Archive } from '../../services/archive-types.ts';
import { checkReadiness } from '../../services/readiness-service.ts';

const readinessSchema = z.object({
  status: z.enum(['ok', 'not_ready']),
  database: z.enum(['ok', 'unreachable']),
  pendingMigrations: z.array(z.string()),
});

/**
 * For operators and load balancers: `/api/health` says the process answers (liveness, asks
 * nothing of the database); `/api/ready` says it can serve (readiness: the database answers and
 * has every migration this code expects), 503 with a Danish reason otherwise.
 */
export function registerHealthRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/health',
    {
      schema: {
        summary: 'Serveren svarer',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  api.get(
    '/api/ready',
    {
      schema: {
        summary: 'Serveren er klar: databasen svarer og er migreret',
        response: {
          200: readinessSchema,
          503: readinessSchema.extend({ error: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      const readiness = await checkReadiness(archive);
      const answer = {
        status: readiness.isReady ? ('ok' as const) : ('not_ready' as const),
        database: readiness.database,
        pendingMigrations: readiness.pendingMigrations,
      };
      if (readiness.isReady) return answer;
      const error =
        readiness.database === 'unreachable'
          ? 'Databasen svarer ikke.'
          : `Databasen mangler ${readiness.pendingMigrations.length} migrering(er); en anden instans opgraderer den måske.`;
      return reply
        .code(503)
        .header('retry-after', '5')
        .send({ ...answer, error });
    },
  );
}
