import { Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { maxAttachmentBytes } from '../../core/attachment-type.ts';
import { ServiceError } from '../../services/service-error.ts';

const megabyte = 1024 * 1024;

/** Made once: building a number format costs far more than using it. */
const megabyteFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** Routes that take a file rather than JSON, with the answer when the file is too large. */
const uploadLimitMessages: Record<string, string> = {
  '/api/items/:id/attachments': `Filen er for stor: et bilag må højst fylde ${formatMegabytes(maxAttachmentBytes)}.`,
};

/** "2 MB", "1,5 MB": a byte count in whole or tenths of megabytes, the Danish way. */
export function formatMegabytes(bytes: number): string {
  const megabytes = Math.floor((bytes / megabyte) * 10) / 10;
  return `${megabyteFormat.format(megabytes)} MB`;
}

/**
 * The answer to a body over a route's limit, naming that limit: a Bilag's 25 MB on the upload
 * route, the JSON body limit (2 MB) everywhere else.
 */
export function tooLargeMessage(routeUrl: string | undefined, bodyLimit: number): string {
  const uploadMessage = routeUrl === undefined ? undefined : uploadLimitMessages[routeUrl];
  return uploadMessage ?? `Forespørgslen er for stor: højst ${formatMegabytes(bodyLimit)}.`;
}

/**
 * Answers 413 with a Danish message that names the route's real limit, before the body is
 * read: at once when Content-Length says the body is too large, and otherwise (a chunked body)
 * as soon as more bytes than the limit have arrived. Fastify's own check would give one
 * message for every route.
 */
export function registerBodyLimits(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, reply, payload) => {
    const limit = request.routeOptions.bodyLimit;
    const declaredLength = Number(request.headers['content-length']);
    if (declaredLength > limit)
      return reply.code(413).send({ error: tooLargeMessage(request.routeOptions.url, limit) });
    if (!hasChunkedBody(request)) return payload;
    const limiter = limitStream(limit, tooLargeMessage(request.routeOptions.url, limit));
    // Not pipeline(): on the limiter's error it would destroy the request, and with it the
    // socket the 413 answer goes out on.
    payload.on('error', (error) => limiter.destroy(error));
    return payload.pipe(limiter);
  });
}

function hasChunkedBody(request: FastifyRequest): boolean {
  return request.headers['content-length'] === undefined && 'transfer-encoding' in request.headers;
}

/** A pass-through stream that fails with a 413 ServiceError once `limit` bytes are exceeded. */
function limitStream(limit: number, message: string): Transform {
  let received = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > limit)
        callback(Object.assign(new ServiceError(413, message), { statusCode: 413 }));
      else callback(null, chunk);
    },
  });
}
