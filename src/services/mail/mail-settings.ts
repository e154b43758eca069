import { resolve } from 'node:path';

/**
 * How Referat sends e-mail, from the environment:
 *
 * - `REFERAT_SMTP_URL`: the mail server, `smtp://user:password@mail.kommune.dk:587` (STARTTLS
 *   when the server offers it) or `smtps://…:465`. Without it, nothing leaves the machine:
 *   each message is written as an .eml file to `REFERAT_DATA_DIR/outbox/`.
 * - `REFERAT_MAIL_FROM`: the sender, `Referat <referat@kommune.dk>`; default
 *   `Referat <referat@host>` from the public address.
 * - `REFERAT_PUBLIC_URL`: the address the mails link to (the meeting's page); default
 *   `http://HOST:PORT`, as the server itself.
 */
export interface MailSettings {
  /** The SMTP server's URL, or null: mails are written as files to `outboxDirectory`. */
  smtpUrl: string | null;
  /** Where the .eml files go without a mail server. */
  outboxDirectory: string;
  /** "https://referat.kommune.dk", without a trailing slash. */
  publicUrl: string;
  from: { name: string; address: string };
}

/** Reads the mail settings; a setting that cannot work stops the start with a Danish error. */
export function mailSettingsFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
  dataDirectory = environment.REFERAT_DATA_DIR || './data',
): MailSettings {
  const smtpUrl = environment.REFERAT_SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]/u.test(smtpUrl))
    throw new Error('REFERAT_SMTP_URL skal begynde med smtp:// eller smtps://');
  const publicUrl = readPublicUrl(environment);
  const from = environment.REFERAT_MAIL_FROM?.trim()
    ? readSender(environment.REFERAT_MAIL_FROM.trim())
    : { name: 'Referat', address: `referat@${new URL(publicUrl).hostname}` };
  return {
    smtpUrl,
    outboxDirectory: resolve(dataDirectory, 'outbox'),
    publicUrl,
    from,
  };
}

function readPublicUrl(environment: NodeJS.ProcessEnv): string {
  const text =
    environment.REFERAT_PUBLIC_URL?.trim() ||
    `http://${environment.HOST ?? 'localhost'}:${environment.PORT ?? 3000}`;
  try {
    return new URL(text).toString().replace(/\/+$/u, '');
  } catch {
    throw new Error(`REFERAT_PUBLIC_URL er ikke en gyldig adresse: ${text}`);
  }
}

/** "Referat <referat@kommune.dk>" or "referat@kommune.dk". */
function readSender(text: string): { name: string; address: string } {
  const match = /^(.*)<([^<>\s]+@[^<>\s]+)>$/u.exec(text);
  if (match)
    return { name: match[1]?.trim().replace(/^"|"$/gu, '') || 'Referat', address: match[2] ?? '' };
  if (/^[^\s<>]+@[^\s<>]+$/u.test(text)) return { name: 'Referat', address: text };
  throw new Error(
    `REFERAT_MAIL_FROM er ikke en afsender som "Referat <referat@kommune.dk>": ${text}`,
  );
}

/** How the archive's mail goes out, for the delivery panel. */
export interface MailStatus {
  transport: 'smtp' | 'files';
  /** The folder the messages are written to, when there is no mail server. */
  directory: string | null;
}
