/**
 * A small MIME reader for tests: enough of RFC 2045–2047 to take apart what nodemailer
 * sends (multipart bodies, base64 and quoted-printable, encoded-word headers), so that a test
 * checks the message that arrived rather than the options it was made from.
 */

/** One part of a message (the message itself is the root part). */
export interface MimePart {
  /** Header values by lower-case name, unfolded and with encoded words decoded. */
  headers: Map<string, string>;
  /** "text/plain", "multipart/mixed" … in lower case. */
  type: string;
  /** The Content-Type's parameters (charset, boundary, method …), names in lower case. */
  parameters: Record<string, string>;
  /** The decoded body (empty for a multipart). */
  body: Buffer;
  parts: MimePart[];
}

/** Reads a raw message. */
export function parseMime(raw: Buffer | string): MimePart {
  const text = Buffer.isBuffer(raw) ? raw.toString('latin1') : raw;
  const split = /\r?\n\r?\n/u.exec(text);
  const headerText = split ? text.slice(0, split.index) : text;
  const bodyText = split ? text.slice(split.index + split[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of headerText.replace(/\r?\n[ \t]+/gu, ' ').split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, decodeWords(line.slice(colon + 1).trim()));
  }
  const [type, parameters] = readContentType(headers.get('content-type') ?? 'text/plain');
  if (type.startsWith('multipart/') && parameters.boundary) {
    const parts = splitMultipart(bodyText, parameters.boundary).map(parseMime);
    return { headers, type, parameters, body: Buffer.alloc(0), parts };
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  return { headers, type, parameters, body: decodeBody(bodyText, encoding), parts: [] };
}

/** Every part, depth first, the root included. */
export function allParts(part: MimePart): MimePart[] {
  return [part, ...part.parts.flatMap(allParts)];
}

/** The first part of a type, or undefined. */
export function findPart(root: MimePart, type: string): MimePart | undefined {
  return allParts(root).find((part) => part.type === type);
}

/** A text part's body as a string. */
export function textOf(part: MimePart | undefined): string {
  return part ? part.body.toString('utf8') : '';
}

/** A part's file name, from Content-Disposition or Content-Type. */
export function fileNameOf(part: MimePart): string | null {
  const [, disposition] = readContentType(part.headers.get('content-disposition') ?? 'inline');
  return disposition.filename ?? part.parameters.name ?? null;
}

function readContentType(value: string): [string, Record<string, string>] {
  const [type = '', ...rest] = value.split(';');
  const parameters: Record<string, string> = {};
  for (const entry of rest) {
    const equals = entry.indexOf('=');
    if (equals < 0) continue;
    const name = entry.slice(0, equals).trim().toLowerCase();
    parameters[name] = entry
      .slice(equals + 1)
      .trim()
      .replace(/^"(.*)"$/u, '$1');
  }
  return [type.trim().toLowerCase(), parameters];
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const sections = body.split(delimiter);
  // Before the first delimiter is the preamble; from "--" after the last, the epilogue.
  return sections
    .slice(1)
    .filter((section) => !section.startsWith('--'))
    .map((section) => section.replace(/^\r?\n/u, '').replace(/\r?\n$/u, ''));
}

function decodeBody(text: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(text.replace(/\s+/gu, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(text);
  return Buffer.from(text, 'latin1');
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/gu, '');
  const bytes: number[] = [];
  for (let index = 0; index < joined.length; index++) {
    const character = joined[index] ?? '';
    const hex = joined.slice(index + 1, index + 3);
    if (character === '=' && /^[0-9A-Fa-f]{2}$/u.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else bytes.push(joined.charCodeAt(index) & 0xff);
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words ("=?UTF-8?Q?Dagsorden?="); whitespace between two words is dropped. */
function decodeWords(value: string): string {
  const latin = value.replace(/(\?=)\s+(=\?)/gu, '$1$2');
  const decoded = latin.replace(
    /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/gu,
    (_word, _charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('latin1')
        : decodeQuotedPrintable(data.replaceAll('_', ' ')).toString('latin1'),
  );
  // Headers were read as latin1 bytes: turn the bytes back into UTF-8 text.
  return Buffer.from(decoded, 'latin1').toString('utf8');
}
