import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anonymousAt } from '../../core/actor.ts';
import type { Archive } from '../../services/archive.ts';
import { downloadAttachment } from '../../services/attachment-service.ts';
import { isOparlDateTime } from '../../services/oparl/oparl-paging.ts';
import {
  getOparlObject,
  getOparlSystem,
  listOparlObjects,
  listOrganizationMeetings,
} from '../../services/oparl/oparl-service.ts';
import {
  type OparlCollectionName,
  oparlBasePath,
  oparlCollectionNames,
} from '../../services/oparl/oparl-urls.ts';
import { notFound } from '../../services/service-error.ts';
import { binaryAnswer, errorAnswers, readErrors } from '../response-contract.ts';
import { idParams } from './route-helpers.ts';

const dateTime = z
  .string()
  .refine(isOparlDateTime, 'skal være et tidspunkt med tidszone, som 2017-06-14T13:00:00+02:00');
const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).optional(),
  created_since: dateTime.optional(),
  created_until: dateTime.optional(),
  modified_since: dateTime.optional(),
  modified_until: dateTime.optional(),
  omit_internal: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
/** An OParl object: its own fields and Referat's `referat:` ones all pass through. */
const objectSchema = z.looseObject({ id: z.string(), type: z.string() });
const listSchema = z.object({
  data: z.array(objectSchema),
  pagination: z.object({
    totalElements: z.number(),
    elementsPerPage: z.number(),
    currentPage: z.number(),
    totalPages: z.number(),
  }),
  links: z.object({
    first: z.string(),
    prev: z.string().optional(),
    self: z.string(),
    next: z.string().optional(),
    last: z.string(),
  }),
});
const keyParams = z.object({ id: z.string().min(1).max(100) });

/**
 * OParl 1.1 under /oparl/v1.1: the System, then every collection as a list and each object at
 * its URL, and a Bilag's bytes in place (OParl's accessUrl). Anonymous and read-only: OParl is
 * the archive's open data, so every answer is what the anonymous reader may see, whoever asks
 * (a session changes nothing), and any site may read it (Access-Control-Allow-Origin: *, as
 * the specification requires).
 */
export function registerOparlRoutes(
  app: FastifyInstance,
  archive: Archive,
  publicOrigins: readonly string[] = [],
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const originOf = (request: FastifyRequest) => requestOrigin(request, publicOrigins);
  const readerOf = (request: FastifyRequest) => anonymousAt(request.ip);
  const json = { onRequest: allowAnyOrigin };
  api.get(
    oparlBasePath,
    {
      ...json,
      schema: {
        summary: 'OParl 1.1: System-objektet (indgangen)',
        response: { 200: objectSchema },
      },
    },
    (request) => getOparlSystem(archive, readerOf(request), originOf(request)),
  );
  for (const collection of oparlCollectionNames) {
    api.get(
      `${oparlBasePath}/${collection}`,
      {
        ...json,
        schema: {
          summary: `OParl 1.1: ${collectionLabels[collection].list}`,
          description:
            'Sider med data, pagination og links; filtre created_since, created_until, modified_since, modified_until (tidspunkter med tidszone), limit og omit_internal.',
          querystring: listQuery,
          response: { 200: listSchema, ...errorAnswers(400) },
        },
      },
      (request) =>
        listOparlObjects(archive, readerOf(request), originOf(request), collection, request.query),
    );
    api.get(
      `${oparlBasePath}/${collection}/:id`,
      {
        ...json,
        schema: {
          summary: `OParl 1.1: ${collectionLabels[collection].one}`,
          params: keyParams,
          response: { 200: objectSchema, ...readErrors },
        },
      },
      (request) =>
        getOparlObject(
          archive,
          readerOf(request),
          originOf(request),
          collection,
          request.params.id,
        ),
    );
  }
  api.get(
    `${oparlBasePath}/organization/:id/meeting`,
    {
      ...json,
      schema: {
        summary: 'OParl 1.1: et forums møder',
        params: idParams,
        querystring: listQuery,
        response: { 200: listSchema, ...errorAnswers(400, 404) },
      },
    },
    (request) =>
      listOrganizationMeetings(
        archive,
        readerOf(request),
        originOf(request),
        request.params.id,
        request.query,
      ),
  );
  api.get(
    `${oparlBasePath}/file/:id/access`,
    {
      schema: {
        summary: 'OParl 1.1: et bilags fil, vist på stedet (accessUrl)',
        description:
          'Som /api/attachments/:id, men uden Content-Disposition: attachment, som OParl kræver af accessUrl.',
        params: keyParams,
        response: { 200: binaryAnswer('Bilagets fil'), ...readErrors },
      },
    },
    async (request, reply) => {
      const match = /^attachment-([1-9]\d{0,9})$/u.exec(request.params.id);
      const attachmentId = Number(match?.[1] ?? 0);
      if (!match || attachmentId > 2_147_483_647) throw notFound('Filen');
      const file = await downloadAttachment(archive, readerOf(request), attachmentId);
      return reply
        .header('content-type', file.mediaType)
        .header(
          'content-disposition',
          `inline; filename="bilag"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.bytes);
    },
  );
}

/** Danish names of the lists and their objects, for the API reference. */
const collectionLabels: Record<OparlCollectionName, { list: string; one: string }> = {
  body: { list: 'kommunen (Body) som liste', one: 'kommunen (Body)' },
  organization: { list: 'fora (Organization)', one: 'et forum (Organization)' },
  person: { list: 'offentlige foras medlemmer (Person)', one: 'et medlem (Person)' },
  membership: { list: 'medlemskaber (Membership)', one: 'et medlemskab (Membership)' },
  meeting: { list: 'møder (Meeting)', one: 'et møde (Meeting)' },
  agendaItem: { list: 'dagsordenspunkter (AgendaItem)', one: 'et punkt (AgendaItem)' },
  consultation: {
    list: 'punkters behandling af sager (Consultation)',
    one: 'et punkts behandling af en sag (Consultation)',
  },
  paper: { list: 'sager efter journalnummer (Paper)', one: 'en sag (Paper)' },
  file: { list: 'dokumenter og bilag (File)', one: 'et dokument eller bilag (File)' },
  location: { list: 'mødesteder (Location)', one: 'et mødested (Location)' },
};

/** OParl answers may be read by any site's scripts; they never depend on a session. */
async function allowAnyOrigin(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  reply.header('access-control-allow-origin', '*');
}

/**
 * The origin the request reached the server at, for the URLs in the answer: the published
 * origin (REFERAT_PUBLIC_URL) with the request's host when there is one, which keeps https
 * behind a proxy that speaks http to the server; otherwise the request's own scheme and host,
 * which the Host allow-list has already checked.
 */
function requestOrigin(request: FastifyRequest, publicOrigins: readonly string[]): string {
  const host = request.host.toLowerCase();
  const published = publicOrigins.find((origin) => new URL(origin).host.toLowerCase() === host);
  return published ?? `${request.protocol}://${request.host}`;
}
