import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdPersonalFeedSchema,
  personalCalendarSchema,
  personalFeedStatusSchema,
} from '../../core/api-contract/personal-feed.ts';
import type { Archive } from '../../services/archive.ts';
import type { AuthConfig } from '../../services/auth/auth-config.ts';
import {
  createPersonalFeed,
  getPersonalCalendar,
  getPersonalFeedStatus,
  personalCalendarUrls,
  revokePersonalFeed,
} from '../../services/personal-feed-service.ts';
import { actorOf } from '../request-actor.ts';
import { errorAnswers, readErrors } from '../response-contract.ts';
import { feedSiteResolver } from './feeds.routes.ts';

const calendarType = 'text/calendar; charset=utf-8';
const personalFeedPath = '/api/me/calendar-feed';

/**
 * The signed-in user's own calendar: its address is managed under /api/me/calendar-feed (see
 * it, make a new one, delete it; writes pass the CSRF check like every other), and the
 * calendar itself is fetched at /mine/:token/kalender.ics without a session, since a calendar
 * program has none. The token in that address is the only key, so the answer is private to
 * caches and kept out of search engines.
 */
export function registerPersonalFeedRoutes(
  app: FastifyInstance,
  archive: Archive,
  auth: AuthConfig | undefined,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const siteOf = feedSiteResolver(auth);
  api.get(
    personalFeedPath,
    {
      schema: {
        summary: 'Din personlige kalenderadresse: om du har en, og hvornår den sidst blev brugt',
        description:
          'Selve adressen vises kun, når den laves; her står kun, om den findes, hvornår den blev lavet, og hvornår en kalender sidst hentede den.',
        response: { 200: personalFeedStatusSchema, ...errorAnswers(401) },
      },
    },
    (request) => getPersonalFeedStatus(archive, actorOf(request)),
  );
  api.post(
    personalFeedPath,
    {
      schema: {
        summary: 'Lav en personlig kalenderadresse (en ny erstatter den gamle)',
        description:
          'Giver en hemmelig adresse til en kalender med møderne i de fora, du har en rolle i, som du må se dem. Adressen vises kun denne ene gang; den tidligere adresse holder op med at virke.',
        response: {
          201: createdPersonalFeedSchema,
          ...errorAnswers(401, 403),
        },
      },
    },
    async (request, reply) => {
      const created = await createPersonalFeed(archive, actorOf(request));
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          ...personalCalendarUrls(siteOf(request), created.token),
          createdAt: created.createdAt,
        });
    },
  );
  api.delete(
    personalFeedPath,
    {
      schema: {
        summary: 'Slet din personlige kalenderadresse',
        description: 'Adressen holder op med at virke med det samme. Uden adresse sker der intet.',
        response: {
          204: z.void().describe('Adressen er slettet'),
          ...errorAnswers(401, 403),
        },
      },
    },
    async (request, reply) => {
      await revokePersonalFeed(archive, actorOf(request));
      return reply.code(204).send();
    },
  );
  api.get(
    '/mine/:token/kalender.ics',
    {
      schema: {
        summary: 'Din personlige kalender (iCalendar, kan abonneres på med webcal://)',
        description:
          'Møderne i de fora, brugeren har en rolle i (også for en administrator kun dem), som brugeren må se dem, med samme UID og SEQUENCE som forummets kalender. Kræver ingen session: adressens nøgle er adgangen, og den giver ikke adgang til andet. En ukendt eller slettet adresse og en spærret bruger giver 404.',
        // Any text: a token of the wrong form is a calendar that does not exist (404), not an error.
        params: z.object({ token: z.string() }),
        response: { 200: personalCalendarSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const calendar = await getPersonalCalendar(archive, request.params.token, {
        ...siteOf(request),
        address: request.ip,
      });
      return reply
        .type(calendarType)
        .header('content-disposition', 'inline; filename="mine-moeder.ics"')
        .header('cache-control', 'private, no-cache')
        .header('x-robots-tag', 'noindex')
        .send(calendar);
    },
  );
}
