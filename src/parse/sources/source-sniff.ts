import { open } from 'node:fs/promises';
import type { SourceSniff } from './source-types.ts';

const headBytes = 8192;

/** Reads the first bytes of a file for content detection; null when it cannot be read. */
export async function sniffFile(path: string): Promise<SourceSniff | null> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const buffer = new Uint8Array(headBytes);
    const { bytesRead } = await handle.read(buffer, 0, headBytes, 0);
    return sniffBytes(path, buffer.subarray(0, bytesRead));
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** The sniff of bytes already in memory. */
export function sniffBytes(path: string, bytes: Uint8Array): SourceSniff {
  return { path, head: decodeHead(bytes), magic: bytes.subarray(0, 8) };
}

function decodeHead(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) return '';
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/u, '');
}

/**
 * The name of the root element of an XML head (after the declaration, comments and a
 * doctype), with its start tag; null when the head is not XML.
 */
export function xmlRootTag(head: string): { name: string; tag: string } | null {
  let rest = head.trimStart();
  for (;;) {
    if (rest.startsWith('<?')) rest = rest.slice(rest.indexOf('?>') + 2).trimStart();
    else if (rest.startsWith('<!--')) rest = rest.slice(rest.indexOf('-->') + 3).trimStart();
    else if (rest.startsWith('<!')) rest = rest.slice(rest.indexOf('>') + 1).trimStart();
    else break;
    if (rest === '') return null;
  }
  const match = /^<([A-Za-z_][\w.:-]*)([^>]*)>?/u.exec(rest);
  if (!match) return null;
  return { name: match[1] ?? '', tag: match[0] };
}

/** The root's local name (without a namespace prefix), or null. */
export function xmlRootName(head: string): string | null {
  return xmlRootTag(head)?.name.replace(/^.*:/u, '') ?? null;
}
