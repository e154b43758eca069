import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/** An error Node's HTTP parser meets before Fastify sees a request. */
export interface ClientError extends Error {
  code?: string;
  /** The bytes being parsed when the error came (a Buffer in Node). */
  rawPacket?: unknown;
}

/** What to answer to a client error: the status and the Danish message. */
export interface ClientErrorAnswer {
  status: number;
  message: string;
}

const headerLimit = `${Math.round(maxHeaderSize / 1024)} KB`;

/**
 * The answer to an error Node's HTTP parser meets: 431 for headers over Node's limit (16 KB
 * unless --max-http-header-size says otherwise), 414 when the address is most of the excess,
 * 408 when the request came too slowly, and 400 for a request that cannot be read.
 */
export function clientErrorAnswer(error: ClientError): ClientErrorAnswer {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return { status: 408, message: 'Forespørgslen kom for langsomt. Prøv igen.' };
  if (error.code !== 'HPE_HEADER_OVERFLOW')
    return { status: 400, message: 'Forespørgslen kunne ikke læses.' };
  if (requestLineLength(error.rawPacket) > maxHeaderSize / 2)
    return {
      status: 414,
      message: `Adressen er for lang: adresse og headere må tilsammen højst fylde ${headerLimit}.`,
    };
  return { status: 431, message: `Forespørgslens headere er for store: højst ${headerLimit}.` };
}

/** The length of the request line ("GET /… HTTP/1.1") at the start of a packet; 0 if none. */
function requestLineLength(packet: unknown): number {
  if (!Buffer.isBuffer(packet) || !/^[A-Z]+ /u.test(packet.subarray(0, 16).toString('latin1')))
    return 0;
  const end = packet.indexOf('\n');
  return end === -1 ? packet.length : end;
}

/** The raw HTTP answer for a client error: JSON `{ error }`, and the connection closes. */
export function rawClientErrorResponse(answer: ClientErrorAnswer): string {
  const body = JSON.stringify({ error: answer.message });
  return [
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/**
 * Fastify's `clientErrorHandler`: answers what Node's HTTP parser refuses (headers too large,
 * a malformed request) in Danish rather than with Node's or Fastify's English default, then
 * closes the connection.
 */
export function handleClientError(error: ClientError, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(rawClientErrorResponse(clientErrorAnswer(error)), () => socket.destroy());
}
