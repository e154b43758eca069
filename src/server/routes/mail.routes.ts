import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { meetingMailDeliveriesSchema } from '../../core/api-contract/mail.ts';
import type { Archive } from '../../services/archive.ts';
import { getMeetingMailDeliveries } from '../../services/mail/mail-delivery-service.ts';
import { actorOf } from '../request-actor.ts';
import { guardedReadErrors } from '../response-contract.ts';
import { idParams } from './route-helpers.ts';

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
        response: { 200: meetingMailDeliveriesSchema, ...guardedReadErrors },
      },
    },
    (request) => getMeetingMailDeliveries(archive, actorOf(request), request.params.id),
  );
}
