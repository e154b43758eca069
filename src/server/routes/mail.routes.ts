import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Archive } from '../../services/archive.ts';
import { getMeetingMailDeliveries } from '../../services/mail/mail-delivery-service.ts';
import { actorOf } from '../request-actor.ts';
import { idParams } from './route-helpers.ts';

const errorSchema = z.object({ error: z.string() });
const deliveriesSchema = z.object({
  transport: z.object({
    kind: z.enum(['smtp', 'files', 'none']),
    directory: z.string().nullable(),
  }),
  deliveries: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['agenda', 'minutes', 'invitation', 'cancellation']),
      publicationNumber: z.number().nullable(),
      recipientName: z.string(),
      email: z.string(),
      role: z.enum(['member', 'deputy']),
      subject: z.string(),
      state: z.enum(['sending', 'sent', 'failed']),
      error: z.string().nullable(),
      attemptedAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
  queue: z.array(
    z.object({
      eventId: z.number(),
      type: z.string(),
      status: z.enum(['pending', 'failed']),
      error: z.string().nullable(),
    }),
  ),
});

/** A meeting's e-mail: what was sent to whom, for the forum's secretaries. */
export function registerMailRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/meetings/:id/deliveries',
    {
      schema: {
        summary: 'Mødets udsendelse pr. e-mail',
        description:
          'Hvem der har fået dagsorden, referat og kalenderinvitationer pr. e-mail, og om det lykkedes; for forummets sekretærer og administratorer.',
        params: idParams,
        response: { 200: deliveriesSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    (request) => getMeetingMailDeliveries(archive, actorOf(request), request.params.id),
  );
}
