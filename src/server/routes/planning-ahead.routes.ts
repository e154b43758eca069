import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  deletedPlanEntrySchema,
  meetingSeriesResultSchema,
  plannedItemSchema,
  takenPlannedItemSchema,
  yearPlanSchema,
} from '../../core/api-contract/planning.ts';
import {
  meetingSeriesInputSchema,
  newPlannedItemSchema,
  plannedItemChangesSchema,
  plannedReturnSchema,
  takePlannedItemSchema,
} from '../../core/api-contract/planning-inputs.ts';
import type { Archive } from '../../services/archive.ts';
import { getYearPlan, planMeetingSeries } from '../../services/meeting-plan-service.ts';
import { takePlannedItem } from '../../services/planned-item-take.ts';
import {
  addPlannedItem,
  changePlannedItem,
  listOfferedItems,
  listPlannedItems,
  planReturn,
  removePlannedItem,
} from '../../services/planning-service.ts';
import { actorOf } from '../request-actor.ts';
import { writeErrors } from '../response-contract.ts';
import { planReadErrors, registerAnnualCycleRoutes, yearParams } from './annual-cycle.routes.ts';
import { idParams } from './route-helpers.ts';

/**
 * Planning ahead: the punktbank (planned items, returns, taking one into an agenda), the year's
 * meeting plan (a series of meetings, the year at a glance) and, in annual-cycle.routes.ts,
 * the annual cycle and the årshjul.
 */
export function registerPlanningAheadRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/forums/:id/planned-items',
    {
      schema: {
        summary: 'Forummets punktbank: punkter planlagt til kommende møder',
        description:
          'For forummets medlemmer, sekretærer og administratorer. Et møde, læseren ikke må se (en kladde for et medlem), nævnes ikke: punktet står da uden møde.',
        params: idParams,
        response: { 200: z.array(plannedItemSchema), ...planReadErrors },
      },
    },
    (request) => listPlannedItems(archive, actorOf(request), request.params.id),
  );
  api.post(
    '/api/forums/:id/planned-items',
    {
      schema: {
        summary: 'Læg et punkt i punktbanken, til et bestemt møde eller til senere',
        params: idParams,
        body: newPlannedItemSchema,
        response: { 201: plannedItemSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addPlannedItem(archive, actorOf(request), request.params.id, request.body)),
  );
  api.post(
    '/api/forums/:id/planned-returns',
    {
      schema: {
        summary: 'Planlæg et punkt, der skal tilbage til forummet',
        description:
          'Punktet får titel, sagsnummer og lukkethed fra det punkt, det kommer tilbage fra, og lægges på det første møde i fristen, ellers det første møde efter fristens start, ellers (uden frist) det næste møde; uden sådant møde venter det i punktbanken. Er det samme punkt allerede planlagt og ikke taget ind, svares med det.',
        params: idParams,
        body: plannedReturnSchema,
        response: { 201: plannedItemSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(
        await planReturn(archive, actorOf(request), {
          forumId: request.params.id,
          itemId: request.body.itemId,
          due: request.body.due ?? null,
        }),
      ),
  );
  api.patch(
    '/api/planned-items/:id',
    {
      schema: {
        summary: 'Ret et punkt i punktbanken eller flyt det til et andet møde',
        params: idParams,
        body: plannedItemChangesSchema,
        response: { 200: plannedItemSchema, ...writeErrors },
      },
    },
    (request) => changePlannedItem(archive, actorOf(request), request.params.id, request.body),
  );
  api.delete(
    '/api/planned-items/:id',
    {
      schema: {
        summary: 'Fjern et punkt fra punktbanken',
        params: idParams,
        response: { 200: deletedPlanEntrySchema, ...writeErrors },
      },
    },
    (request) => removePlannedItem(archive, actorOf(request), request.params.id),
  );
  api.post(
    '/api/planned-items/:id/take',
    {
      schema: {
        summary: 'Tag et punkt fra punktbanken ind på et mødes dagsorden (før Evt.)',
        params: idParams,
        body: takePlannedItemSchema,
        response: { 200: takenPlannedItemSchema, ...writeErrors },
      },
    },
    (request) =>
      takePlannedItem(archive, actorOf(request), request.params.id, request.body.meetingId),
  );
  api.get(
    '/api/meetings/:id/planned-items',
    {
      schema: {
        summary: 'Punkter fra punktbanken, som mødets dagsorden kan tage ind',
        description: 'De punkter, der er planlagt til mødet, og dem, der venter uden møde.',
        params: idParams,
        response: { 200: z.array(plannedItemSchema), ...planReadErrors },
      },
    },
    (request) => listOfferedItems(archive, actorOf(request), request.params.id),
  );
  api.post(
    '/api/forums/:id/meeting-series',
    {
      schema: {
        summary: 'Opret en række møder på én gang (eller se datoerne først med dryRun)',
        description:
          'Ugentligt hver n. uge på en ugedag, eller månedligt på den n. (eller sidste) ugedag, fra–til, uden møder i de nævnte ISO-uger. Hvert møde oprettes som ethvert andet møde (punkt 1, faste punkter, Evt.). Datoer, hvor forummet allerede har et møde, springes over.',
        params: idParams,
        body: meetingSeriesInputSchema,
        response: {
          200: meetingSeriesResultSchema,
          201: meetingSeriesResultSchema,
          ...writeErrors,
        },
      },
    },
    async (request, reply) => {
      const result = await planMeetingSeries(
        archive,
        actorOf(request),
        request.params.id,
        request.body,
      );
      return reply.code(result.isDryRun ? 200 : 201).send(result);
    },
  );
  api.get(
    '/api/forums/:id/year/:year',
    {
      schema: {
        summary: 'Året på én side: månederne med møder, og årshjulets indhold',
        params: yearParams,
        response: { 200: yearPlanSchema, ...planReadErrors },
      },
    },
    (request) => getYearPlan(archive, actorOf(request), request.params.id, request.params.year),
  );
  registerAnnualCycleRoutes(app, archive);
}
