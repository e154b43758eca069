import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Archive } from '../../services/archive.ts';
import type { DocumentKind } from '../../services/portal-service.ts';
import { textAnswer } from '../response-contract.ts';
import { renderCasePage } from './portal/case-page.ts';
import { renderForumPage } from './portal/forum-page.ts';
import { renderFrontPage } from './portal/front-page.ts';
import { renderMeetingPage } from './portal/meeting-page.ts';
import {
  documentSlugs,
  parsePositiveInteger,
  portalReader,
  sendNotFound,
  sendPage,
  unlessNotFound,
} from './portal/portal-layout.ts';
import { renderSearchPage } from './portal/search-page.ts';

const htmlPage = textAnswer('HTML-side (text/html)');
const pageOrNotFound = { 200: htmlPage, 404: textAnswer('"Siden findes ikke" som HTML-side') };

/**
 * The public portal (/arkiv): the public forums, their meetings by year, each published
 * agenda and set of minutes as a page, a case's way through the meetings, and search. Plain
 * HTML without script, read as the anonymous reader by everyone (see portalReader); what is
 * not public (an internal forum, a draft) is a Danish 404 page.
 */
export function registerArchivePages(app: FastifyInstance, archive: Archive): void {
  const pages = app.withTypeProvider<ZodTypeProvider>();

  pages.get(
    '/arkiv',
    { schema: { summary: 'Arkivets forside (HTML)', response: { 200: htmlPage } } },
    async (request, reply) =>
      sendPage(reply, await renderFrontPage(archive, portalReader(request))),
  );

  pages.get(
    '/arkiv/fora/:id',
    {
      schema: {
        summary: 'Et offentligt forums møder år for år (HTML)',
        params: z.object({ id: z.string() }),
        querystring: z.object({ aar: z.string().optional() }),
        response: pageOrNotFound,
      },
    },
    async (request, reply) => {
      const forumId = parsePositiveInteger(request.params.id);
      const year = request.query.aar === undefined ? undefined : parseYear(request.query.aar);
      if (forumId === null || year === null) return sendNotFound(reply);
      const page = await unlessNotFound(
        renderForumPage(archive, portalReader(request), forumId, year),
      );
      return page === null ? sendNotFound(reply, 'Forummet findes ikke') : sendPage(reply, page);
    },
  );

  pages.get(
    '/arkiv/moeder/:id',
    {
      schema: {
        summary: 'Et mødes udsendte dagsorden eller referat (HTML)',
        params: z.object({ id: z.string() }),
        querystring: z.object({
          dokument: z.string().optional(),
          version: z.string().optional(),
        }),
        response: pageOrNotFound,
      },
    },
    async (request, reply) => {
      const meetingId = parsePositiveInteger(request.params.id);
      const { dokument, version } = request.query;
      const kind = dokument === undefined ? undefined : parseDocumentKind(dokument);
      const number = version === undefined ? undefined : parsePositiveInteger(version);
      if (meetingId === null || kind === null || number === null) return sendNotFound(reply);
      const page = await unlessNotFound(
        renderMeetingPage(archive, portalReader(request), meetingId, { kind, number }),
      );
      return page === null ? sendNotFound(reply, 'Mødet findes ikke') : sendPage(reply, page);
    },
  );

  pages.get(
    '/arkiv/sager/:caseNumber',
    {
      schema: {
        summary: 'En sags forløb på tværs af møder (HTML)',
        params: z.object({ caseNumber: z.string() }),
        response: pageOrNotFound,
      },
    },
    async (request, reply) => {
      const caseNumber = request.params.caseNumber.trim();
      // Journal numbers are short; anything else is no case (and no work for the store).
      if (caseNumber === '' || caseNumber.length > 60)
        return sendNotFound(reply, 'Sagen findes ikke');
      const page = await unlessNotFound(renderCasePage(archive, portalReader(request), caseNumber));
      return page === null ? sendNotFound(reply, 'Sagen findes ikke') : sendPage(reply, page);
    },
  );

  pages.get(
    '/arkiv/soeg',
    {
      schema: {
        summary: 'Søg i arkivet (HTML)',
        querystring: z.object({ q: z.string().max(500).default('') }),
        response: { 200: htmlPage },
      },
    },
    async (request, reply) =>
      sendPage(reply, await renderSearchPage(archive, portalReader(request), request.query.q)),
  );
}

/** The `dokument` parameter ("dagsorden", "referat") as a kind; anything else is null. */
function parseDocumentKind(text: string): DocumentKind | null {
  if (text === documentSlugs.agenda) return 'agenda';
  if (text === documentSlugs.minutes) return 'minutes';
  return null;
}

/** A four-digit year, or null. */
function parseYear(text: string): number | null {
  return /^\d{4}$/u.test(text) ? Number(text) : null;
}
