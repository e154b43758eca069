import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { MailSettings } from './mail-settings.ts';

/** Where mail goes: a real mail server, or files in a folder (no server set up). */
export type MailTransportKind = 'smtp' | 'files';

/** Sends one message; throws with the mail server's answer when it is not accepted. */
export interface MailTransport {
  kind: MailTransportKind;
  /** The folder the .eml files are written to (files only). */
  directory: string | null;
  send(message: SendMailOptions): Promise<void>;
}

/**
 * The transport the settings give: SMTP through nodemailer when REFERAT_SMTP_URL is set,
 * otherwise each message, exactly as it would have been sent, written as an .eml file (which
 * any mail program opens) to the data folder's outbox.
 */
export function createMailTransport(settings: MailSettings): MailTransport {
  if (settings.smtpUrl) return smtpTransport(settings.smtpUrl);
  return fileTransport(settings.outboxDirectory);
}

function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // A server that hangs must not hold the worker's claim past its lease (60 s).
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 40_000,
  });
  return {
    kind: 'smtp',
    directory: null,
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}

function fileTransport(directory: string): MailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  return {
    kind: 'files',
    directory,
    async send(message) {
      const info = await transporter.sendMail(message);
      await mkdir(directory, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/gu, '-')}-${fileSafe(firstRecipient(message))}-${randomBytes(3).toString('hex')}.eml`;
      // Written beside, then renamed: a reader of the folder never sees half a message.
      const partial = join(directory, `.${name}.partial`);
      await writeFile(partial, info.message as Buffer);
      await rename(partial, join(directory, name));
    },
  };
}

function firstRecipient(message: SendMailOptions): string {
  let to: unknown = message.to;
  while (Array.isArray(to)) to = to[0];
  if (typeof to === 'string') return to;
  const address = (to as { address?: unknown } | undefined)?.address;
  return typeof address === 'string' ? address : 'modtager';
}

function fileSafe(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9@._-]+/gu, '_')
    .slice(0, 80);
}

/**
 * Whether the mail server refused the message for good (a 5xx answer: no such mailbox, say),
 * so that trying again cannot help; anything else (no connection, 4xx "try later") may pass
 * on a later attempt.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** A failed send as the delivery panel shows it after "Fejlet: ", in Danish with the server's words. */
export function describeMailFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const response = (error as { response?: unknown } | null)?.response;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof response === 'string' && response)
    return isPermanentFailure(error)
      ? `Mailserveren afviste e-mailen (${response})`
      : `Mailserveren bad om et nyt forsøg senere (${response})`;
  if (code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'EDNS')
    return `Mailserveren kunne ikke nås (${message})`;
  return message;
}
