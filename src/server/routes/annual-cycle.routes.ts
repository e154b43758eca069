import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  annualCycleApplicationSchema,
  annualCycleSchema,
  deletedPlanEntrySchema,
  recurringItemSchema,
} from '../../core/api-contract/planning.ts';
import {
  planningSettingsSchema,
  recurringItemInputSchema,
} from '../../core/api-contract/planning-inputs.ts';
import { applyAnnualCycle } from '../../services/annual-cycle-application.ts';
import {
  addRecurringItem,
  changeRecurringItem,
  getAnnualCycle,
  removeRecurringItem,
  saveAnnualCycleSettings,
} from '../../services/annual-cycle-service.ts';
import { getAnnualWheelSvg } from '../../services/annual-wheel-service.ts';
import type { Archive } from '../../services/archive.ts';
import { actorOf } from '../request-actor.ts';
import { errorAnswers, textAnswer, writeErrors } from '../response-contract.ts';
import { idParams } from './route-helpers.ts';

/** A read of the forum's plan: for its members and staff (401, 403, or 404 when hidden). */
export const planReadErrors = errorAnswers(401, 403, 404);

/** A forum and a year in a path, 2000–2100. */
export const yearParams = idParams.extend({ year: z.coerce.number().int().min(2000).max(2100) });

/**
 * The annual cycle (årshjul): the forum's recurring items, its setting for the agenda PDF,
 * applying it to a year's meetings, and the årshjul as an SVG picture.
 */
export function registerAnnualCycleRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/forums/:id/annual-cycle',
    {
      schema: {
        summary: 'Forummets årshjul: faste punkter, og om dagsordenens PDF viser årshjulet',
        params: idParams,
        response: { 200: annualCycleSchema, ...planReadErrors },
      },
    },
    (request) => getAnnualCycle(archive, actorOf(request), request.params.id),
  );
  api.put(
    '/api/forums/:id/annual-cycle/settings',
    {
      schema: {
        summary: 'Vis årshjulet som sidste side i dagsordenens PDF, eller lad være',
        params: idParams,
        body: planningSettingsSchema,
        response: { 200: annualCycleSchema, ...writeErrors },
      },
    },
    (request) =>
      saveAnnualCycleSettings(archive, actorOf(request), request.params.id, request.body),
  );
  api.post(
    '/api/forums/:id/recurring-items',
    {
      schema: {
        summary: 'Tilføj et fast punkt til årshjulet',
        description:
          'Reglen er hvert kvartal (quarterly), forår og efterår (spring_autumn: marts–maj og september–november) eller bestemte måneder (months).',
        params: idParams,
        body: recurringItemInputSchema,
        response: { 201: recurringItemSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addRecurringItem(archive, actorOf(request), request.params.id, request.body)),
  );
  api.put(
    '/api/recurring-items/:id',
    {
      schema: {
        summary: 'Ret et fast punkt i årshjulet',
        params: idParams,
        body: recurringItemInputSchema,
        response: { 200: recurringItemSchema, ...writeErrors },
      },
    },
    (request) => changeRecurringItem(archive, actorOf(request), request.params.id, request.body),
  );
  api.delete(
    '/api/recurring-items/:id',
    {
      schema: {
        summary: 'Fjern et fast punkt fra årshjulet (det, det har planlagt, bliver i punktbanken)',
        params: idParams,
        response: { 200: deletedPlanEntrySchema, ...writeErrors },
      },
    },
    (request) => removeRecurringItem(archive, actorOf(request), request.params.id),
  );
  api.post(
    '/api/forums/:id/annual-cycle/:year/apply',
    {
      schema: {
        summary: 'Læg årshjulet ind i årets møder',
        description:
          'Hvert fast punkt lægges i punktbanken på årets første møde i hver af sine perioder (kun møder, hvis dagsorden kan ændres). Kan gentages: intet kommer to gange, og et punkt, der ventede på et møde, får det, når planen har et.',
        params: yearParams,
        response: { 200: annualCycleApplicationSchema, ...writeErrors },
      },
    },
    (request) =>
      applyAnnualCycle(archive, actorOf(request), request.params.id, request.params.year),
  );
  api.get(
    '/api/forums/:id/annual-wheel/:year.svg',
    {
      schema: {
        summary: 'Årshjulet som billede (SVG)',
        description:
          'Året som en cirkel med månederne, forummets møder, de planlagte og de faste punkter; med titel og beskrivelse til skærmlæsere. For forummets medlemmer, sekretærer og administratorer.',
        params: yearParams,
        response: { 200: textAnswer('SVG-billede (image/svg+xml)'), ...planReadErrors },
      },
    },
    async (request, reply) => {
      const svg = await getAnnualWheelSvg(
        archive,
        actorOf(request),
        request.params.id,
        request.params.year,
      );
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );
}
