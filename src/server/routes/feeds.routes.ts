import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { anonymousAt } from '../../core/actor.ts';
import type { Archive } from '../../services/archive.ts';
import { type AuthConfig, readAuthConfig } from '../../services/auth/auth-config.ts';
import {
  type FeedSite,
  getForumCalendar,
  getPublicationFeed,
} from '../../services/feed-service.ts';
import { readErrors, textAnswer } from '../response-contract.ts';
import { idParams } from './route-helpers.ts';

const atomSchema = textAnswer('Atom-feed (application/atom+xml)');
const calendarSchema = textAnswer('iCalendar (text/calendar)');
const atomType = 'application/atom+xml; charset=utf-8';
const calendarType = 'text/calendar; charset=utf-8';

/**
 * Feeds to subscribe to: Atom feeds of the published agendas and minutes (all public forums,
 * or one), and a forum's meetings as an iCalendar feed (webcal). They are public: whoever asks
 * gets what the anonymous reader may see, signed in or not, so a feed's address can be shared
 * and a feed reader's copy is the same as anyone's.
 */
export function registerFeedRoutes(
  app: FastifyInstance,
  archive: Archive,
  auth: AuthConfig | undefined,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const siteOf = feedSiteResolver(auth);
  api.get(
    '/feed.xml',
    {
      schema: {
        summary: 'Atom-feed med udsendte dagsordener og referater fra alle offentlige fora',
        description:
          'Én post pr. udsendt version (dagsorden eller referat), nyeste først, højst 50: titel, link til mødet og PDF’en og punkternes numre og titler (lukkede punkter som "Lukket punkt"). Viser det, alle må se, også for en, der er logget ind.',
        response: { 200: atomSchema },
      },
    },
    async (request, reply) => {
      const feed = await getPublicationFeed(archive, anonymousAt(request.ip), siteOf(request));
      return reply.type(atomType).header('cache-control', 'no-cache').send(feed);
    },
  );
  api.get(
    '/fora/:id/feed.xml',
    {
      schema: {
        summary: 'Atom-feed med et forums udsendte dagsordener og referater',
        description:
          'Som /feed.xml for ét forum. Et internt forum findes ikke her (404), heller ikke for dets medlemmer.',
        params: idParams,
        response: { 200: atomSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const feed = await getPublicationFeed(archive, anonymousAt(request.ip), {
        ...siteOf(request),
        forumId: request.params.id,
      });
      return reply.type(atomType).header('cache-control', 'no-cache').send(feed);
    },
  );
  api.get(
    '/fora/:id/kalender.ics',
    {
      schema: {
        summary: 'Et forums møder som kalender (iCalendar, kan abonneres på med webcal://)',
        description:
          'Alle udsendte møder fra de seneste to år og alle kommende, ét VEVENT pr. møde med fast UID; SEQUENCE stiger, når dato, tid eller sted ændres, og når mødet aflyses. Varigheden er tidsplanens sum (ellers 2 timer). Et internt forum findes ikke her (404).',
        params: idParams,
        response: { 200: calendarSchema, ...readErrors },
      },
    },
    async (request, reply) => {
      const calendar = await getForumCalendar(
        archive,
        anonymousAt(request.ip),
        request.params.id,
        siteOf(request),
      );
      return reply
        .type(calendarType)
        .header('content-disposition', `inline; filename="kalender-${request.params.id}.ics"`)
        .header('cache-control', 'no-cache')
        .send(calendar);
    },
  );
}

/**
 * Where a feed's links point, for a request: links in a feed are absolute, REFERAT_PUBLIC_URL's
 * origin, else the address asked for. Every feed (a forum's, a user's own) takes it from here,
 * so that a meeting's UID is the same in all of them.
 */
export function feedSiteResolver(
  auth: AuthConfig | undefined,
): (request: FastifyRequest) => FeedSite {
  const publicUrl = (auth ?? readAuthConfig()).publicUrl;
  return (request) => ({
    // The Host header has passed the allow-list (security/host-allow-list), so it is ours; as
    // an origin, a default port is dropped (http://localhost:80 is http://localhost).
    baseUrl: publicUrl?.origin ?? new URL(`${request.protocol}://${request.host}`).origin,
  });
}
