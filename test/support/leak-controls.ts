import Fastify, { type FastifyInstance } from 'fastify';
import type { Meeting } from '../../src/core/meeting.ts';
import { renderMeeting } from '../../src/render/render-meeting.ts';

/**
 * A deliberately leaky server, for the leak test's negative control: it serves meetings as
 * stored, without the read model, as JSON (`/leaky/:id`) and as a PDF
 * (`/leaky/:id/document.pdf`). The crawler must find every hidden marker in its answers.
 */
export function createLeakyServer(meetings: ReadonlyMap<number, Meeting>): FastifyInstance {
  const app = Fastify();
  app.get<{ Params: { id: string } }>('/leaky/:id', async (request) =>
    meetings.get(Number(request.params.id)),
  );
  app.get<{ Params: { id: string } }>('/leaky/:id/document.pdf', async (request, reply) => {
    const meeting = meetings.get(Number(request.params.id));
    if (!meeting) return reply.code(404).send();
    const bytes = await renderMeeting(meeting, 'pdf', { kind: meeting.kind });
    return reply.type('application/pdf').send(Buffer.from(bytes));
  });
  return app;
}
