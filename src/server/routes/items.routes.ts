import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  itemCorrectionSchema,
  itemSaveSchema,
  newItemSchema,
} from '../../core/api-contract/meeting-inputs.ts';
import {
  attachmentAccessAnswerSchema,
  attachmentAccessSchema,
  editableAttachmentSchema,
  editableItemSchema,
} from '../../core/api-contract/meetings.ts';
import { maxAttachmentBytes } from '../../core/attachment-type.ts';
import type { Archive } from '../../services/archive.ts';
import {
  downloadAttachment,
  removeAttachment,
  setAttachmentAccess,
  uploadAttachment,
} from '../../services/attachment-service.ts';
import { addItem, removeItem, updateItem } from '../../services/item-service.ts';
import { ServiceError } from '../../services/service-error.ts';
import { actorOf } from '../request-actor.ts';
import { binaryAnswer, emptyAnswer, readErrors, writeErrors } from '../response-contract.ts';
import { idParams } from './route-helpers.ts';

/** Agenda items: add, save (with versions), delete, correct; and their Bilag. */
export function registerItemRoutes(app: FastifyInstance, archive: Archive): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/meetings/:id/items',
    {
      schema: {
        summary: 'Tilføj et punkt (før Evt.)',
        params: idParams,
        body: newItemSchema,
        response: { 201: editableItemSchema, ...writeErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addItem(archive, actorOf(request), request.params.id, request.body)),
  );
  api.patch(
    '/api/items/:id',
    {
      schema: {
        summary: 'Gem et punkt; 409 med begge versioner, hvis en anden har ændret det',
        params: idParams,
        body: itemSaveSchema,
        response: { 200: editableItemSchema, ...writeErrors },
      },
    },
    (request) => {
      const { version, ...fields } = request.body;
      return updateItem(archive, actorOf(request), request.params.id, version, fields);
    },
  );
  api.delete(
    '/api/items/:id',
    {
      schema: {
        summary: 'Slet et punkt',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int() }),
        response: { 204: emptyAnswer('Punktet er slettet'), ...writeErrors },
      },
    },
    async (request, reply) => {
      await removeItem(archive, actorOf(request), request.params.id, request.query.version);
      return reply.code(204).send();
    },
  );
  api.post(
    '/api/items/:id/corrections',
    {
      schema: {
        summary: 'Ret et godkendt referat med en begrundelse',
        params: idParams,
        body: itemCorrectionSchema,
        response: { 200: editableItemSchema, ...writeErrors },
      },
    },
    (request) =>
      updateItem(
        archive,
        actorOf(request),
        request.params.id,
        request.body.version,
        request.body.changes,
        { reason: request.body.reason, isCorrection: true },
      ),
  );
  registerAttachmentRoutes(app, archive);
}

function registerAttachmentRoutes(app: FastifyInstance, archive: Archive): void {
  app.register(async (scope) => {
    // Bilag arrive as raw bytes of any declared type: the content decides (core/attachment-type).
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: maxAttachmentBytes + 1 },
      (_request, body, done) => done(null, body),
    );
    const api = scope.withTypeProvider<ZodTypeProvider>();
    api.post(
      '/api/items/:id/attachments',
      {
        bodyLimit: maxAttachmentBytes + 1,
        schema: {
          summary: 'Upload et bilag (PDF, DOCX eller XLSX; højst 25 MB)',
          params: idParams,
          querystring: z.object({ title: z.string().trim().max(300).optional() }),
          response: { 201: editableAttachmentSchema, ...writeErrors },
        },
      },
      async (request, reply) => {
        if (!Buffer.isBuffer(request.body))
          throw new ServiceError(415, 'Send filens indhold, ikke JSON.');
        const attachment = await uploadAttachment(archive, actorOf(request), request.params.id, {
          bytes: request.body,
          fileName: fileNameOf(request.headers['x-file-name']),
          title: request.query.title ?? null,
        });
        return reply.code(201).send(attachment);
      },
    );
  });
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/attachments/:id',
    {
      schema: {
        summary: 'Hent et bilag',
        params: idParams,
        response: { 200: binaryAnswer('Bilagets fil'), ...readErrors },
      },
    },
    async (request, reply) => {
      const file = await downloadAttachment(archive, actorOf(request), request.params.id);
      return reply
        .header('content-type', file.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="bilag"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.bytes);
    },
  );
  api.put(
    '/api/attachments/:id/access',
    {
      schema: {
        summary: 'Gør et bilag offentligt eller ikke offentligt',
        params: idParams,
        body: attachmentAccessSchema,
        response: { 200: attachmentAccessAnswerSchema, ...writeErrors },
      },
    },
    async (request) =>
      setAttachmentAccess(archive, actorOf(request), request.params.id, request.body.isPublic),
  );
  api.delete(
    '/api/attachments/:id',
    {
      schema: {
        summary: 'Fjern et bilag',
        params: idParams,
        response: { 204: emptyAnswer('Bilaget er fjernet'), ...writeErrors },
      },
    },
    async (request, reply) => {
      await removeAttachment(archive, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}

function fileNameOf(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header[0] : header;
  try {
    return (
      decodeURIComponent(raw ?? '')
        .replace(/[\\/]/gu, '_')
        .slice(0, 200) || 'bilag'
    );
  } catch {
    return 'bilag';
  }
}
