import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../core/api-contract/accounts.ts';
import type { Archive } from '../../services/archive.ts';
import {
  maximumAuditLimit,
  readAuditLog,
  readSinceTime,
  toAuditEntryView,
} from '../../services/auth/audit-service.ts';
import { actorOf } from '../request-actor.ts';
import { errorResponses } from './auth-schemas.ts';

/** The audit log, newest first, for administrators. */
export function registerAuditRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/audit',
    {
      schema: {
        summary: 'Revisionsloggen, nyeste først (administratorer)',
        querystring: z.object({
          since: z
            .string()
            .trim()
            .optional()
            .transform((value, context) => {
              if (!value) return undefined;
              const since = readSinceTime(value);
              if (since) return since;
              context.addIssue({ code: 'custom', message: 'skal være en dato som 2026-12-01' });
              return z.NEVER;
            }),
          limit: z.coerce.number().int().min(1).max(maximumAuditLimit).default(200),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.array(auditEntrySchema), ...errorResponses },
      },
    },
    async (request) => {
      const entries = await readAuditLog(archive, actorOf(request), request.query);
      return entries.map(toAuditEntryView);
    },
  );
}
