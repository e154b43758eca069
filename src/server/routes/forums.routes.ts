import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseCaseNumber } from '../../core/case-number.ts';
import { canSeeClosedItems, closedItemTitle } from '../../core/visibility.ts';
import type { Archive } from '../../services/archive.ts';
import { createForum, getForums, saveForum } from '../../services/forum-service.ts';
import { findCaseTimeline } from '../../store/meeting-reader.ts';
import { authorOf, viewerOf } from '../viewer.ts';
import { idParams } from './route-helpers.ts';

const forumFields = z.strictObject({
  name: z.string().trim().min(1, 'skriv forummets navn').max(200),
  abbreviation: z.string().trim().max(20).nullable().optional(),
});
const memberSchema = z.strictObject({
  name: z.string().trim().min(1, 'skriv medlemmets navn').max(200),
  role: z.string().trim().max(200).nullable().optional(),
});

/** Forums and members, a case's timeline, and the journal-number check. */
export function registerForumRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/forums', { schema: { summary: 'Fora med medlemmer' } }, () => getForums(archive));
  api.post(
    '/api/forums',
    { schema: { summary: 'Opret et forum', body: forumFields } },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createForum(
            archive,
            { name: request.body.name, abbreviation: request.body.abbreviation || null },
            authorOf(request),
          ),
        ),
  );
  api.put(
    '/api/forums/:id',
    {
      schema: {
        summary: 'Ret et forum og dets medlemmer',
        params: idParams,
        body: forumFields.extend({ members: z.array(memberSchema).max(500) }),
      },
    },
    (request) =>
      saveForum(
        archive,
        request.params.id,
        {
          name: request.body.name,
          abbreviation: request.body.abbreviation || null,
          members: request.body.members.map((member) => ({
            name: member.name,
            role: member.role || null,
          })),
        },
        authorOf(request),
      ),
  );
  api.get(
    '/api/cases/:caseNumber',
    {
      schema: {
        summary: 'En sags forløb på tværs af møder',
        params: z.object({ caseNumber: z.string().trim().min(1).max(60) }),
      },
    },
    async (request) => {
      const canSeeClosed = canSeeClosedItems(viewerOf(request));
      const timeline = await findCaseTimeline(archive.database.db, request.params.caseNumber);
      return timeline.map((entry) => ({
        meetingId: entry.meetingId,
        forum: entry.forum,
        date: entry.date,
        itemNumber: entry.number,
        title: entry.closed && !canSeeClosed ? closedItemTitle : entry.title,
        decision: entry.closed && !canSeeClosed ? null : entry.decision,
        closed: entry.closed,
      }));
    },
  );
  api.get(
    '/api/case-numbers/check',
    {
      schema: {
        summary: 'Tjek et journalnummer',
        querystring: z.object({ value: z.string().max(100) }),
      },
    },
    (request) => {
      const parsed = parseCaseNumber(request.query.value);
      return parsed.ok
        ? {
            ok: true,
            normalized: parsed.caseNumber.text,
            message: null,
          }
        : { ok: false, normalized: null, message: parsed.warning };
    },
  );
}
