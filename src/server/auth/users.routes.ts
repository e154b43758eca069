import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  newUserSchema,
  userAccountSchema,
  userChangesSchema,
  userResultSchema,
} from '../../core/api-contract/accounts.ts';
import type { Archive } from '../../services/archive.ts';
import { addUser, changeUser, getUsers } from '../../services/auth/user-service.ts';
import { actorOf } from '../request-actor.ts';
import { idParams } from '../routes/route-helpers.ts';
import { errorResponses } from './auth-schemas.ts';

/** User accounts, for administrators: the list, a new account, and changes to one. */
export function registerUserRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/users',
    {
      schema: {
        summary: 'Brugere med roller (administratorer)',
        response: { 200: z.array(userAccountSchema), ...errorResponses },
      },
    },
    (request) => getUsers(archive, actorOf(request)),
  );
  api.post(
    '/api/users',
    {
      schema: {
        summary: 'Opret en bruger (administratorer)',
        description:
          'Brugeren får en tilfældig adgangskode, som vises én gang og skal skiftes ved første log ind.',
        body: newUserSchema,
        response: { 201: userResultSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addUser(archive, actorOf(request), request.body)),
  );
  api.patch(
    '/api/users/:id',
    {
      schema: {
        summary: 'Ret en bruger (administratorer)',
        description:
          'Spærring og ny adgangskode afslutter brugerens sessioner; resetPassword giver en ny adgangskode, som vises én gang.',
        params: idParams,
        body: userChangesSchema,
        response: { 200: userResultSchema, ...errorResponses },
      },
    },
    (request) => changeUser(archive, actorOf(request), request.params.id, request.body),
  );
}
