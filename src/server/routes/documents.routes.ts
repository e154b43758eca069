import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Archive } from '../../services/archive.ts';
import { renderCombinedPdf } from '../../services/document-service.ts';
import { actorOf } from '../request-actor.ts';
import { binaryAnswer, errorAnswers } from '../response-contract.ts';
import { idParams } from './route-helpers.ts';

/**
 * A meeting's documents put together: the agenda or the minutes with the Bilag the reader
 * may download appended, as one bookmarked PDF ("samlet PDF").
 */
export function registerDocumentRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/meetings/:id/combined.pdf',
    {
      schema: {
        summary: 'Dagsorden eller referat som én PDF med bilag',
        description:
          'Dokumentet med de bilag, læseren må hente, lagt ind efter det, og et bogmærke for dokumentet og for hvert bilag. Word- og Excel-bilag og PDF-filer, der ikke kan læses, står som en side, der siger, at bilaget kan hentes separat. Referatet kan først hentes, når det er udsendt (409).',
        params: idParams,
        querystring: z.object({
          kind: z
            .enum(['agenda', 'minutes'], {
              error: 'skal være agenda (dagsorden) eller minutes (referat)',
            })
            .optional(),
        }),
        response: { 200: binaryAnswer('PDF-filen (application/pdf)'), ...errorAnswers(404, 409) },
      },
    },
    async (request, reply) => {
      const document = await renderCombinedPdf(
        archive,
        actorOf(request),
        request.params.id,
        request.query.kind,
      );
      // An attachment: the file is saved rather than shown in place of the app.
      return reply
        .code(200)
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${document.fileName}"`)
        .send(Buffer.from(document.bytes));
    },
  );
}
